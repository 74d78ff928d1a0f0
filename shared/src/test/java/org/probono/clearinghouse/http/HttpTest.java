package org.probono.clearinghouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.testkit.TestJson;

class HttpTest {
    record Body(String name, Integer count, List<String> tags) {}

    private static APIGatewayV2HTTPEvent post(String contentType, String body) {
        return APIGatewayV2HTTPEvent.builder()
                .withRouteKey("POST /things")
                .withHeaders(contentType == null ? Map.of() : Map.of("content-type", contentType))
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }

    private static JsonNode answer(APIGatewayV2HTTPEvent event) throws Exception {
        APIGatewayV2HTTPResponse response = Http.respond(event, route -> Response.ok(Http.body(event, Body.class)));
        JsonNode body = TestJson.MAPPER.readTree(response.getBody());
        ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("_status", response.getStatusCode());
        ((com.fasterxml.jackson.databind.node.ObjectNode) body)
                .put("_type", response.getHeaders().get("Content-Type"));
        return body;
    }

    @Test
    void a_valid_json_body_is_read_into_its_record() throws Exception {
        JsonNode body =
                answer(post("application/json; charset=utf-8", "{\"name\":\"Shakti\",\"count\":2,\"tags\":[\"a\"]}"));

        assertThat(body.path("_status").asInt()).isEqualTo(200);
        assertThat(body.path("name").asText()).isEqualTo("Shakti");
        assertThat(body.path("count").asInt()).isEqualTo(2);
    }

    @Test
    void a_base64_body_is_decoded() throws Exception {
        String encoded = Base64.getEncoder().encodeToString("{\"name\":\"नमस्ते\"}".getBytes(StandardCharsets.UTF_8));
        APIGatewayV2HTTPEvent event = post("application/json", encoded);
        event.setIsBase64Encoded(true);

        assertThat(answer(event).path("name").asText()).isEqualTo("नमस्ते");
    }

    @Test
    void a_body_that_is_not_json_is_415_as_a_problem() throws Exception {
        JsonNode problem = answer(post("text/plain", "name=x"));

        assertThat(problem.path("_status").asInt()).isEqualTo(415);
        assertThat(problem.path("_type").asText()).isEqualTo("application/problem+json");
        assertThat(problem.path("status").asInt()).isEqualTo(415);
        assertThat(problem.path("type").asText()).endsWith("/unsupported-media-type");
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).contains("application/json");
    }

    @Test
    void a_body_over_64_kib_is_413() throws Exception {
        String big = "{\"name\":\"" + "x".repeat(Http.MAX_BODY_BYTES) + "\"}";

        assertThat(answer(post("application/json", big)).path("status").asInt()).isEqualTo(413);
    }

    @Test
    void malformed_json_is_400_without_parser_internals() throws Exception {
        JsonNode problem = answer(post("application/json", "{\"name\": "));

        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("detail").asText()).isEqualTo("The body is not valid JSON.");
    }

    @Test
    void an_unknown_field_is_named_in_the_errors() throws Exception {
        JsonNode problem = answer(post("application/json", "{\"name\":\"x\",\"nmae\":\"typo\"}"));

        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("nmae");
        assertThat(problem.path("errors").get(0).path("message").asText()).isEqualTo("is not a known field");
    }

    @Test
    void a_field_of_the_wrong_type_is_named_with_its_path() throws Exception {
        JsonNode problem = answer(post("application/json", "{\"tags\":[\"ok\", {\"no\":1}]}"));

        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("tags[1]");
    }

    @Test
    void an_unexpected_error_is_a_500_that_reveals_nothing() throws Exception {
        APIGatewayV2HTTPEvent event = post("application/json", "{}");
        APIGatewayV2HTTPResponse response = Http.respond(event, route -> {
            throw new IllegalStateException("secret internal state SURVIVOR");
        });

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(response.getBody()).doesNotContain("SURVIVOR").doesNotContain("IllegalStateException");
    }

    @Test
    void a_bearer_token_must_have_a_tokens_shape() {
        String token = new org.probono.clearinghouse.ids.Secrets().newToken();
        APIGatewayV2HTTPEvent good = APIGatewayV2HTTPEvent.builder()
                .withHeaders(Map.of("authorization", "Bearer " + token))
                .build();
        APIGatewayV2HTTPEvent bad = APIGatewayV2HTTPEvent.builder()
                .withHeaders(Map.of("authorization", "Bearer short"))
                .build();
        APIGatewayV2HTTPEvent basic = APIGatewayV2HTTPEvent.builder()
                .withHeaders(Map.of("Authorization", "Basic " + token))
                .build();

        assertThat(Http.bearerToken(good)).isEqualTo(token);
        for (APIGatewayV2HTTPEvent event :
                List.of(bad, basic, APIGatewayV2HTTPEvent.builder().build())) {
            try {
                Http.bearerToken(event);
                throw new AssertionError("expected 401");
            } catch (Problem problem) {
                assertThat(problem.status()).isEqualTo(401);
            }
        }
    }
}
