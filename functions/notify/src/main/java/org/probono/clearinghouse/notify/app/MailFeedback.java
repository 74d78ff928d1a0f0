package org.probono.clearinghouse.notify.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.probono.clearinghouse.json.Json;
import org.probono.clearinghouse.json.Log;

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
        JsonNode notification;
        try {
            notification = Json.MAPPER.readTree(snsMessage);
        } catch (Exception e) {
            Log.warn("SNS message is not an SES notification; ignored");
            return List.of();
        }
        String type = notification
                .path("notificationType")
                .asText(notification.path("eventType").asText(""));
        List<String> suppressed = new ArrayList<>();
        switch (type) {
            case "Bounce" -> {
                JsonNode bounce = notification.path("bounce");
                if (bounce.path("bounceType").asText().equals("Permanent")) {
                    for (JsonNode r : bounce.path("bouncedRecipients"))
                        suppressed.add(r.path("emailAddress").asText());
                }
            }
            case "Complaint" -> {
                for (JsonNode r : notification.path("complaint").path("complainedRecipients")) {
                    suppressed.add(r.path("emailAddress").asText());
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
}
