package org.probono.clearinghouse.notify.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.probono.clearinghouse.aws.Lazy;
import org.probono.clearinghouse.events.Invocation;
import org.probono.clearinghouse.events.LambdaEvents;
import org.probono.clearinghouse.events.SnapStartPriming;
import org.probono.clearinghouse.json.Tree;
import org.probono.clearinghouse.notify.app.MailFeedback;
import org.probono.clearinghouse.notify.app.OutboxDelivery;
import org.probono.clearinghouse.notify.app.ReceivedMail;
import org.probono.clearinghouse.notify.app.ReplyProcessing;
import org.probono.clearinghouse.notify.app.ReplyResult;
import org.probono.clearinghouse.notify.wiring.Wiring;

/**
 * NotifyFunction's entry: outbox stream records, inbound replies from SES, SES feedback from SNS, and the
 * team's outbox commands (pending-emails, resend).
 */
public final class NotifyHandler implements RequestStreamHandler {
    /**
     * Writes nothing: the image is read, and the claim of an outbox item that does not exist fails its
     * condition (the SDK's first request), so it is skipped.
     */
    private static final String PRIMING_EVENT = """
            {"Records":[{"eventID":"priming","eventName":"INSERT","eventVersion":"1.1","eventSource":"aws:dynamodb",
              "awsRegion":"us-east-1","eventSourceARN":"arn:aws:dynamodb:us-east-1:000000000000:table/priming/stream/priming",
              "dynamodb":{"ApproximateCreationDateTime":1767225600,"SequenceNumber":"1","SizeBytes":1,
                "StreamViewType":"NEW_AND_OLD_IMAGES",
                "Keys":{"PK":{"S":"OUTBOX#snapstart-priming"},"SK":{"S":"OUTBOX"}},
                "NewImage":{"PK":{"S":"OUTBOX#snapstart-priming"},"SK":{"S":"OUTBOX"},"entity":{"S":"OUTBOX"},
                  "id":{"S":"snapstart-priming"},"template":{"S":"LAWYER_APPROVED"},"to":{"S":"priming@priming.invalid"},
                  "language":{"S":"en"},"data":{"M":{"name":{"S":"Priming"}}},"createdAt":{"S":"2026-01-01T00:00:00Z"},
                  "status":{"S":"PENDING"},"version":{"N":"1"}}}}]}""";

    /** Read-only: a reply whose raw mail is not in the bucket (S3 GetObject) is skipped before any write. */
    private static final String PRIMING_REPLY = """
            {"Records":[{"eventSource":"aws:ses","eventVersion":"1.0","ses":{
              "mail":{"messageId":"snapstart-priming","source":"priming@priming.invalid","destination":[]},
              "receipt":{"recipients":[],"spamVerdict":{"status":"PASS"},"virusVerdict":{"status":"PASS"},
                "spfVerdict":{"status":"PASS"},"dkimVerdict":{"status":"PASS"},"dmarcVerdict":{"status":"PASS"}}}}]}""";

    /** Read-only: the outbox's pending index. Never SNS feedback: it writes suppressions. */
    private static final String PRIMING_PENDING_EMAILS = "{\"command\":\"pending-emails\"}";

    private final Lazy<OutboxDelivery> outbox;
    private final Lazy<ReplyProcessing> replies;
    private final MailFeedback feedback;
    private final AdminCommands commands;

    public NotifyHandler() {
        this(Wiring.fromEnvironment());
        SnapStartPriming.register(this, PRIMING_EVENT, PRIMING_REPLY, PRIMING_PENDING_EMAILS);
    }

    public NotifyHandler(Wiring wiring) {
        this.outbox = wiring.outbox();
        this.replies = wiring.replies();
        this.feedback = wiring.feedback();
        this.commands = new AdminCommands(wiring.admin());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        Invocation.run(input, output, context, (shape, event) -> switch (shape) {
            case DYNAMODB_STREAM -> sendOutbox(LambdaEvents.read(event, OutboxStreamEvent.class), context);
            case SES_RECEIPT -> receiveReplies(LambdaEvents.read(event, SesReceiptEvent.class));
            case SNS -> recordFeedback(LambdaEvents.read(event, SnsEvent.class));
            case ADMIN_COMMAND -> commands.handle(event);
            default ->
                Invocation.unknown(
                        shape,
                        "outbox stream records, SES receipts, SES feedback through SNS" + " or an admin command ("
                                + AdminCommands.COMMANDS + ")");
        });
    }

    /** Partial batch response: only the records that failed are retried. The email is the record's new image. */
    private Map<String, Object> sendOutbox(OutboxStreamEvent event, Context context) {
        List<OutboxDelivery.OutboxRecord> records = event.Records().stream()
                .map(r -> new OutboxDelivery.OutboxRecord(
                        r.dynamodb().SequenceNumber(), Tree.of(r.dynamodb().NewImage())))
                .toList();
        // What is left of this invocation bounds each email's claim (no context: priming and tests get the timeout).
        Duration timeLeft =
                context == null ? OutboxDelivery.INVOCATION : Duration.ofMillis(context.getRemainingTimeInMillis());
        List<Map<String, String>> failures = outbox.get().deliverAll(records, timeLeft).stream()
                .map(sequenceNumber -> Map.of("itemIdentifier", sequenceNumber))
                .toList();
        return Map.of("batchItemFailures", failures);
    }

    private Map<String, Object> receiveReplies(SesReceiptEvent event) {
        List<String> results = event.Records().stream()
                .map(r -> replies.get().receive(received(r)))
                .map(ReplyResult::name)
                .toList();
        return Map.of("results", results);
    }

    private Map<String, Object> recordFeedback(SnsEvent event) {
        int suppressed = event.Records().stream()
                .mapToInt(r -> feedback.record(r.Sns().Message()).size())
                .sum();
        return Map.of("suppressed", suppressed);
    }

    private static ReceivedMail received(SesReceiptEvent.Record record) {
        SesReceiptEvent.Receipt receipt = record.ses().receipt();
        Map<String, String> verdicts = new java.util.HashMap<>();
        put(verdicts, "spf", receipt.spfVerdict());
        put(verdicts, "dkim", receipt.dkimVerdict());
        put(verdicts, "spam", receipt.spamVerdict());
        put(verdicts, "virus", receipt.virusVerdict());
        put(verdicts, "dmarc", receipt.dmarcVerdict());
        List<String> recipients = receipt.recipients() != null
                ? receipt.recipients()
                : record.ses().mail().destination() != null
                        ? record.ses().mail().destination()
                        : List.of();
        return new ReceivedMail(record.ses().mail().messageId(), recipients, verdicts);
    }

    private static void put(Map<String, String> verdicts, String name, SesReceiptEvent.Verdict verdict) {
        if (verdict != null && verdict.status() != null) verdicts.put(name, verdict.status());
    }
}
