package org.probono.clearinghouse.notify.app;

import org.probono.clearinghouse.json.Log;
import org.probono.clearinghouse.json.Metric;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

/**
 * Sends the outbox: each stream record carries its outbox email in its new image (read without going back
 * to the table), which is claimed, rendered, built, sent, then marked SENT under the condition that it is
 * still PENDING. The claim is the guard against at-least-once delivery: a redelivered record whose email
 * is already SENT (or being sent) cannot claim it, so a retried batch sends nothing twice.
 *
 * <p>Send, then mark: if SES accepts and marking fails (a crash in between), the retry sends again once the
 * claim lapses, a second copy the recipient sees (SES sets its own Message-ID, so receivers cannot drop it).
 * Marking first would instead lose mail on a failed send, which is worse for an offer with a deadline.
 */
public final class OutboxDelivery {
    private static final String FROM_NAME = "Pro Bono Clearinghouse";

    /** Longer than the function's timeout (20 s): a live delivery's claim never lapses under it. */
    static final Duration CLAIM = Duration.ofMinutes(1);

    /** One stream record: its sequence number (the partial-failure identifier) and its new image. */
    public record OutboxRecord(String sequenceNumber, JsonNode newImage) {}

    /** What happened to one outbox item. */
    public sealed interface Delivery {
        record Sent(String sesMessageId) implements Delivery {}

        /** Already SENT or SUPPRESSED, or gone (resent under a new id): nothing to do. */
        record AlreadyDone() implements Delivery {}

        record Suppressed() implements Delivery {}

        /** Left PENDING; the record is reported as a batch item failure and retried. */
        record Failed(String reason) implements Delivery {}
    }

    /** What the templates need besides the item's data. */
    public record Settings(String senderAddress, String adminEmail, String inboundDomain, String webUrl) {}

    private final Outbox outbox;
    private final OutboxImages images;
    private final Suppressions suppressions;
    private final EmailTemplates templates;
    private final Wording wording;
    private final MailSender mailer;
    private final BiFunction<String, String, String> openDetails;
    private final BiFunction<String, String, String> openToken;
    private final Settings settings;
    private final ImpactReportMail reports;
    private final Ids ids;
    private final Clock clock;

    /**
     * {@code openDetails}: (sealed, requestId) → the confidential text (ConfidentialBox.open); {@code openToken}:
     * (sealed, outboxId) → the email's token (ConfidentialBox.openToken), opened only to render and send it;
     * {@code reports}: the figures, chart and CSV of the monthly impact report.
     */
    public OutboxDelivery(Outbox outbox, OutboxImages images, Suppressions suppressions, EmailTemplates templates, Wording wording,
                          MailSender mailer, BiFunction<String, String, String> openDetails,
                          BiFunction<String, String, String> openToken, Settings settings, ImpactReportMail reports,
                          Ids ids, Clock clock) {
        this.openToken = openToken;
        this.reports = reports;
        this.outbox = outbox;
        this.images = images;
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
            String outboxId = "(unreadable image)";
            try {
                Outbox.Entry entry = images.entryOf(record.newImage());
                outboxId = entry.message().id();
                delivery = deliver(entry);
            } catch (RuntimeException e) {
                delivery = new Delivery.Failed(e.getClass().getSimpleName());
            }
            if (delivery instanceof Delivery.Failed(String reason)) {
                Log.warn("outbox email not sent, will retry", "outboxId", outboxId, "reason", reason);
                Log.metric(Metric.EMAILS_FAILED);
                failed.add(record.sequenceNumber());
            }
        }
        return failed;
    }

    /** Delivers one email as its stream record carried it. */
    public Delivery deliver(Outbox.Entry entry) {
        if (!entry.isPending()) return new Delivery.AlreadyDone();
        Instant now = clock.instant();
        return switch (outbox.claim(entry, now, now.plus(CLAIM))) {
            case Outbox.Claim.Done done -> new Delivery.AlreadyDone();
            case Outbox.Claim.Busy busy -> new Delivery.Failed("another delivery holds its claim");
            case Outbox.Claim.Claimed(Instant until) -> {
                Delivery delivery;
                try {
                    delivery = send(entry);
                } catch (RuntimeException e) {
                    outbox.release(entry, until);
                    throw e;
                }
                if (delivery instanceof Delivery.Failed) outbox.release(entry, until);
                yield delivery;
            }
        };
    }

    private Delivery send(Outbox.Entry entry) {
        OutboxMessage message = entry.message();
        String outboxId = message.id();
        if (suppressions.isSuppressed(message.to())) return suppress(entry);

        String token = message.sealedToken() == null ? null : openToken.apply(message.sealedToken(), message.id());
        ImpactReportMail.Enclosed enclosed = message.template() == EmailTemplate.ADMIN_IMPACT_REPORT
                ? reports.enclose(message) : ImpactReportMail.Enclosed.NONE;
        Map<String, Object> scope = scope(message, token);
        scope.putAll(enclosed.scope());
        EmailTemplates.Rendered rendered = templates.render(message.template(), language(message), scope);
        OutgoingMail mail = new OutgoingMail(message.id(), settings.senderAddress(), FROM_NAME, message.to(),
                replyTo(message, token), rendered, clock.instant(), enclosed.attachments());
        return switch (mailer.send(mail)) {
            case MailSender.Result.Failed(String reason) -> new Delivery.Failed(reason);
            case MailSender.Result.Accepted(String sesMessageId) -> {
                if (!outbox.markSent(entry, sesMessageId, rendered.subject(), clock.instant()).committed()) {
                    Log.warn("outbox email marked by another delivery after sending", "outboxId", outboxId);
                }
                Log.info("outbox email sent", "outboxId", outboxId, "template", message.template(), "sesMessageId", sesMessageId,
                        "requestId", message.data().getOrDefault("requestId", ""));
                Log.metric(Metric.EMAILS_SENT);
                yield new Delivery.Sent(sesMessageId);
            }
        };
    }

    private Delivery suppress(Outbox.Entry entry) {
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
            // The lawyer closes the matter by replying "DONE 6.5 hours: ..." (items queued before this had no token).
            case MATTER_DETAILS_TO_LAWYER, COMPLETION_NOT_UNDERSTOOD -> token == null ? settings.adminEmail()
                    : "reply+" + token + "@" + settings.inboundDomain();
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
