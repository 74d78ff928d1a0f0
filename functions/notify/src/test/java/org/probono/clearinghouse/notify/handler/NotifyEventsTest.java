package org.probono.clearinghouse.notify.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.events.LambdaEvents;
import org.probono.clearinghouse.local.backend.Template;
import org.probono.clearinghouse.testkit.TestJson;

/** events/ is the truth: NotifyFunction's records read from it what the Lambda runtime's classes read. */
class NotifyEventsTest {
    private static Path event(String name) {
        return Template.repositoryRoot().resolve("events").resolve(name);
    }

    private static JsonNode tree(Path file) throws IOException {
        return TestJson.MAPPER.readTree(Files.readString(file));
    }

    private static <T> T theirs(Path file, Class<T> type) throws IOException {
        return LambdaEventSerializers.serializerFor(type, NotifyEventsTest.class.getClassLoader())
                .fromJson(Files.newInputStream(file));
    }

    @Test
    void stream_records_give_the_sequence_number_and_new_image_the_runtime_gives() throws IOException {
        Path file = event("notify-stream-outbox.json");
        DynamodbEvent runtime = theirs(file, DynamodbEvent.class);
        OutboxStreamEvent ours = LambdaEvents.read(TestJson.tree(tree(file)), OutboxStreamEvent.class);

        assertThat(ours.Records()).hasSameSizeAs(runtime.getRecords()).isNotEmpty();
        for (int i = 0; i < ours.Records().size(); i++) {
            var expected = runtime.getRecords().get(i).getDynamodb();
            assertThat(ours.Records().get(i).dynamodb().SequenceNumber()).isEqualTo(expected.getSequenceNumber());
            var image =
                    TestJson.MAPPER.valueToTree(ours.Records().get(i).dynamodb().NewImage());
            assertThat(image.path("PK").path("S").asText())
                    .isEqualTo(expected.getNewImage().get("PK").getS())
                    .startsWith("OUTBOX#");
            assertThat(image.path("id").path("S").asText())
                    .isEqualTo(expected.getNewImage().get("id").getS());
            assertThat(image.path("data").path("M").path("name").path("S").asText())
                    .isEqualTo(expected.getNewImage()
                            .get("data")
                            .getM()
                            .get("name")
                            .getS());
        }
    }

    @Test
    void sns_records_give_the_message_the_runtime_gives() throws IOException {
        Path file = event("notify-sns-bounce.json");
        SNSEvent runtime = theirs(file, SNSEvent.class);
        SnsEvent ours = LambdaEvents.read(TestJson.tree(tree(file)), SnsEvent.class);

        assertThat(ours.Records()).hasSameSizeAs(runtime.getRecords()).isNotEmpty();
        assertThat(ours.Records().getFirst().Sns().Message())
                .isEqualTo(runtime.getRecords().getFirst().getSNS().getMessage())
                .contains("Bounce");
    }

    @Test
    void an_ses_receipt_gives_the_message_id_recipients_and_verdicts() throws IOException {
        JsonNode file = tree(event("notify-ses-receipt.json"));
        SesReceiptEvent ours = LambdaEvents.read(TestJson.tree(file), SesReceiptEvent.class);

        JsonNode ses = file.path("Records").path(0).path("ses");
        SesReceiptEvent.Ses read = ours.Records().getFirst().ses();
        assertThat(read.mail().messageId())
                .isEqualTo(ses.path("mail").path("messageId").asText())
                .isNotBlank();
        assertThat(read.receipt().recipients()).isNotEmpty();
        assertThat(read.receipt().spfVerdict().status())
                .isEqualTo(ses.path("receipt").path("spfVerdict").path("status").asText());
    }
}
