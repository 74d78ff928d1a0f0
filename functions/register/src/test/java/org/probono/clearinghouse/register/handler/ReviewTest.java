package org.probono.clearinghouse.register.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.LocalAwsExtension;
import org.probono.clearinghouse.testkit.MovableClock;

/** Approve and reject only what awaits review; every bad command is an error object and writes nothing. */
@ExtendWith(LocalAwsExtension.class)
class ReviewTest {
    private RegisterFunction function;
    private String lawyer;

    @BeforeEach
    void setUp(LocalAws aws) {
        function = new RegisterFunction(aws, new MovableClock(Instant.parse("2026-11-28T10:00:00Z")));
        lawyer = function.register("register-post-lawyer.json", RegisterFunction.body("register-post-lawyer.json"));
    }

    @Test
    void approving_or_rejecting_an_unverified_registration_is_a_409_and_writes_nothing() {
        int before = function.aws.countItems();

        assertError(function.invoke(approve(lawyer)), 409);
        assertError(function.invoke(reject(lawyer)), 409);
        assertThat(function.aws.countItems()).isEqualTo(before);
    }

    @Test
    void a_decided_registration_cannot_be_approved_or_rejected_again() {
        function.http(RegisterFunction.verifyEvent(
                function.table.tokenOf(function.table.lastEmailTo("meera.iyer@lawfirm.example")), true));
        assertThat(function.invoke(approve(lawyer)).path("status").asText()).isEqualTo("APPROVED");
        int before = function.aws.countItems();

        JsonNode again = function.invoke(approve(lawyer));
        JsonNode rejectAfter = function.invoke(reject(lawyer));

        assertError(again, 409);
        assertThat(again.path("error").path("detail").asText()).contains("APPROVED");
        assertError(rejectAfter, 409);
        assertThat(function.aws.countItems()).isEqualTo(before);
    }

    @Test
    void an_unknown_id_or_the_wrong_kind_is_a_404() {
        int before = function.aws.countItems();

        assertError(function.invoke(approve("0193c5a0-0000-7000-8000-00000000dead")), 404);
        assertError(
                function.invoke(
                        RegisterFunction.command("register-approve-organisation.json", c -> c.put("id", lawyer))),
                404);
        assertThat(function.aws.countItems()).isEqualTo(before);
    }

    @Test
    void bad_commands_are_400_error_objects_that_name_the_problem_and_write_nothing() {
        int before = function.aws.countItems();
        List<Consumer<ObjectNode>> breakages = List.of(
                c -> c.put("command", "aprove"),
                c -> c.put("kind", "firm"),
                c -> c.remove("kind"),
                c -> c.remove("id"),
                c -> c.put("id", 42),
                c -> c.remove("reviewedBy"),
                c -> c.put("reviewedBy", "   "),
                c -> c.put("reviewedBy", "x".repeat(121)),
                c -> c.put("reviewer", "typo@example.org"));
        for (Consumer<ObjectNode> breakage : breakages) {
            ObjectNode command = approve(lawyer);
            breakage.accept(command);
            JsonNode answer = function.invoke(command);
            assertError(answer, 400);
            assertThat(answer.toString()).doesNotContain("Exception").doesNotContain("\tat ");
        }
        assertError(function.invoke(RegisterFunction.command("register-reject.json", c -> c.remove("reason"))), 400);
        assertThat(function.invoke(RegisterFunction.command("register-reject.json", c -> c.remove("reason")))
                        .path("error")
                        .path("detail")
                        .asText())
                .contains("reason is required");
        assertError(
                function.invoke(RegisterFunction.command("register-list-pending.json", c -> c.put("limit", 5))), 400);
        assertThat(function.aws.countItems()).isEqualTo(before);
    }

    @Test
    void an_event_of_no_known_shape_is_rejected_with_a_clear_error() {
        JsonNode sqs = function.invokeRaw("{\"Records\":[{\"eventSource\":\"aws:sqs\",\"body\":\"x\"}]}");
        JsonNode notJson = function.invokeRaw("this is not json");

        assertError(sqs, 400);
        assertThat(sqs.path("error").path("detail").asText()).contains("HTTP API request or an admin command");
        assertError(notJson, 400);
    }

    @Test
    void an_unknown_route_is_a_404_problem() {
        ObjectNode event = RegisterFunction.event("register-post-lawyer.json");
        event.put("routeKey", "DELETE /lawyers");

        assertThat(function.http(event).status()).isEqualTo(404);
    }

    private ObjectNode approve(String id) {
        return RegisterFunction.command("register-approve-lawyer.json", c -> c.put("id", id));
    }

    private ObjectNode reject(String id) {
        return RegisterFunction.command("register-reject.json", c -> c.put("id", id));
    }

    private static void assertError(JsonNode answer, int status) {
        assertThat(answer.path("error").path("status").asInt())
                .as(answer.toString())
                .isEqualTo(status);
        assertThat(answer.path("error").path("title").asText()).isNotBlank();
        assertThat(answer.path("error").path("detail").asText()).isNotBlank();
    }
}
