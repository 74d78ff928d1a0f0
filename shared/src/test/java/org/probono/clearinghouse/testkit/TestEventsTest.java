package org.probono.clearinghouse.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.events.EventShape;
import org.probono.clearinghouse.events.LambdaEvents;
import org.probono.clearinghouse.http.Http;

class TestEventsTest {
    record Title(String title) {}

    @Test
    void an_http_event_from_events_carries_the_body_headers_and_path_parameters_the_test_sets() {
        JsonNode json = TestEvents.http("submit-get-request.json")
                .bearer("T0KEN")
                .header("Accept-Language", "hi")
                .pathParameter("id", "REQ-1")
                .query("cursor", "C1")
                .body(Map.of("title", "नमस्ते"))
                .json();
        APIGatewayV2HTTPEvent event = LambdaEvents.httpRequest(TestJson.tree(json));

        assertThat(EventShape.of(TestJson.tree(json))).isEqualTo(EventShape.HTTP_API);
        assertThat(event.getRouteKey()).isEqualTo("GET /requests/{id}");
        assertThat(Http.header(event, "authorization")).contains("Bearer T0KEN");
        assertThat(Http.header(event, "accept-language")).contains("hi");
        assertThat(Http.pathParam(event, "id")).isEqualTo("REQ-1");
        assertThat(Http.query(event, "cursor")).contains("C1");
        assertThat(json.path("body").asText()).isEqualTo("{\"title\":\"नमस्ते\"}");
    }

    @Test
    void a_body_given_as_text_is_sent_as_it_is_and_a_header_can_be_left_out() {
        APIGatewayV2HTTPEvent event = LambdaEvents.httpRequest(TestJson.tree(TestEvents.http("submit-post-request.json")
                .body("{\"title\":")
                .withoutHeader("Content-Type")
                .json()));

        assertThat(event.getBody()).isEqualTo("{\"title\":");
        assertThat(Http.header(event, "content-type")).isEmpty();
    }

    @Test
    void each_trigger_built_from_its_file_has_that_triggers_shape() {
        assertThat(EventShape.of(TestJson.tree(TestEvents.sesReceipt().json()))).isEqualTo(EventShape.SES_RECEIPT);
        assertThat(EventShape.of(TestJson.tree(TestEvents.streamRecord().json())))
                .isEqualTo(EventShape.DYNAMODB_STREAM);
        assertThat(EventShape.of(TestJson.tree(TestEvents.sns().json()))).isEqualTo(EventShape.SNS);
        assertThat(EventShape.of(TestJson.tree(TestEvents.schedule().json()))).isEqualTo(EventShape.SCHEDULE);
        assertThat(EventShape.of(
                        TestJson.tree(TestEvents.command("assign-queue.json").json())))
                .isEqualTo(EventShape.ADMIN_COMMAND);
    }

    @Test
    void a_receipt_names_its_recipient_message_and_verdicts() {
        JsonNode receipt = TestEvents.sesReceipt()
                .messageId("M-1")
                .recipient("reply+abc@reply.test")
                .verdict("SPF", "FAIL")
                .json()
                .path("Records")
                .path(0)
                .path("ses");

        assertThat(receipt.path("mail").path("messageId").asText()).isEqualTo("M-1");
        assertThat(receipt.path("mail").path("destination").toString()).isEqualTo("[\"reply+abc@reply.test\"]");
        assertThat(receipt.path("receipt").path("recipients").toString()).isEqualTo("[\"reply+abc@reply.test\"]");
        assertThat(receipt.path("receipt").path("spfVerdict").path("status").asText())
                .isEqualTo("FAIL");
        assertThat(receipt.path("receipt").path("dkimVerdict").path("status").asText())
                .isEqualTo("PASS");
    }

    @Test
    void a_command_changes_only_the_fields_named_and_each_call_starts_from_the_file_again() throws Exception {
        JsonNode changed = TestJson.MAPPER.readTree(TestEvents.command("assign-assign.json")
                .with("requestId", "REQ-9")
                .with("lawyerIds", List.of("L-1"))
                .without("respondWithinHours")
                .with("note.by", "test")
                .text());
        JsonNode original = TestEvents.command("assign-assign.json").json();

        assertThat(changed.path("requestId").asText()).isEqualTo("REQ-9");
        assertThat(changed.path("lawyerIds").toString()).isEqualTo("[\"L-1\"]");
        assertThat(changed.has("respondWithinHours")).isFalse();
        assertThat(changed.path("note").path("by").asText()).isEqualTo("test");
        assertThat(changed.path("assignedBy")).isEqualTo(original.path("assignedBy"));
        assertThat(original.path("requestId").asText()).isNotEqualTo("REQ-9");
        assertThat(original.has("respondWithinHours")).isTrue();
    }

    @Test
    void a_stream_record_can_name_another_outbox_item() {
        JsonNode record = TestEvents.streamRecord()
                .with("Records[0].dynamodb.Keys.PK.S", "OUTBOX#OB-1")
                .json();

        assertThat(record.path("Records")
                        .path(0)
                        .path("dynamodb")
                        .path("Keys")
                        .path("PK")
                        .path("S")
                        .asText())
                .isEqualTo("OUTBOX#OB-1");
    }
}
