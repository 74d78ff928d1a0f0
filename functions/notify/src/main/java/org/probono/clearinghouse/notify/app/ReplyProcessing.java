package org.probono.clearinghouse.notify.app;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.probono.clearinghouse.crypto.TokenSealer;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.domain.Token;
import org.probono.clearinghouse.ids.Ids;
import org.probono.clearinghouse.ids.Secrets;
import org.probono.clearinghouse.json.Log;
import org.probono.clearinghouse.json.Metric;
import org.probono.clearinghouse.matters.AnswerOutcome;
import org.probono.clearinghouse.matters.MatterCompletion;
import org.probono.clearinghouse.matters.OfferReplies;
import org.probono.clearinghouse.notify.mail.InboundMessage;
import org.probono.clearinghouse.notify.mail.RawReplies;

/**
 * A lawyer's reply to an offer: read the raw mail SES stored, claim its Message-ID (a second delivery
 * changes nothing), refuse what SES did not pass and what a program sent, find the reply token in the
 * recipient address, read what the lawyer wrote ({@link ReplyReader}), and let {@link OfferReplies} decide.
 * An unclear reply gets a short "please reply ACCEPT or DECLINE" quoting what was read, to the offered
 * lawyer only. Every reply's result is recorded on its INBOUND item and logged, never its body.
 */
public final class ReplyProcessing {

    private final RawReplies bucket;
    private final InboundLog log;
    private final OfferReplies offerReplies;
    private final MatterCompletion completions;
    private final ReplyTokens tokens;
    private final Outbox outbox;
    private final Pattern replyAddress;
    private final TokenSealer sealer;
    private final Ids ids;
    private final Clock clock;
    private final ReplyReader reader = ReplyReader.builtIn();
    private final AutoReplies autoReplies = AutoReplies.builtIn();

    public ReplyProcessing(
            RawReplies bucket,
            InboundLog log,
            OfferReplies offerReplies,
            MatterCompletion completions,
            ReplyTokens tokens,
            Outbox outbox,
            String inboundDomain,
            TokenSealer sealer,
            Ids ids,
            Clock clock) {
        this.sealer = sealer;
        this.bucket = bucket;
        this.log = log;
        this.offerReplies = offerReplies;
        this.completions = completions;
        this.tokens = tokens;
        this.outbox = outbox;
        this.replyAddress = Pattern.compile(
                "^reply\\+([A-Za-z0-9_-]+)@" + Pattern.quote(inboundDomain) + "$", Pattern.CASE_INSENSITIVE);
        this.ids = ids;
        this.clock = clock;
    }

    private record Decided(ReplyResult result, String detail) {}

    public ReplyResult receive(ReceivedMail mail) {
        Optional<byte[]> raw = bucket.raw(mail.sesMessageId());
        if (raw.isEmpty()) {
            Log.warn("inbound reply: no raw mail in the bucket", "sesMessageId", mail.sesMessageId());
            return ReplyResult.RAW_MAIL_MISSING;
        }
        InboundMessage message = InboundMessage.parse(raw.get());
        String messageId = message.messageId() != null ? message.messageId() : "ses:" + mail.sesMessageId();
        Instant now = clock.instant();
        if (!log.claim(messageId, mail.sesMessageId(), now)) {
            Log.info("inbound reply", "sesMessageId", mail.sesMessageId(), "result", ReplyResult.DUPLICATE);
            return ReplyResult.DUPLICATE;
        }
        Decided decided;
        try {
            decided = decide(mail, message);
            log.record(messageId, mail.sesMessageId(), decided.result().name(), decided.detail(), now);
        } catch (RuntimeException e) {
            log.release(messageId);
            throw e;
        }
        Log.info(
                "inbound reply",
                "sesMessageId",
                mail.sesMessageId(),
                "result",
                decided.result(),
                "detail",
                decided.detail() == null ? "" : decided.detail());
        if (decided.result() == ReplyResult.NOT_UNDERSTOOD) Log.metric(Metric.REPLIES_UNCLEAR);
        return decided.result();
    }

    private Decided decide(ReceivedMail mail, InboundMessage message) {
        Map<String, String> failed = mail.failedVerdicts();
        if (!failed.isEmpty()) return new Decided(ReplyResult.VERDICT_FAILED, failed.toString());
        if (autoReplies.isAutomatic(message)) return new Decided(ReplyResult.AUTO_REPLY, null);
        Optional<String> token = replyToken(mail);
        if (token.isEmpty()) return new Decided(ReplyResult.UNKNOWN_TOKEN, "no reply address among the recipients");
        if (message.from() == null) return new Decided(ReplyResult.WRONG_SENDER, "no From address");
        if (tokens.purpose(token.get(), clock.instant()).orElse(null) == Token.Purpose.COMPLETION_REPLY) {
            return completion(token.get(), message);
        }
        ReplyReading reading = reader.read(message.text());
        if (reading instanceof ReplyReading.Unclear unclear) return notUnderstood(token.get(), message.from(), unclear);
        return switch (offerReplies.answerByReply(
                token.get(), message.from(), reading.answer().orElseThrow())) {
            case AnswerOutcome.Accepted a -> new Decided(ReplyResult.ACCEPTED, "request " + a.requestId());
            case AnswerOutcome.Declined d -> new Decided(ReplyResult.DECLINED, "request " + d.requestId());
            case AnswerOutcome.AlreadyTaken t -> new Decided(ReplyResult.ALREADY_TAKEN, "request " + t.requestId());
            case AnswerOutcome.NoLongerOpen n -> new Decided(ReplyResult.NO_LONGER_OPEN, "offer " + n.status());
            case AnswerOutcome.UnknownToken u -> new Decided(ReplyResult.UNKNOWN_TOKEN, "unknown, expired or used");
            case AnswerOutcome.WrongSender w -> new Decided(ReplyResult.WRONG_SENDER, "request " + w.requestId());
        };
    }

    /** A reply to the matter-details email: the matter done, with hours and outcome, or asked again. */
    private Decided completion(String token, InboundMessage message) {
        Optional<CompletionReply.Done> done = CompletionReply.of(message.text());
        if (done.isEmpty())
            return completionNotUnderstood(token, message.from(), CompletionReply.written(message.text()));
        return switch (completions.completeByReply(
                token, message.from(), done.get().hours(), done.get().outcome())) {
            case MatterCompletion.Completed.Done d -> new Decided(ReplyResult.COMPLETED, "request " + d.requestId());
            case MatterCompletion.Completed.NotAccepted n ->
                new Decided(ReplyResult.NO_LONGER_OPEN, "request " + n.status());
            case MatterCompletion.Completed.Busy b ->
                throw new IllegalStateException(
                        "request " + b.requestId() + " changed while completing; the reply is retried");
            case MatterCompletion.Completed.WrongSender w ->
                new Decided(ReplyResult.WRONG_SENDER, "request " + w.requestId());
            case MatterCompletion.Completed.NotFound n -> new Decided(ReplyResult.UNKNOWN_TOKEN, "its request is gone");
            case MatterCompletion.Completed.UnknownToken u ->
                new Decided(ReplyResult.UNKNOWN_TOKEN, "unknown or expired");
        };
    }

    /**
     * Asks the lawyer who holds the matter, and no one else, to reply "DONE <hours> hours: <outcome>", in their
     * language; the question carries the same completion token, so a reply to it counts like one to the details.
     */
    private Decided completionNotUnderstood(String token, String sender, String read) {
        Optional<ReplyTokens.Holder> holder = tokens.holdingMatter(token, clock.instant());
        if (holder.isEmpty())
            return new Decided(ReplyResult.UNKNOWN_TOKEN, "unknown, expired, or the matter is closed");
        ReplyTokens.Holder lawyer = holder.get();
        if (lawyer.lawyerEmail() == null
                || !lawyer.lawyerEmail().toLowerCase(Locale.ROOT).equals(sender)) {
            return new Decided(ReplyResult.WRONG_SENDER, "request " + lawyer.requestId());
        }
        // What was read is quoted back (cut at 500 characters), so the lawyer sees why it was not understood.
        String quoted = read.length() > 500 ? read.substring(0, 500) + "…" : read;
        askAgain(EmailTemplate.COMPLETION_NOT_UNDERSTOOD, lawyer, token, "replyRead", quoted);
        return new Decided(ReplyResult.NOT_UNDERSTOOD, "completion of request " + lawyer.requestId());
    }

    /**
     * Answers only the offered lawyer, about an offer still open, quoting what was read; anyone else gets
     * nothing. The answer carries the offer's reply token, so a reply to it counts like a reply to the offer.
     */
    private Decided notUnderstood(String token, String sender, ReplyReading.Unclear unclear) {
        Optional<ReplyTokens.Holder> holder = tokens.open(token, clock.instant());
        if (holder.isEmpty())
            return new Decided(ReplyResult.UNKNOWN_TOKEN, "unknown, expired, used, or its offer closed");
        ReplyTokens.Holder lawyer = holder.get();
        if (lawyer.lawyerEmail() == null
                || !lawyer.lawyerEmail().toLowerCase(Locale.ROOT).equals(sender)) {
            return new Decided(ReplyResult.WRONG_SENDER, "request " + lawyer.requestId());
        }
        askAgain(EmailTemplate.REPLY_NOT_UNDERSTOOD, lawyer, token, "quoted", unclear.read());
        return new Decided(ReplyResult.NOT_UNDERSTOOD, "request " + lawyer.requestId() + ", " + unclear.why());
    }

    /**
     * Queues the question back to the lawyer in their language, quoting what was read under {@code quoteKey};
     * it carries the same reply token (sealed to the new email), so answering it counts.
     */
    private void askAgain(
            EmailTemplate template, ReplyTokens.Holder lawyer, String token, String quoteKey, String quote) {
        String emailId = ids.next();
        outbox.enqueue(new OutboxMessage(
                emailId,
                template,
                lawyer.lawyerEmail(),
                lawyer.lawyerLanguage(),
                Map.of(
                        "lawyerName",
                        nonNull(lawyer.lawyerName()),
                        "title",
                        nonNull(lawyer.title()),
                        "requestId",
                        lawyer.requestId(),
                        quoteKey,
                        quote),
                sealer.seal(token, emailId),
                null,
                clock.instant()));
    }

    private Optional<String> replyToken(ReceivedMail mail) {
        for (String recipient : mail.recipients()) {
            Matcher matcher = replyAddress.matcher(recipient.strip());
            String token = matcher.matches() ? Secrets.normaliseReplyToken(matcher.group(1)) : null;
            if (token != null) return Optional.of(token);
        }
        return Optional.empty();
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
