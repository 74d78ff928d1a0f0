package org.probono.clearinghouse.local.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

@ExtendWith(LocalAwsExtension.class)
class StreamPumpTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> batches = new CopyOnWriteArrayList<>();

    private String record(String answer, String event) {
        try {
            batches.add(JSON.readTree(event));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return answer;
    }

    private static void put(LocalAws aws, String pk, String entity) {
        aws.dynamoDb()
                .putItem(p -> p.tableName(aws.tableName())
                        .item(Map.of(
                                "PK",
                                AttributeValue.fromS(pk),
                                "SK",
                                AttributeValue.fromS(entity),
                                "entity",
                                AttributeValue.fromS(entity),
                                "n",
                                AttributeValue.fromN("7"),
                                "tags",
                                AttributeValue.fromL(
                                        List.of(AttributeValue.fromS("a"), AttributeValue.fromBool(true))))));
    }

    private List<String> deliveredKeys() {
        List<String> keys = new ArrayList<>();
        for (JsonNode batch : batches) {
            for (JsonNode record : batch.path("Records"))
                keys.add(record.path("dynamodb")
                        .path("Keys")
                        .path("PK")
                        .path("S")
                        .asText());
        }
        return keys;
    }

    @Test
    void delivers_only_new_outbox_items_in_the_shape_lambda_gives(LocalAws aws) {
        try (StreamPump pump =
                StreamPump.forNotify(aws, StreamPump.StartingPosition.TRIM_HORIZON, e -> record("{}", e))) {
            put(aws, "OUTBOX#1", "OUTBOX");
            put(aws, "REQ#1", "REQUEST");
            put(aws, "OUTBOX#1", "OUTBOX"); // a MODIFY: filtered out

            assertThat(pump.pollOnce()).isEqualTo(1);
            assertThat(pump.pollOnce()).isZero();
        }
        assertThat(batches).hasSize(1);
        JsonNode record = batches.getFirst().path("Records").path(0);
        assertThat(record.path("eventName").asText()).isEqualTo("INSERT");
        assertThat(record.path("eventVersion").asText()).isEqualTo("1.1");
        assertThat(record.path("eventSource").asText()).isEqualTo("aws:dynamodb");
        assertThat(record.path("awsRegion").asText()).isEqualTo("us-east-1");
        assertThat(record.path("eventSourceARN").asText()).startsWith("arn:aws:dynamodb:");
        assertThat(record.path("eventID").asText()).isNotBlank();
        JsonNode dynamodb = record.path("dynamodb");
        assertThat(dynamodb.path("ApproximateCreationDateTime").isNumber()).isTrue();
        assertThat(dynamodb.path("Keys").toString())
                .isEqualTo("{\"PK\":{\"S\":\"OUTBOX#1\"},\"SK\":{\"S\":\"OUTBOX\"}}");
        assertThat(dynamodb.path("NewImage").path("n").toString()).isEqualTo("{\"N\":\"7\"}");
        assertThat(dynamodb.path("NewImage").path("tags").toString())
                .isEqualTo("{\"L\":[{\"S\":\"a\"},{\"BOOL\":true}]}");
        assertThat(dynamodb.path("SequenceNumber").asText()).isNotBlank();
        assertThat(dynamodb.path("StreamViewType").asText()).isEqualTo("NEW_AND_OLD_IMAGES");
    }

    @Test
    void batches_by_the_template_batch_size(LocalAws aws) {
        try (StreamPump pump =
                StreamPump.forNotify(aws, StreamPump.StartingPosition.TRIM_HORIZON, e -> record("{}", e))) {
            for (int i = 0; i < 12; i++) put(aws, "OUTBOX#" + i, "OUTBOX");
            assertThat(pump.pollOnce()).isEqualTo(12);
        }
        assertThat(batches).extracting(b -> b.path("Records").size()).containsExactly(10, 2);
    }

    @Test
    void a_partial_failure_is_redelivered_from_the_first_failed_record(LocalAws aws) {
        List<String> answers = new ArrayList<>();
        try (StreamPump pump = StreamPump.forNotify(aws, StreamPump.StartingPosition.TRIM_HORIZON, e -> {
            String answer = "{}";
            if (batches.isEmpty()) {
                try {
                    String second = JSON.readTree(e)
                            .path("Records")
                            .path(1)
                            .path("dynamodb")
                            .path("SequenceNumber")
                            .asText();
                    answer = "{\"batchItemFailures\":[{\"itemIdentifier\":\"" + second + "\"}]}";
                } catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
            }
            answers.add(answer);
            return record(answer, e);
        })) {
            for (int i = 0; i < 3; i++) put(aws, "OUTBOX#" + i, "OUTBOX");
            assertThat(pump.pollOnce()).isEqualTo(3);
            assertThat(pump.pollOnce()).isEqualTo(2);
            assertThat(pump.pollOnce()).isZero();
        }
        assertThat(deliveredKeys()).containsExactly("OUTBOX#0", "OUTBOX#1", "OUTBOX#2", "OUTBOX#1", "OUTBOX#2");
    }

    @Test
    void a_function_that_throws_gets_the_whole_batch_again(LocalAws aws) {
        int[] calls = {0};
        try (StreamPump pump = StreamPump.forNotify(aws, StreamPump.StartingPosition.TRIM_HORIZON, e -> {
            record("{}", e);
            if (calls[0]++ == 0) throw new IllegalStateException("boom");
            return "{\"batchItemFailures\":[]}";
        })) {
            put(aws, "OUTBOX#a", "OUTBOX");
            pump.pollOnce();
            pump.pollOnce();
            assertThat(pump.pollOnce()).isZero();
        }
        assertThat(deliveredKeys()).containsExactly("OUTBOX#a", "OUTBOX#a");
    }

    @Test
    void latest_skips_what_was_written_before_the_pump_started(LocalAws aws) {
        put(aws, "OUTBOX#old", "OUTBOX");
        try (StreamPump pump = StreamPump.forNotify(aws, StreamPump.StartingPosition.LATEST, e -> record("{}", e))) {
            put(aws, "OUTBOX#new", "OUTBOX");
            pump.pollOnce();
        }
        assertThat(deliveredKeys()).containsExactly("OUTBOX#new");
    }

    @Test
    void in_the_background_records_arrive_within_a_second_or_two(LocalAws aws) throws InterruptedException {
        try (StreamPump pump = StreamPump.forNotify(aws, StreamPump.StartingPosition.LATEST, e -> record("{}", e))
                .start()) {
            put(aws, "OUTBOX#bg", "OUTBOX");
            long deadline = System.nanoTime() + 3_000_000_000L;
            while (batches.isEmpty() && System.nanoTime() < deadline) Thread.sleep(50);
        }
        assertThat(deliveredKeys()).containsExactly("OUTBOX#bg");
    }

    /** A transaction whose condition fails: moto as-is undoes it by restoring a copy of the table. */
    private static void failedTransaction(LocalAws aws, String pk) {
        TransactWriteItem put = TransactWriteItem.builder()
                .put(p -> p.tableName(aws.tableName())
                        .item(Map.of(
                                "PK",
                                AttributeValue.fromS(pk),
                                "SK",
                                AttributeValue.fromS("OUTBOX"),
                                "entity",
                                AttributeValue.fromS("OUTBOX"))))
                .build();
        TransactWriteItem failing = TransactWriteItem.builder()
                .conditionCheck(c -> c.tableName(aws.tableName())
                        .key(Map.of("PK", AttributeValue.fromS("NOTHING#here"), "SK", AttributeValue.fromS("X")))
                        .conditionExpression("attribute_exists(PK)"))
                .build();
        assertThatThrownBy(() -> aws.dynamoDb().transactWriteItems(t -> t.transactItems(put, failing)))
                .isInstanceOf(TransactionCanceledException.class);
    }

    private void recordsFlowAcrossFailedTransactions(LocalAws aws) {
        try (StreamPump pump = StreamPump.forNotify(aws, StreamPump.StartingPosition.LATEST, e -> record("{}", e))) {
            put(aws, "OUTBOX#before", "OUTBOX");
            assertThat(pump.pollOnce()).isEqualTo(1);
            failedTransaction(aws, "OUTBOX#never");
            put(aws, "OUTBOX#after-1", "OUTBOX");
            assertThat(pump.pollOnce()).isEqualTo(1);
            failedTransaction(aws, "OUTBOX#never-either");
            failedTransaction(aws, "OUTBOX#nor-this");
            put(aws, "OUTBOX#after-2", "OUTBOX");
            put(aws, "OUTBOX#after-3", "OUTBOX");
            assertThat(pump.pollOnce()).isEqualTo(2);
            assertThat(pump.pollOnce()).isZero();
        }
        assertThat(deliveredKeys())
                .containsExactly("OUTBOX#before", "OUTBOX#after-1", "OUTBOX#after-2", "OUTBOX#after-3");
    }

    @Test
    void records_keep_flowing_after_failed_transactions_on_the_project_moto(LocalAws aws) {
        recordsFlowAcrossFailedTransactions(aws);
    }

    @Test
    void records_keep_flowing_after_failed_transactions_on_moto_as_a_person_starts_it() {
        try (MotoServer plain = MotoServer.startAsIs()) {
            LocalAws aws = new LocalAws(plain);
            aws.resetAndCreate();
            recordsFlowAcrossFailedTransactions(aws);
        }
    }

    @Test
    void a_failing_function_is_reported_once_and_its_recovery_too(LocalAws aws) {
        List<String> said = new CopyOnWriteArrayList<>();
        boolean[] broken = {true};
        try (StreamPump pump = StreamPump.forFunction(
                aws,
                Template.fromRepository(),
                "NotifyFunction",
                StreamPump.StartingPosition.TRIM_HORIZON,
                e -> {
                    if (broken[0]) throw new IllegalStateException("SES is down");
                    return record("{}", e);
                },
                said::add)) {
            put(aws, "OUTBOX#x", "OUTBOX");
            pump.pollOnce();
            pump.pollOnce();
            pump.pollOnce();
            broken[0] = false;
            pump.pollOnce();
            pump.pollOnce();
        }
        assertThat(said)
                .containsExactly(
                        "NotifyFunction (stream records) stopped: it threw IllegalStateException: SES is down; the batch will be"
                                + " delivered again (retrying on the next poll)",
                        "NotifyFunction (stream records) is working again.");
        assertThat(deliveredKeys()).containsExactly("OUTBOX#x");
    }

    @Test
    void patterns_match_nested_objects_with_arrays_of_exact_values() throws Exception {
        JsonNode pattern = JSON.readTree(
                "{\"eventName\":[\"INSERT\",\"MODIFY\"],\"dynamodb\":{\"NewImage\":{\"entity\":{\"S\":[\"OUTBOX\"]}}}}");
        assertThat(
                        StreamPump.matches(
                                pattern,
                                JSON.readTree(
                                        "{\"eventName\":\"MODIFY\",\"dynamodb\":{\"NewImage\":{\"entity\":{\"S\":\"OUTBOX\"},\"x\":1}}}")))
                .isTrue();
        assertThat(
                        StreamPump.matches(
                                pattern,
                                JSON.readTree(
                                        "{\"eventName\":\"REMOVE\",\"dynamodb\":{\"NewImage\":{\"entity\":{\"S\":\"OUTBOX\"}}}}")))
                .isFalse();
        assertThat(
                        StreamPump.matches(
                                pattern,
                                JSON.readTree(
                                        "{\"eventName\":\"INSERT\",\"dynamodb\":{\"NewImage\":{\"entity\":{\"S\":\"REQUEST\"}}}}")))
                .isFalse();
        assertThat(StreamPump.matches(pattern, JSON.readTree("{\"eventName\":\"INSERT\",\"dynamodb\":{}}")))
                .isFalse();
        assertThat(StreamPump.matches(JSON.readTree("{\"n\":[7]}"), JSON.readTree("{\"n\":7.0}")))
                .isTrue();
    }
}
