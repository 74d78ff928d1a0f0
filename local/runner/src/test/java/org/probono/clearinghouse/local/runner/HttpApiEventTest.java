package org.probono.clearinghouse.local.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.events.EventShape;
import org.probono.clearinghouse.events.LambdaEvents;
import org.probono.clearinghouse.local.backend.Template;
import org.probono.clearinghouse.testkit.TestJson;

class HttpApiEventTest {
    private static final Instant NOW = Instant.parse("2026-11-28T10:15:30Z");
    private final ApiRoutes routes = new ApiRoutes(List.of(
            new Template.Route("POST", "/requests", "SubmitRequestFunction"),
            new Template.Route("GET", "/requests/{id}", "SubmitRequestFunction"),
            new Template.Route("POST", "/requests/{id}/withdraw", "SubmitRequestFunction"),
            new Template.Route("GET", "/requests/latest", "SubmitRequestFunction")));

    private static IncomingRequest request(
            String method, String path, String query, Map<String, List<String>> headers, String body) {
        return new IncomingRequest(
                method, path, query, headers, body.getBytes(StandardCharsets.UTF_8), "127.0.0.1", "HTTP/1.1");
    }

    @Test
    void an_api_gateway_event_has_lower_case_headers_decoded_query_parameters_and_a_request_context() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("content-type", List.of("application/json"));
        headers.put("x-forwarded-for", List.of("10.0.0.1", "10.0.0.2"));
        headers.put("cookie", List.of("a=1; b=2"));
        headers.put("user-agent", List.of("curl/8"));
        IncomingRequest request =
                request("GET", "/requests/abc%2Fdef", "token=x%2By&tag=a&tag=b", headers, "{\"x\":1}");

        JsonNode event = HttpApiEvent.of(
                request, routes.match("GET", "/requests/abc%2Fdef").orElseThrow(), "localhost:3000", NOW);

        assertThat(EventShape.of(TestJson.tree(event))).isEqualTo(EventShape.HTTP_API);
        assertThat(event.path("routeKey").asText()).isEqualTo("GET /requests/{id}");
        assertThat(event.path("rawPath").asText()).isEqualTo("/requests/abc%2Fdef");
        assertThat(event.path("rawQueryString").asText()).isEqualTo("token=x%2By&tag=a&tag=b");
        assertThat(event.path("headers").path("x-forwarded-for").asText()).isEqualTo("10.0.0.1,10.0.0.2");
        assertThat(event.path("headers").has("cookie")).isFalse();
        assertThat(event.path("cookies")).hasSize(2);
        assertThat(event.path("queryStringParameters").path("token").asText()).isEqualTo("x+y");
        assertThat(event.path("queryStringParameters").path("tag").asText()).isEqualTo("a,b");
        assertThat(event.path("pathParameters").path("id").asText()).isEqualTo("abc/def");
        JsonNode context = event.path("requestContext");
        assertThat(context.path("http").path("method").asText()).isEqualTo("GET");
        assertThat(context.path("http").path("sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(context.path("requestId").asText()).isNotBlank();
        assertThat(context.path("time").asText()).isEqualTo("28/Nov/2026:10:15:30 +0000");
        assertThat(context.path("timeEpoch").asLong()).isEqualTo(NOW.toEpochMilli());
        assertThat(event.path("body").asText()).isEqualTo("{\"x\":1}");
        assertThat(event.path("isBase64Encoded").asBoolean()).isFalse();

        APIGatewayV2HTTPEvent typed = LambdaEvents.httpRequest(TestJson.tree(event));
        assertThat(typed.getRouteKey()).isEqualTo("GET /requests/{id}");
        assertThat(typed.getPathParameters()).containsEntry("id", "abc/def");
        assertThat(typed.getRequestContext().getRequestId())
                .isEqualTo(context.path("requestId").asText());
        assertThat(typed.getHeaders()).containsEntry("content-type", "application/json");
    }

    @Test
    void a_body_that_is_not_text_arrives_base64_encoded() {
        byte[] raw = {(byte) 0xff, 0, 1, 2};
        IncomingRequest request = new IncomingRequest(
                "POST",
                "/requests",
                null,
                Map.of("content-type", List.of("application/octet-stream")),
                raw,
                "127.0.0.1",
                "HTTP/1.1");

        JsonNode event =
                HttpApiEvent.of(request, routes.match("POST", "/requests").orElseThrow(), "localhost", NOW);

        assertThat(event.path("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(event.path("body").asText())).isEqualTo(raw);
        assertThat(event.has("queryStringParameters")).isFalse();
        assertThat(event.path("rawQueryString").asText()).isEmpty();
    }

    @Test
    void a_request_without_a_body_has_no_body_field() {
        JsonNode event = HttpApiEvent.of(
                request("POST", "/requests", null, Map.of(), ""),
                routes.match("POST", "/requests").orElseThrow(),
                "localhost",
                NOW);

        assertThat(event.has("body")).isFalse();
    }

    @Test
    void routes_match_as_api_gateway_matches_them() {
        assertThat(routes.match("GET", "/requests/latest").orElseThrow().route().path())
                .isEqualTo("/requests/latest");
        assertThat(routes.match("GET", "/requests/42").orElseThrow().pathParameters())
                .containsEntry("id", "42");
        assertThat(routes.match("POST", "/requests/42/withdraw")
                        .orElseThrow()
                        .route()
                        .routeKey())
                .isEqualTo("POST /requests/{id}/withdraw");
        assertThat(routes.match("DELETE", "/requests/42")).isEmpty();
        assertThat(routes.match("GET", "/requests/")).isEmpty();
        assertThat(routes.match("GET", "/requests/42/more")).isEmpty();
    }

    @Test
    void text_content_types_stay_text() {
        assertThat(HttpApiEvent.isText("application/json; charset=utf-8")).isTrue();
        assertThat(HttpApiEvent.isText("application/problem+json")).isTrue();
        assertThat(HttpApiEvent.isText("text/plain")).isTrue();
        assertThat(HttpApiEvent.isText("message/rfc822")).isFalse();
        assertThat(HttpApiEvent.isText(null)).isFalse();
    }
}
