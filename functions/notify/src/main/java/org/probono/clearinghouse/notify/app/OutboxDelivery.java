package org.probono.clearinghouse.notify.app;

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
import org.probono.clearinghouse.json.Log;
import org.probono.clearinghouse.json.Metric;
import org.probono.clearinghouse.json.Tree;
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

    /** The function's timeout (template.yaml Globals): how long an invocation may run when it does not say. */
    public static final Duration INVOCATION = Duration.ofSeconds(20);
    /**
     * A claim outlives its holder's last moment by this much (clocks of two hosts differ a little): it lapses
     * as soon as the delivery that holds it can no longer be running, crashed or timed out.
     */
    static final Duration CLAIM_MARGIN = Duration.ofSeconds(2);
    /** What sending one email needs after waiting for a claim to lapse: rendering, SES, the mark. */
    static final Duration TO_SEND = Duration.ofSeconds(5);

    /** Waits until an instant (Thread.sleep in Lambda; tests move their clock instead). */
    @FunctionalInterface
    public interface Pause {
        void until(Instant at);
    }

    /** One stream record: its sequence number (the partial-failure identifier) and its new image. */
    public record OutboxRecord(String sequenceNumber, Tree newImage) {}

    /** What happened to one outbox item. */
    public sealed interface Delivery {
        record Sent(String sesMessageId) implements Delivery {}

        /** Already SENT or SUPPRESSED, or gone (resent under a new id): nothing to do. */
        record AlreadyDone() implements Delivery {}

        record Suppressed() implements Delivery {}

        /** Left PENDING; the record is reported as a batch item failure and retried. */
        record Failed(String reason) implements Delivery {}

        /** Another delivery holds its claim until {@code until} (it may be sending it now): left PENDING. */
        record Held(Instant until) implements Delivery {}
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
    private final Pause pause;

    /**
     * {@code openDetails}: (sealed, requestId) → the confidential text (ConfidentialBox.open); {@code openToken}:
     * (sealed, outboxId) → the email's token (ConfidentialBox.openToken), opened only to render and send it;
     * {@code reports}: the figures, chart and CSV of the monthly impact report.
     */
    public OutboxDelivery(
            Outbox outbox,
            OutboxImages images,
            Suppressions suppressions,
            EmailTemplates templates,
            Wording wording,
            MailSender mailer,
            BiFunction<String, String, String> openDetails,
            BiFunction<String, String, String> openToken,
            Settings settings,
            ImpactReportMail reports,
            Ids ids,
            Clock clock,
            Pause pause) {
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
        this.pause = pause;
    }

    /**
     * Delivers every record within {@code timeLeft} (what remains of the invocation); returns the sequence
     * numbers of those to retry (partial batch response).
     */
    public List<String> deliverAll(List<OutboxRecord> records, Duration timeLeft) {
        Instant deadline = clock.instant().plus(timeLeft);
        List<String> failed = new ArrayList<>();
        List<OutboxRecord> held = new ArrayList<>();
        Instant lastHeld = Instant.MIN;
        for (OutboxRecord record : records) {
            Delivery delivery = deliverRecord(record, deadline);
            if (delivery instanceof Delivery.Held(Instant until)) {
                held.add(record);
                lastHeld = until.isAfter(lastHeld) ? until : lastHeld;
            } else if (delivery instanceof Delivery.Failed) {
                failed.add(record.sequenceNumber());
            }
        }
        if (held.isEmpty()) return failed;
        // Held by a delivery that may have crashed (Lambda retries at once): wait, once for them all, until
        // those claims lapse or this invocation must stop, so a retry never fails in a millisecond and the
        // mapping's retries outlast any claim.
        Instant stopBy = deadline.minus(TO_SEND);
        Instant waitUntil = lastHeld.isBefore(stopBy) ? lastHeld : stopBy;
        if (waitUntil.isAfter(clock.instant())) pause.until(waitUntil);
        for (OutboxRecord record : held) {
            Delivery again = deliverRecord(record, deadline);
            if (again instanceof Delivery.Failed || again instanceof Delivery.Held) failed.add(record.sequenceNumber());
        }
        return failed;
    }

    /** One record: its email read from the image and delivered; anything but done is logged and counted. */
    private Delivery deliverRecord(OutboxRecord record, Instant deadline) {
        Delivery delivery;
        String outboxId = "(unreadable image)";
        try {
            Outbox.Entry entry = images.entryOf(record.newImage());
            outboxId = entry.message().id();
            delivery = deliver(entry, deadline);
        } catch (RuntimeException e) {
            delivery = new Delivery.Failed(e.getClass().getSimpleName());
        }
        switch (delivery) {
            case Delivery.Failed(String reason) -> {
                Log.warn("outbox email not sent, will retry", "outboxId", outboxId, "reason", reason);
                Log.metric(Metric.EMAILS_FAILED);
            }
            case Delivery.Held(Instant until) ->
                Log.info("outbox email held by another delivery", "outboxId", outboxId, "until", until.toString());
            default -> {}
        }
        return delivery;
    }

    /** Delivers one email as its stream record carried it, in an invocation of the function's full timeout. */
    public Delivery deliver(Outbox.Entry entry) {
        return deliver(entry, clock.instant().plus(INVOCATION));
    }

    /**
     * Delivers one email, claiming it until this invocation's {@code deadline} (plus a margin), so the claim
     * lapses as soon as this delivery can no longer be running; {@link Delivery.Held} when another holds it.
     */
    Delivery deliver(Outbox.Entry entry, Instant deadline) {
        if (!entry.isPending()) return new Delivery.AlreadyDone();
        return switch (outbox.claim(entry, clock.instant(), deadline.plus(CLAIM_MARGIN))) {
            case Outbox.Claim.Done done -> new Delivery.AlreadyDone();
            case Outbox.Claim.Busy(Instant heldUntil) -> new Delivery.Held(heldUntil);
            case Outbox.Claim.Claimed(Instant until) -> sendClaimed(entry, until);
        };
    }

    /**
     * Sends a claimed email. Until SES has accepted it, any failure gives the claim up, so the retry may send
     * at once; once SES has accepted it, the claim is kept whatever happens to the mark, so no retry sends a
     * second copy before this delivery's claim has lapsed.
     */
    private Delivery sendClaimed(Outbox.Entry entry, Instant until) {
        Prepared prepared;
        MailSender.Result result;
        try {
            if (suppressions.isSuppressed(entry.message().to())) return suppress(entry, until);
            prepared = prepare(entry.message());
            result = mailer.send(prepared.mail());
        } catch (RuntimeException e) {
            outbox.release(entry, until);
            throw e;
        }
        return switch (result) {
            case MailSender.Result.Failed(String reason) -> {
                outbox.release(entry, until);
                yield new Delivery.Failed(reason);
            }
            // SES may have it: the claim stays, so the retry cannot send a second copy before it lapses.
            case MailSender.Result.Unknown(String reason) -> new Delivery.Failed("no answer from SES: " + reason);
            case MailSender.Result.Accepted(String sesMessageId) -> sent(entry, prepared, sesMessageId);
        };
    }

    /** An email rendered and built, ready for SES. */
    private record Prepared(OutgoingMail mail, String subject) {}

    private Prepared prepare(OutboxMessage message) {
        String token = message.sealedToken() == null ? null : openToken.apply(message.sealedToken(), message.id());
        ImpactReportMail.Enclosed enclosed = message.template() == EmailTemplate.ADMIN_IMPACT_REPORT
                ? reports.enclose(message)
                : ImpactReportMail.Enclosed.NONE;
        Map<String, Object> scope = scope(message, token);
        scope.putAll(enclosed.scope());
        EmailTemplates.Rendered rendered = templates.render(message.template(), language(message), scope);
        OutgoingMail mail = new OutgoingMail(
                message.id(),
                settings.senderAddress(),
                FROM_NAME,
                message.to(),
                replyTo(message, token),
                rendered,
                clock.instant(),
                enclosed.attachments());
        return new Prepared(mail, rendered.subject());
    }

    /**
     * SES accepted it: mark it SENT. A mark that fails (DynamoDB unreachable past the SDK's retries) leaves
     * the email PENDING under this delivery's claim; the record's retry sends a second copy once the claim
     * lapses, the price of never losing an email (see the class comment).
     */
    private Delivery sent(Outbox.Entry entry, Prepared prepared, String sesMessageId) {
        OutboxMessage message = entry.message();
        Log.info(
                "outbox email sent",
                "outboxId",
                message.id(),
                "template",
                message.template(),
                "sesMessageId",
                sesMessageId,
                "requestId",
                message.data().getOrDefault("requestId", ""));
        Log.metric(Metric.EMAILS_SENT);
        try {
            if (!outbox.markSent(entry, sesMessageId, prepared.subject(), clock.instant())
                    .committed()) {
                Log.warn("outbox email marked by another delivery after sending", "outboxId", message.id());
            }
        } catch (RuntimeException e) {
            return new Delivery.Failed(
                    "sent, but not marked SENT: " + e.getClass().getSimpleName());
        }
        return new Delivery.Sent(sesMessageId);
    }

    /** Not sent: SUPPRESSED, the team told. A mark that did not commit leaves it PENDING for the retry. */
    private Delivery suppress(Outbox.Entry entry, Instant until) {
        OutboxMessage message = entry.message();
        boolean tellAdmin = message.template() != EmailTemplate.ADMIN_SUPPRESSED
                && !suppressions.isSuppressed(settings.adminEmail());
        OutboxMessage toAdmin = tellAdmin
                ? OutboxMessage.toTeam(
                        ids.next(),
                        EmailTemplate.ADMIN_SUPPRESSED,
                        settings.adminEmail(),
                        Map.of(
                                "address",
                                message.to(),
                                "template",
                                message.template().name(),
                                "reason",
                                "the address bounced or complained earlier"),
                        clock.instant())
                : null;
        if (!outbox.markSuppressed(entry, clock.instant(), toAdmin).committed()) {
            if (outbox.find(message.id()).filter(Outbox.Entry::isPending).isEmpty()) return new Delivery.AlreadyDone();
            outbox.release(entry, until);
            return new Delivery.Failed("suppressed, but not marked SUPPRESSED");
        }
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
            case MATTER_DETAILS_TO_LAWYER, COMPLETION_NOT_UNDERSTOOD ->
                token == null ? settings.adminEmail() : "reply+" + token + "@" + settings.inboundDomain();
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
            scope.put("confidentialDetails", openDetails.apply(message.sealedDetails(), (String)
                    message.data().get("requestId")));
        }
        return scope;
    }
}
