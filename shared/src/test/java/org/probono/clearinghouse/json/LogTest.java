package org.probono.clearinghouse.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.testkit.TestJson;

class LogTest {
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream out;
    private PrintStream err;

    @BeforeEach
    void capture() {
        out = System.out;
        err = System.err;
        PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
    }

    @AfterEach
    void release() {
        System.setOut(out);
        System.setErr(err);
    }

    private List<JsonNode> lines() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) lines.add(TestJson.MAPPER.readTree(line));
        }
        return lines;
    }

    private static String fresh() {
        return "Function-" + UUID.randomUUID();
    }

    @Test
    void every_line_inside_a_scope_carries_the_lambda_and_api_gateway_request_ids_and_none_after_it_closes()
            throws Exception {
        String function = fresh();
        try (Log.Scope ids = Log.scope(function, "lambda-1", "api-1")) {
            Log.info("request submitted", "requestId", "r1");
            Log.warn("outbox email not sent, will retry", "outboxId", "o1");
        }
        Log.error("outside any invocation");

        List<JsonNode> lines = lines().stream()
                .filter(l -> !l.path("message").asText().equals("cold start"))
                .toList();
        assertThat(lines).hasSize(3);
        for (JsonNode line : lines.subList(0, 2)) {
            assertThat(line.path("awsRequestId").asText()).isEqualTo("lambda-1");
            assertThat(line.path("apiRequestId").asText()).isEqualTo("api-1");
            assertThat(line.path("function").asText()).isEqualTo(function);
        }
        assertThat(lines.get(0).path("requestId").asText()).isEqualTo("r1");
        assertThat(lines.get(2).has("awsRequestId")).isFalse();
        assertThat(lines.get(2).has("apiRequestId")).isFalse();
    }

    @Test
    void a_nested_scope_gives_back_the_outer_invocations_ids_when_it_closes() throws Exception {
        try (Log.Scope outer = Log.scope(null, "outer", null)) {
            try (Log.Scope inner = Log.scope(null, "inner", null)) {
                Log.info("inner line");
            }
            Log.info("outer line");
        }
        List<JsonNode> lines = lines();
        assertThat(lines.get(0).path("awsRequestId").asText()).isEqualTo("inner");
        assertThat(lines.get(1).path("awsRequestId").asText()).isEqualTo("outer");
        assertThat(lines.get(1).has("apiRequestId")).isFalse();
    }

    @Test
    void invocations_served_at_once_on_two_threads_each_log_their_own_ids() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch bothInside = new CountDownLatch(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (String id : List.of("first", "second")) {
                runs.add(threads.submit(() -> {
                    try (Log.Scope ids = Log.scope(null, id, null)) {
                        bothInside.countDown();
                        bothInside.await(5, TimeUnit.SECONDS);
                        for (int i = 0; i < 20; i++) Log.info("working", "on", id);
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) run.get(10, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(40);
        for (JsonNode line : lines)
            assertThat(line.path("awsRequestId").asText())
                    .isEqualTo(line.path("on").asText());
    }

    @Test
    void a_metric_is_an_embedded_metric_format_line_that_cloudwatch_turns_into_a_count() throws Exception {
        try (Log.Scope ids = Log.scope(null, "lambda-2", null)) {
            Log.metric(Metric.OFFERS_MADE, 2);
        }
        JsonNode line = lines().getFirst();
        JsonNode directive = line.path("_aws").path("CloudWatchMetrics").path(0);
        assertThat(line.path("_aws").path("Timestamp").isIntegralNumber()).isTrue();
        assertThat(directive.path("Namespace").asText()).isEqualTo(Log.DEFAULT_NAMESPACE);
        assertThat(directive.path("Dimensions").toString()).isEqualTo("[[]]");
        assertThat(directive.path("Metrics").path(0).path("Name").asText()).isEqualTo("OffersMade");
        assertThat(directive.path("Metrics").path(0).path("Unit").asText()).isEqualTo("Count");
        assertThat(line.path("OffersMade").asInt()).isEqualTo(2);
        assertThat(line.path("awsRequestId").asText()).isEqualTo("lambda-2");
    }

    @Test
    void a_count_of_zero_writes_no_line() throws Exception {
        Log.metric(Metric.OFFERS_EXPIRED, 0);
        assertThat(lines()).isEmpty();
    }

    @Test
    void each_function_counts_one_cold_start_per_container_and_again_after_a_snapstart_restore() throws Exception {
        String register = fresh();
        String notify = fresh();
        for (String function : List.of(register, register, notify, register)) {
            try (Log.Scope ids = Log.scope(function, UUID.randomUUID().toString(), null)) {
                Log.info("handled");
            }
        }
        Log.forgetStarts();
        try (Log.Scope ids = Log.scope(register, "after-restore", null)) {
            Log.info("handled");
        }

        List<JsonNode> coldStarts =
                lines().stream().filter(l -> l.has("ColdStart")).toList();
        assertThat(coldStarts).extracting(l -> l.path("Function").asText()).containsExactly(register, notify, register);
        JsonNode directive =
                coldStarts.getFirst().path("_aws").path("CloudWatchMetrics").path(0);
        assertThat(directive.path("Dimensions").toString()).isEqualTo("[[\"Function\"]]");
        assertThat(coldStarts.getLast().path("awsRequestId").asText()).isEqualTo("after-restore");
    }

    @Test
    void priming_without_a_lambda_context_counts_no_cold_start() throws Exception {
        try (Log.Scope ids = Log.scope(null, null, null)) {
            Log.info("priming");
        }
        assertThat(lines()).noneMatch(l -> l.has("ColdStart"));
    }
}
