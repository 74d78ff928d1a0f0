package org.probono.clearinghouse.submit.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.probono.clearinghouse.config.Config;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.LocalAwsExtension;
import org.probono.clearinghouse.submit.handler.SubmitApi.Reply;
import org.probono.clearinghouse.submit.wiring.Wiring;
import org.probono.clearinghouse.testkit.MovableClock;
import org.probono.clearinghouse.testkit.TableFixture.OrganisationWithToken;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(LocalAwsExtension.class)
class IdempotencyTest {
    private LocalAws aws;
    private World world;
    private SubmitApi api;
    private OrganisationWithToken shakti;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        world = new World(aws);
        api = new SubmitApi(new SubmitRequestHandler());
        shakti = world.shakti();
    }

    @Test
    void a_retried_submit_returns_the_first_response_and_creates_nothing_new() {
        ObjectNode body = SubmitFlowTest.body();
        Reply first = api.submit(shakti.token(), "mural-2026-11-28", body);
        int after = aws.countItems();

        Reply retry = api.submit(shakti.token(), "mural-2026-11-28", body.deepCopy());

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(aws.countItems()).isEqualTo(after);
        assertThat(world.table.rawItems("REQUEST")).hasSize(1);
        assertThat(world.table.rawItems("OUTBOX")).hasSize(2);
        assertThat(world.table.rawItems("IDEMPOTENCY")).singleElement().satisfies(item -> {
            long expiresAt = Long.parseLong(item.get("expiresAt").n());
            assertThat(expiresAt - Instant.now().getEpochSecond()).isBetween(24 * 3600L - 60, 24 * 3600L);
        });
    }

    @Test
    void the_same_key_with_a_different_body_is_422_and_writes_nothing() {
        api.submit(shakti.token(), "key-1", SubmitFlowTest.body());
        int before = aws.countItems();

        Reply changedTitle =
                api.submit(shakti.token(), "key-1", SubmitFlowTest.body().put("title", "Another matter"));
        Reply changedSecret = api.submit(
                shakti.token(), "key-1", SubmitFlowTest.body().put("confidentialDetails", "Something else entirely"));
        Reply droppedSecret =
                api.submit(shakti.token(), "key-1", SubmitFlowTest.body().without("confidentialDetails"));

        assertThat(List.of(changedTitle, changedSecret, droppedSecret)).allSatisfy(reply -> {
            assertThat(reply.status()).isEqualTo(422);
            assertThat(reply.body().path("detail").asText()).contains("Idempotency-Key");
        });
        assertThat(aws.countItems()).isEqualTo(before);
    }

    @Test
    void a_key_belongs_to_one_organisation() {
        OrganisationWithToken other = world.approvedOrganisation("Prajwala", "office@prajwala.example");

        Reply mine = api.submit(shakti.token(), "shared-key", SubmitFlowTest.body());
        Reply theirs = api.submit(other.token(), "shared-key", SubmitFlowTest.body());

        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.body().path("id")).isNotEqualTo(mine.body().path("id"));
        assertThat(world.table.rawItems("REQUEST")).hasSize(2);
    }

    @Test
    void a_badly_shaped_key_is_a_400_and_writes_nothing() {
        int before = aws.countItems();

        Reply spaces = api.submit(shakti.token(), "has spaces", SubmitFlowTest.body());
        Reply tooLong = api.submit(shakti.token(), "k".repeat(101), SubmitFlowTest.body());
        Reply hash = api.submit(shakti.token(), "a#b", SubmitFlowTest.body());

        assertThat(List.of(spaces, tooLong, hash)).allSatisfy(reply -> {
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.body().path("errors").get(0).path("field").asText())
                    .isEqualTo("Idempotency-Key");
        });
        assertThat(aws.countItems()).isEqualTo(before);
        assertThat(api.submit(shakti.token(), "k".repeat(100), SubmitFlowTest.body())
                        .status())
                .isEqualTo(201);
        assertThat(api.submit(shakti.token(), "order:2026-11.28_a-b", SubmitFlowTest.body())
                        .status())
                .isEqualTo(201);
    }

    /**
     * Six containers submit with one key at once; every one of them gets past the key lookup and sends its
     * transaction (held until all six have, so the race is certain, not likely). moto runs a transaction
     * without a lock and undoes a failed one by restoring a copy of the table taken before it, which can
     * erase a concurrent committed one; DynamoDB is atomic. So the transactions themselves are let through
     * one at a time; everything before them races for real.
     */
    @Test
    void concurrent_submits_with_one_key_create_one_request_and_all_get_its_response() throws Exception {
        int callers = 6;
        RacingTransactions race = new RacingTransactions(callers);
        DynamoDbClient dynamoDb = DynamoDbClient.builder()
                .endpointOverride(java.net.URI.create(System.getProperty("aws.endpointUrl")))
                .region(software.amazon.awssdk.regions.Region.of(System.getProperty("aws.region")))
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(race))
                .build();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> futures = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            SubmitApi container = new SubmitApi(handler(dynamoDb, Clock.systemUTC())); // one Lambda container each
            ObjectNode body = SubmitFlowTest.body(Instant.parse("2030-01-01T00:00:00Z"));
            futures.add(pool.submit(() -> {
                start.await();
                return container.submit(shakti.token(), "double-click", body);
            }));
        }
        start.countDown();
        List<Reply> replies = new ArrayList<>();
        for (Future<Reply> future : futures) replies.add(future.get());
        pool.shutdown();

        assertThat(race.transactions()).isEqualTo(callers);
        assertThat(world.table.rawItems("REQUEST")).hasSize(1);
        assertThat(world.table.rawItems("OUTBOX")).hasSize(2);
        assertThat(world.table.rawItems("EVENT")).hasSize(1);
        String id = world.table.rawItems("REQUEST").get(0).get("id").s();
        assertThat(replies).allSatisfy(reply -> {
            assertThat(reply.status()).isEqualTo(201);
            assertThat(reply.body().path("id").asText()).isEqualTo(id);
        });
        assertThat(replies)
                .filteredOn(reply -> reply.header("Idempotent-Replayed") != null)
                .hasSize(callers - 1);
    }

    private SubmitRequestHandler handler(DynamoDbClient dynamoDb, Clock clock) {
        return new SubmitRequestHandler(Wiring.create(Config.from(aws.environment()), dynamoDb, aws::kms, clock));
    }

    /** Holds each TransactWriteItems until all callers have sent one, then lets them through one at a time. */
    static final class RacingTransactions implements ExecutionInterceptor {
        private final CountDownLatch allArrived;
        private final Semaphore oneAtATime = new Semaphore(1);
        private final AtomicInteger transactions = new AtomicInteger();

        RacingTransactions(int callers) {
            this.allArrived = new CountDownLatch(callers);
        }

        int transactions() {
            return transactions.get();
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (!isTransaction(attributes)) return;
            transactions.incrementAndGet();
            allArrived.countDown();
            try {
                allArrived.await(10, TimeUnit.SECONDS);
                oneAtATime.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            if (isTransaction(attributes)) oneAtATime.release();
        }

        @Override
        public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
            if (isTransaction(attributes)) oneAtATime.release();
        }

        private static boolean isTransaction(ExecutionAttributes attributes) {
            return "TransactWriteItems".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }
    }

    @Test
    void after_24_hours_the_key_is_forgotten_even_before_ttl_deletes_it() {
        MovableClock clock = new MovableClock(Instant.now());
        SubmitApi later = new SubmitApi(handler(aws.dynamoDb(), clock));
        ObjectNode body = SubmitFlowTest.body(Instant.now().plus(Duration.ofDays(30)));
        Reply first = later.submit(shakti.token(), "weekly-report", body);

        clock.advance(Duration.ofHours(23));
        Reply replay = later.submit(shakti.token(), "weekly-report", body);
        clock.advance(Duration.ofHours(2));
        Reply fresh = later.submit(shakti.token(), "weekly-report", body);

        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(fresh.status()).isEqualTo(201);
        assertThat(fresh.body().path("id")).isNotEqualTo(first.body().path("id"));
        assertThat(world.table.rawItems("REQUEST")).hasSize(2);
        assertThat(world.table.rawItems("IDEMPOTENCY"))
                .singleElement()
                .satisfies(item -> assertThat(item.get("requestId").s())
                        .isEqualTo(fresh.body().path("id").asText()));
    }

    @Test
    void a_replay_answers_as_the_first_time_even_after_the_deadline_has_passed() {
        MovableClock clock = new MovableClock(Instant.now());
        SubmitApi later = new SubmitApi(handler(aws.dynamoDb(), clock));
        ObjectNode body = SubmitFlowTest.body(clock.instant().plus(Duration.ofHours(2)));
        Reply first = later.submit(shakti.token(), "urgent", body);

        clock.advance(Duration.ofHours(3));
        Reply replay = later.submit(shakti.token(), "urgent", body);

        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(first.body());
    }
}
