package org.probono.clearinghouse.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * --stack against a stand-in for CloudFormation and Lambda (moto cannot run a Java function): the function
 * names come from the stack's outputs, the command is the Invoke payload, and each way it can go wrong is one
 * sentence and its exit code.
 */
class StackTargetTest {
    private static final String ASSIGN = "clearinghouse-dev-AssignFunction-Ab12Cd34";
    private static final String REGISTER = "clearinghouse-dev-RegisterFunction-Ef56Gh78";
    private static FakeAws aws;

    @BeforeAll
    static void start() throws Exception {
        // The caller's own credentials, as the SDK's default chain finds them (here: the system properties).
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "desk-test-secret");
        aws = new FakeAws();
        aws.stack(
                "clearinghouse-dev",
                Map.of(
                        "AssignFunctionName",
                        ASSIGN,
                        "RegisterFunctionName",
                        REGISTER,
                        "ApiUrl",
                        "https://abc.execute-api.eu-west-1.amazonaws.com"),
                Map.of("TimeZone", "Europe/London"));
        aws.stack("clearinghouse-old", Map.of("AssignFunctionName", ASSIGN), Map.of());
        aws.function(ASSIGN, """
                {"items":[{"id":"019ad0a2-6b3e-7c41-9d2a-3f5b8e1c0a01","status":"OFFERED","category":"FCRA_COMPLIANCE",
                 "title":"FCRA renewal","organisation":{"id":"0193c5a0-0000-7000-8000-000000000001","name":"Shakti Vahini Trust"},
                 "deadline":"2026-12-05T12:00:00Z","createdAt":"2026-11-28T10:00:00Z",
                 "offers":[{"lawyerId":"0193c5a0-0000-7000-8000-000000000002","status":"PENDING","respondBy":"2026-11-30T10:15:30Z"}]}]}""", false);
        aws.function(REGISTER, """
                {"error":{"status":409,"title":"Conflict","detail":"Lawyer 0193c5a0-0000-7000-8000-000000000002 is APPROVED, not PENDING_REVIEW"}}""", false);
    }

    @AfterAll
    static void stop() {
        if (aws != null) aws.close();
    }

    private static DeskRun desk(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--region";
        all[1] = "eu-west-1";
        System.arraycopy(args, 0, all, 2, args.length);
        return DeskRun.of(Map.of("AWS_ENDPOINT_URL", aws.endpoint()), all);
    }

    @Test
    void a_command_invokes_the_function_the_stack_names_with_the_command_as_payload() throws Exception {
        int before = aws.invocations.size();
        DeskRun queue = desk("--stack", "clearinghouse-dev", "queue");

        assertThat(queue.exitCode()).as(queue.toString()).isZero();
        FakeAws.Invocation invocation = aws.invocations.get(before);
        assertThat(invocation.functionName()).isEqualTo(ASSIGN);
        assertThat(DeskJson.MAPPER.readTree(invocation.payload()))
                .isEqualTo(DeskJson.MAPPER.readTree("{\"command\":\"queue\"}"));
        // Times in the stack's own TimeZone parameter.
        assertThat(queue.out())
                .contains(
                        "FCRA renewal",
                        "FCRA compliance",
                        "5 Dec 2026, 12:00 GMT",
                        "1 pending, first due 30 Nov 2026, 10:15 GMT");
    }

    @Test
    void json_prints_the_function_answer_as_it_is() throws Exception {
        DeskRun queue = desk("--stack", "clearinghouse-dev", "queue", "--json");

        JsonNode printed = DeskJson.MAPPER.readTree(queue.out());
        assertThat(printed.path("items").path(0).path("deadline").asText()).isEqualTo("2026-12-05T12:00:00Z");
    }

    @Test
    void the_function_error_object_is_one_sentence_with_its_exit_code_and_json_still_prints_it() throws Exception {
        DeskRun refused =
                desk("--stack", "clearinghouse-dev", "approve", "lawyer", "0193c5a0-0000-7000-8000-000000000002");

        assertThat(refused.exitCode()).isEqualTo(ExitCode.CONFLICT.code);
        assertThat(refused.err())
                .isEqualTo("desk: Lawyer 0193c5a0-0000-7000-8000-000000000002 is APPROVED, not PENDING_REVIEW.\n");
        DeskRun asJson = desk(
                "--stack", "clearinghouse-dev", "--json", "approve", "lawyer", "0193c5a0-0000-7000-8000-000000000002");
        assertThat(DeskJson.MAPPER
                        .readTree(asJson.out())
                        .path("error")
                        .path("status")
                        .asInt())
                .isEqualTo(409);
    }

    @Test
    void a_missing_stack_a_missing_output_and_a_failed_function_are_each_one_sentence() {
        DeskRun missing = desk("--stack", "clearinghouse-typo", "queue");
        assertThat(missing.exitCode()).isEqualTo(ExitCode.UNREACHABLE.code);
        assertThat(missing.err())
                .startsWith("desk: No stack clearinghouse-typo in eu-west-1;")
                .hasLineCount(1);

        DeskRun old = desk("--stack", "clearinghouse-old", "pending");
        assertThat(old.exitCode()).isEqualTo(ExitCode.UNREACHABLE.code);
        assertThat(old.err())
                .contains("Stack clearinghouse-old has no output RegisterFunctionName")
                .hasLineCount(1);

        aws.function(
                "clearinghouse-broken-AssignFunction",
                "{\"errorMessage\":\"Task timed out after 20.00 seconds\",\"errorType\":\"Timeout\"}",
                true);
        aws.stack(
                "clearinghouse-broken", Map.of("AssignFunctionName", "clearinghouse-broken-AssignFunction"), Map.of());
        DeskRun failed = desk("--stack", "clearinghouse-broken", "queue");
        assertThat(failed.exitCode()).isEqualTo(ExitCode.FAILED.code);
        assertThat(failed.err()).isEqualTo("desk: AssignFunction failed: Task timed out after 20.00 seconds.\n");

        assertThat(desk("--stack", "clearinghouse-dev", "--local", "http://localhost:3000", "queue")
                        .exitCode())
                .isEqualTo(ExitCode.USAGE.code);
    }
}
