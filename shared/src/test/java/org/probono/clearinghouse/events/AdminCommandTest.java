package org.probono.clearinghouse.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.probono.clearinghouse.json.Tree;
import org.probono.clearinghouse.testkit.TestJson;
import org.probono.clearinghouse.validation.Validation;

/** The one admin-command reader, without a backend: what it reads, and how it words what it refuses. */
class AdminCommandTest {
    /** A command like assign's: an id, a list of ids, an optional whole number, free text, a number. */
    record Offer(String requestId, List<String> lawyerIds, Integer hours, String note, Double hoursSpent)
            implements AdminCommand.Fields<Offer> {
        @Override
        public Offer checked(Validation check) {
            return new Offer(
                    AdminCommand.id(check, "requestId", requestId),
                    AdminCommand.ids(check, "lawyerIds", lawyerIds, 1, 3),
                    check.integer("hours", hours, 1, 168, 24),
                    check.optionalText("note", note, 1, 100),
                    hoursSpent == null ? null : AdminCommand.number(check, "hoursSpent", hoursSpent, 0, 10_000));
        }
    }

    private static Tree event(String json) {
        return TestJson.tree(json);
    }

    private static String refusal(String json) {
        return assertThatThrownBy(() -> AdminCommand.read(event(json), Offer.class))
                .isInstanceOf(BadCommand.class)
                .actual()
                .getMessage();
    }

    @Test
    void a_good_command_is_read_trimmed_with_its_defaults_filled_in() throws Exception {
        Offer offer = AdminCommand.read(
                event("{\"command\":\"offer\",\"requestId\":\" REQ-1 \",\"lawyerIds\":[\"L-1\",\"L_2\"]}"),
                Offer.class);

        assertThat(offer).isEqualTo(new Offer("REQ-1", List.of("L-1", "L_2"), 24, null, null));
    }

    @Test
    void a_command_without_fields_reads_as_no_fields_and_refuses_any() throws Exception {
        assertThat(AdminCommand.read(event("{\"command\":\"queue\"}"), AdminCommand.NoFields.class))
                .isNotNull();
        assertThatThrownBy(() ->
                        AdminCommand.read(event("{\"command\":\"queue\",\"limit\":5}"), AdminCommand.NoFields.class))
                .isInstanceOf(BadCommand.class)
                .hasMessage("limit is not a known field; queue takes no fields.");
    }

    @Test
    void an_unknown_field_is_named_with_the_fields_the_command_takes() {
        assertThat(refusal("{\"command\":\"offer\",\"requestID\":\"REQ-1\"}"))
                .isEqualTo(
                        "requestID is not a known field; offer takes hours, hoursSpent, lawyerIds, note, requestId.");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"command\":\"offer\",\"requestId\":42,\"lawyerIds\":[\"L-1\"]}|requestId must be a string.",
                "{\"command\":\"offer\",\"requestId\":true,\"lawyerIds\":[\"L-1\"]}|requestId must be a string.",
                "{\"command\":\"offer\",\"requestId\":\"REQ-1\",\"lawyerIds\":\"L-1\"}|lawyerIds must be a list.",
                "{\"command\":\"offer\",\"requestId\":\"REQ-1\",\"lawyerIds\":[\"L-1\"],\"hours\":1.5}|hours must be a whole number.",
                "{\"command\":\"offer\",\"requestId\":\"REQ-1\",\"lawyerIds\":[\"L-1\"],\"hours\":\"24\"}|hours must be a whole number.",
                "{\"command\":\"offer\",\"requestId\":\"REQ-1\",\"lawyerIds\":[\"L-1\"],\"hoursSpent\":\"2\"}|hoursSpent must be a number."
            })
    void a_field_of_the_wrong_type_is_worded_as_an_http_body_words_it(String json, String detail) {
        assertThat(refusal(json)).isEqualTo(detail);
    }

    @Test
    void every_missing_or_bad_value_is_named_at_once() {
        assertThat(refusal("{\"command\":\"offer\",\"requestId\":\"  \",\"lawyerIds\":[],\"hours\":0,\"note\":\""
                        + "x".repeat(101) + "\"}"))
                .isEqualTo(
                        "requestId is required; lawyerIds must be a list of 1 to 3 ids; hours must be between 1 and 168;"
                                + " note must be at most 100 characters.");
    }

    @Test
    void ids_must_look_like_ids_and_be_distinct() {
        assertThat(refusal("{\"command\":\"offer\",\"requestId\":\"REQ#1\",\"lawyerIds\":[\"L-1\",\"L-1\"]}"))
                .isEqualTo("requestId must be an id (letters, digits, - and _); lawyerIds names L-1 twice.");
        assertThat(
                        refusal(
                                "{\"command\":\"offer\",\"requestId\":\"R\",\"lawyerIds\":[\"L-1\",\"L 2\"],\"hoursSpent\":-1}"))
                .isEqualTo(
                        "lawyerIds[1] must be an id (letters, digits, - and _); hoursSpent must be between 0 and 10000.");
    }

    @Test
    void an_unknown_command_lists_the_commands_the_function_takes() throws Exception {
        assertThat(AdminCommand.unknown(
                        event("{\"command\":\"resend-all\"}"), "NotifyFunction", List.of("pending-emails", "resend")))
                .hasMessage("Unknown command \"resend-all\"; NotifyFunction takes pending-emails, resend.");
    }

    @Test
    void a_bad_command_is_answered_as_a_400_error_object_and_the_invocation_succeeds() {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Invocation.run(
                new ByteArrayInputStream("{\"command\":\"offer\"}".getBytes(StandardCharsets.UTF_8)),
                output,
                null,
                (shape, event) -> AdminCommand.read(event, Offer.class));

        assertThat(output.toString(StandardCharsets.UTF_8))
                .isEqualTo("{\"error\":{\"status\":400,\"title\":\"Bad command\","
                        + "\"detail\":\"requestId is required; lawyerIds must be a list of 1 to 3 ids.\"}}");
    }

    @Test
    void reading_leaves_the_event_as_it_was() throws Exception {
        Tree event = event("{\"command\":\"offer\",\"requestId\":\"REQ-1\",\"lawyerIds\":[\"L-1\"]}");
        AdminCommand.read(event, Offer.class);

        assertThat(AdminCommand.name(event)).isEqualTo("offer");
    }
}
