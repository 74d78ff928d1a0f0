package org.probono.clearinghouse.notify.app;

import org.probono.clearinghouse.json.Log;
import org.probono.clearinghouse.json.Metric;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.Language;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.ids.Ids;
import org.probono.clearinghouse.notify.mail.EmailTemplates;
import org.probono.clearinghouse.notify.mail.MailSender;
import org.probono.clearinghouse.notify.mail.OutgoingMail;
import org.probono.clearinghouse.notify.mail.Wording;
import org.probono.clearinghouse.notify.store.OutboxStore;
import org.probono.clearinghouse.notify.store.SuppressionList;

/**
 * Sends the outbox: each record names an outbox item, which is read afresh, rendered, built, sent, then
 * marked SENT under the condition that it is still PENDING. A retried record whose item is already SENT
 * is skipped, so a retried batch sends nothing twice.
 *
 * <p>Send, then mark: if SES accepts and marking fails (a crash in between), the retry sends again. The
 * copy carries the same Message-ID (derived from the outbox id), which receiving systems use to drop
 * duplicates. Marking first would instead lose mail on a failed send.
 */
public final class OutboxDelivery {
    private static final String FROM_NAME = "Pro Bono Clearinghouse";

    /** One stream record: its sequence number (the partial-failure identifier) and the outbox item it names. */
    public record OutboxRecord(String sequenceNumber, String outboxId) {}

    /** What happened to one outbox item. */
    public sealed interface Delivery {
        record Sent(String sesMessageId) implements Delivery {}

        /** Already SENT or SUPPRESSED, or gone: nothing to do. */
        record AlreadyDone() implements Delivery {}

        record Suppressed() implements Delivery {}

        /** Left PENDING; the record is reported as a batch item failure and retried. */
        record Failed(String reason) implements Delivery {}
    }

    /** What the templates need besides the item's data. */
    public record Settings(String senderAddress, String adminEmail, String inboundDomain, String webUrl) {}

    private final OutboxStore outbox;
    private final SuppressionList suppressions;
    private final EmailTemplates templates;
    private final Wording wording;
    private final MailSender mailer;
    private final BiFunction<String, String, String> openDetails;
    private final BiFunction<String, String, String> openToken;
    private final Settings settings;
    private final Ids ids;
    private final Clock clock;

    /**
     * {@code openDetails}: (sealed, requestId) → the confidential text (ConfidentialBox.open); {@code openToken}:
     * (sealed, outboxId) → the email's token (ConfidentialBox.openToken), opened only to render and send it.
     */
    public OutboxDelivery(OutboxStore outbox, SuppressionList suppressions, EmailTemplates templates, Wording wording,
                          MailSender mailer, BiFunction<String, String, String> openDetails,
                          BiFunction<String, String, String> openToken, Settings settings, Ids ids, Clock clock) {
        this.openToken = openToken;
        this.outbox = outbox;
        this.suppressions = suppressions;
        this.templates = templates;
        this.wording = wording;
        this.mailer = mailer;
        this.openDetails = openDetails;
        this.settings = settings;
        this.ids = ids;
        this.clock = clock;
    }

    /** Delivers every record; returns the sequence numbers of those to retry (partial batch response). */
    public List<String> deliverAll(List<OutboxRecord> records) {
        List<String> failed = new ArrayList<>();
        for (OutboxRecord record : records) {
            Delivery delivery;
            try {
                delivery = deliver(record.outboxId());
            } catch (RuntimeException e) {
                delivery = new Delivery.Failed(e.getClass().getSimpleName());
            }
            if (delivery instanceof Delivery.Failed(String reason)) {
                Log.warn("outbox email not sent, will retry", "outboxId", record.outboxId(), "reason", reason);
                Log.metric(Metric.EMAILS_FAILED);
                failed.add(record.sequenceNumber());
            }
        }
        return failed;
    }

    public Delivery deliver(String outboxId) {
        var found = outbox.find(outboxId);
        if (found.isEmpty() || !found.get().isPending()) return new Delivery.AlreadyDone();
        OutboxStore.Entry entry = found.get();
        OutboxMessage message = entry.message();
        if (suppressions.isSuppressed(message.to())) return suppress(entry);

        String token = message.sealedToken() == null ? null : openToken.apply(message.sealedToken(), message.id());
        EmailTemplates.Rendered rendered = templates.render(message.template(), language(message), scope(message, token));
        OutgoingMail mail = new OutgoingMail(message.id(), settings.senderAddress(), FROM_NAME, message.to(),
                replyTo(message, token), rendered, clock.instant());
        return switch (mailer.send(mail)) {
            case MailSender.Result.Failed(String reason) -> new Delivery.Failed(reason);
            case MailSender.Result.Accepted(String sesMessageId) -> {
                if (!outbox.markSent(entry, sesMessageId, rendered.subject(), clock.instant())) {
                    Log.warn("outbox email marked by another delivery after sending", "outboxId", outboxId);
                }
                Log.info("outbox email sent", "outboxId", outboxId, "template", message.template(), "sesMessageId", sesMessageId,
                        "requestId", message.data().getOrDefault("requestId", ""));
                Log.metric(Metric.EMAILS_SENT);
                yield new Delivery.Sent(sesMessageId);
            }
        };
    }

    private Delivery suppress(OutboxStore.Entry entry) {
        OutboxMessage message = entry.message();
        boolean tellAdmin = message.template() != EmailTemplate.ADMIN_SUPPRESSED
                && !suppressions.isSuppressed(settings.adminEmail());
        OutboxMessage toAdmin = tellAdmin ? OutboxMessage.toTeam(ids.next(), EmailTemplate.ADMIN_SUPPRESSED,
                settings.adminEmail(), Map.of("address", message.to(), "template", message.template().name(),
                        "reason", "the address bounced or complained earlier"), clock.instant()) : null;
        outbox.markSuppressed(entry, clock.instant(), toAdmin);
        Log.info("outbox email not sent: recipient suppressed", "outboxId", message.id());
        return new Delivery.Suppressed();
    }

    /** Offer-like emails are answered by replying; everything else replies reach the team. */
    private String replyTo(OutboxMessage message, String token) {
        return switch (message.template()) {
            case OFFER, OFFER_REMINDER, REPLY_NOT_UNDERSTOOD -> {
                if (token == null) throw new IllegalStateException("outbox " + message.id() + " lacks its reply token");
                yield "reply+" + token + "@" + settings.inboundDomain();
            }
            default -> settings.adminEmail();
        };
    }

    /** The reader's language; the team reads English whatever the item says. */
    private static Language language(OutboxMessage message) {
        return message.template().languageFor(message.language());
    }

    private Map<String, Object> scope(OutboxMessage message, String token) {
        Map<String, Object> scope = wording.inWordsOf(language(message), message.data());
        if (token != null) scope.put("token", token);
        scope.putIfAbsent("webUrl", settings.webUrl());
        scope.put("adminEmail", settings.adminEmail());
        scope.put("inboundDomain", settings.inboundDomain());
        // Confidential details are opened for one email only, the one to the lawyer who accepted.
        if (message.template() == EmailTemplate.MATTER_DETAILS_TO_LAWYER && message.sealedDetails() != null) {
            scope.put("confidentialDetails", openDetails.apply(message.sealedDetails(), (String) message.data().get("requestId")));
        }
        return scope;
    }
}
