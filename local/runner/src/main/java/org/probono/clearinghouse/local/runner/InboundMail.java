package org.probono.clearinghouse.local.runner;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import org.probono.clearinghouse.local.backend.Template;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Receives a raw message as the template's SES receipt rule does: the S3 action stores it whole under the
 * rule's key prefix and the message id, then the Lambda action hands the receipt event to the function.
 */
final class InboundMail {
    /** What happened to a message: its SES message id and where it was stored. */
    record Delivered(String messageId, String bucket, String key) {}

    private final S3Client s3;
    private final String bucket;
    private final String keyPrefix;
    private final String inboundDomain;
    private final HostedFunction function;
    private final Clock clock;

    InboundMail(
            S3Client s3, String bucket, String keyPrefix, String inboundDomain, HostedFunction function, Clock clock) {
        this.s3 = s3;
        this.bucket = bucket;
        this.keyPrefix = keyPrefix;
        this.inboundDomain = inboundDomain;
        this.function = function;
        this.clock = clock;
    }

    /** Reads the receipt rule of template.yaml: its S3 prefix and the function its Lambda action names. */
    static InboundMail from(
            Template template,
            Functions functions,
            S3Client s3,
            java.util.Map<String, String> environment,
            Clock clock) {
        String prefix = "inbound/";
        String functionId = "NotifyFunction";
        for (JsonNode rule : template.resourcesOfType("AWS::SES::ReceiptRule").values()) {
            for (JsonNode action : rule.path("Properties").path("Rule").path("Actions")) {
                if (action.has("S3Action"))
                    prefix = action.path("S3Action").path("ObjectKeyPrefix").asText(prefix);
                if (action.has("LambdaAction")) {
                    String arn = action.path("LambdaAction").path("FunctionArn").asText(functionId);
                    functionId = arn.contains(".") ? arn.substring(0, arn.indexOf('.')) : arn; // "NotifyFunction.Alias"
                }
            }
        }
        return new InboundMail(
                s3,
                environment.get("INBOUND_BUCKET"),
                prefix,
                environment.get("INBOUND_DOMAIN"),
                functions.get(functionId),
                clock);
    }

    /** Stores and delivers the message; MessagingException when it is not a message at all. */
    Delivered deliver(byte[] raw, SesReceiptEvent.Verdicts verdicts) throws MessagingException {
        MimeMessage message = SesReceiptEvent.parse(raw);
        if (!SesReceiptEvent.hasSender(message)) throw new MessagingException("The message has no From header.");
        String messageId = SesReceiptEvent.newMessageId();
        String key = keyPrefix + messageId;
        s3.putObject(put -> put.bucket(bucket).key(key).contentType("message/rfc822"), RequestBody.fromBytes(raw));
        JsonNode event =
                SesReceiptEvent.of(message, messageId, verdicts, function.arn(), inboundDomain, clock.instant());
        function.invoke(RunnerJson.bytes(event));
        return new Delivered(messageId, bucket, key);
    }
}
