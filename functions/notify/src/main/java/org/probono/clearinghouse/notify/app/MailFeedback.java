package org.probono.clearinghouse.notify.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.probono.clearinghouse.json.Json;
import org.probono.clearinghouse.json.JsonInputException;
import org.probono.clearinghouse.json.Log;
import org.probono.clearinghouse.json.Tree;

/**
 * SES bounce and complaint notifications (through SNS): a permanent bounce or a complaint puts the
 * address on the suppression list. Transient bounces (a full mailbox) do not. Both notification forms
 * are read: identity notifications ({@code notificationType}) and configuration-set events ({@code eventType}).
 */
public final class MailFeedback {

    private final Suppressions suppressions;
    private final Clock clock;

    public MailFeedback(Suppressions suppressions, Clock clock) {
        this.suppressions = suppressions;
        this.clock = clock;
    }

    /** Handles one SNS message body; returns the addresses suppressed. */
    public List<String> record(String snsMessage) {
        Tree notification;
        try {
            notification = Json.tree(snsMessage == null ? "" : snsMessage);
        } catch (JsonInputException e) {
            Log.warn("SNS message is not an SES notification; ignored");
            return List.of();
        }
        String type = Objects.requireNonNullElse(
                notification.path("notificationType").text(),
                Objects.requireNonNullElse(notification.path("eventType").text(), ""));
        List<String> suppressed = new ArrayList<>();
        switch (type) {
            case "Bounce" -> {
                Tree bounce = notification.path("bounce");
                if ("Permanent".equals(bounce.path("bounceType").text())) {
                    for (Tree r : bounce.path("bouncedRecipients").elements()) suppressed.add(address(r));
                }
            }
            case "Complaint" -> {
                for (Tree r : notification
                        .path("complaint")
                        .path("complainedRecipients")
                        .elements()) {
                    suppressed.add(address(r));
                }
            }
            default -> Log.info("SES notification ignored", "type", type);
        }
        List<String> addresses = suppressed.stream()
                .filter(a -> !a.isBlank())
                .map(Suppressions::normalise)
                .toList();
        addresses.forEach(address -> suppressions.suppress(address, type, clock.instant()));
        if (!addresses.isEmpty()) Log.info("addresses suppressed", "count", addresses.size(), "after", type);
        return addresses;
    }

    private static String address(Tree recipient) {
        return Objects.requireNonNullElse(recipient.path("emailAddress").text(), "");
    }
}
