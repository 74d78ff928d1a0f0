package org.probono.clearinghouse.register.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.LocalAwsExtension;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.testkit.MovableClock;

/** One account per email address, across organisations and lawyers, whatever the timing. */
@ExtendWith(LocalAwsExtension.class)
class RegistrationConflictsTest {
    private RegisterFunction function;

    @BeforeEach
    void setUp(LocalAws aws) {
        function = new RegisterFunction(aws, new MovableClock(Instant.parse("2026-11-28T10:00:00Z")));
    }

    @Test
    void a_lawyer_with_an_organisations_contact_email_in_other_case_and_spacing_is_a_409_and_writes_nothing() {
        function.register("register-post-organisation.json", RegisterFunction.body("register-post-organisation.json"));
        int before = function.aws.countItems();
        ObjectNode lawyer = RegisterFunction.body("register-post-lawyer.json");
        lawyer.put("email", "  ANANYA.ROY@Shakti.Example.ORG ");

        RegisterFunction.HttpAnswer answer =
                function.http(RegisterFunction.withBody("register-post-lawyer.json", lawyer));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.json().path("status").asInt()).isEqualTo(409);
        assertThat(function.aws.countItems()).isEqualTo(before);
    }

    /* moto runs one request at a time in our harness (local/backend moto_serialized.py): its own
     * transactions are not atomic under concurrency, so the race below would otherwise test moto. */
    @Test
    void twenty_concurrent_registrations_with_one_email_create_exactly_one_account() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Callable<RegisterFunction.HttpAnswer>> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String file = i % 2 == 0 ? "register-post-organisation.json" : "register-post-lawyer.json";
            ObjectNode body = RegisterFunction.body(file);
            if (i % 2 == 0) ((ObjectNode) body.path("contact")).put("email", "race@example.org");
            else body.put("email", "Race@Example.org");
            attempts.add(() -> function.http(RegisterFunction.withBody(file, body)));
        }
        List<RegisterFunction.HttpAnswer> answers = new ArrayList<>();
        for (Future<RegisterFunction.HttpAnswer> answer : pool.invokeAll(attempts)) answers.add(answer.get());
        pool.shutdown();

        List<RegisterFunction.HttpAnswer> created =
                answers.stream().filter(a -> a.status() == 201).toList();
        assertThat(created).hasSize(1);
        assertThat(answers).filteredOn(a -> a.status() == 409).hasSize(19);
        String winner = created.getFirst().json().path("id").asText();
        assertThat(function.store
                        .get(Keys.email("race@example.org"))
                        .orElseThrow()
                        .string("ownerId"))
                .isEqualTo(winner);
        assertThat(function.table.items("ORGANISATION").size()
                        + function.table.items("LAWYER").size())
                .isEqualTo(1);
        assertThat(function.table.outbox()).hasSize(1);
        assertThat(function.aws.countItems()).isEqualTo(5);
    }
}
