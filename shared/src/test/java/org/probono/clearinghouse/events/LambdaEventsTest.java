package org.probono.clearinghouse.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.http.Http;
import org.probono.clearinghouse.http.Response;
import org.probono.clearinghouse.json.Json;
import org.probono.clearinghouse.local.backend.Template;
import org.probono.clearinghouse.testkit.TestJson;

/** events/ is the truth: our one ObjectMapper reads and writes API Gateway events as the Lambda runtime does. */
class LambdaEventsTest {
    private static List<Path> httpApiEvents() throws IOException {
        try (Stream<Path> files = Files.list(Template.repositoryRoot().resolve("events"))) {
            return files.filter(f -> f.toString().endsWith(".json"))
                    .filter(f -> EventShape.of(TestJson.tree(tree(f))) == EventShape.HTTP_API)
                    .sorted()
                    .toList();
        }
    }

    private static JsonNode tree(Path file) {
        try {
            return TestJson.MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void every_http_api_event_in_events_is_read_field_for_field_as_the_runtime_reads_it() throws IOException {
        List<Path> files = httpApiEvents();
        assertThat(files).hasSizeGreaterThanOrEqualTo(5);
        for (Path file : files) {
            APIGatewayV2HTTPEvent theirs = LambdaEventSerializers.serializerFor(
                            APIGatewayV2HTTPEvent.class, getClass().getClassLoader())
                    .fromJson(Files.newInputStream(file));
            APIGatewayV2HTTPEvent ours = LambdaEvents.httpRequest(TestJson.tree(tree(file)));

            assertThat((JsonNode) TestJson.MAPPER.valueToTree(ours))
                    .as(file.getFileName().toString())
                    .isEqualTo((JsonNode) TestJson.MAPPER.valueToTree(theirs));
            assertThat(ours.getRouteKey()).as(file.getFileName().toString()).isNotBlank();
            assertThat(ours.getRequestContext().getHttp().getMethod()).isNotBlank();
        }
    }

    @Test
    void an_api_gateway_response_is_written_as_the_runtime_writes_it() throws IOException {
        APIGatewayV2HTTPResponse response = Http.toApiGateway(
                Response.created(Map.of("id", "r1", "status", "SUBMITTED")).withHeader("Location", "/requests/r1"));
        ByteArrayOutputStream theirs = new ByteArrayOutputStream();
        LambdaEventSerializers.serializerFor(
                        APIGatewayV2HTTPResponse.class, getClass().getClassLoader())
                .toJson(response, theirs);
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        LambdaEvents.writeJson(response, ours);

        JsonNode written = TestJson.MAPPER.readTree(ours.toByteArray());
        assertThat(written).isEqualTo(withoutNulls(TestJson.MAPPER.readTree(theirs.toByteArray())));
        assertThat(written.path("statusCode").asInt()).isEqualTo(201);
        assertThat(written.path("isBase64Encoded").isBoolean()).isTrue();
        assertThat(written.path("headers").path("Location").asText()).isEqualTo("/requests/r1");
    }

    @Test
    void an_event_with_cookies_stage_variables_an_authorizer_and_a_base64_body_is_read_as_the_runtime_reads_it()
            throws IOException {
        String event = """
                {"version":"2.0","routeKey":"POST /requests","rawPath":"/requests","rawQueryString":"a=1&b=2",
                 "cookies":["c1=v1","c2=v2"],"headers":{"content-type":"application/json","x-empty":""},
                 "queryStringParameters":{"a":"1","b":"2"},"pathParameters":{"id":"r1"},"stageVariables":{"s":"v"},
                 "requestContext":{"accountId":"1","apiId":"api","domainName":"x.example","domainPrefix":"x",
                  "authorizer":{"jwt":{"claims":{"sub":"u1"},"scopes":["read"]}},
                  "http":{"method":"POST","path":"/requests","protocol":"HTTP/1.1","sourceIp":"10.0.0.1","userAgent":"t"},
                  "requestId":"rid","routeKey":"POST /requests","stage":"$default","time":"t","timeEpoch":1767225600000},
                 "body":"e30=","isBase64Encoded":true}""";
        APIGatewayV2HTTPEvent theirs = LambdaEventSerializers.serializerFor(
                        APIGatewayV2HTTPEvent.class, getClass().getClassLoader())
                .fromJson(event);
        APIGatewayV2HTTPEvent ours = LambdaEvents.httpRequest(TestJson.tree(event));

        assertThat(ours).isEqualTo(theirs);
        assertThat(ours.getRequestContext().getAuthorizer().getJwt().getClaims())
                .containsEntry("sub", "u1");
    }

    @Test
    void a_response_with_cookies_and_multi_value_headers_is_written_as_the_one_object_mapper_writes_the_bean()
            throws IOException {
        APIGatewayV2HTTPResponse response = APIGatewayV2HTTPResponse.builder()
                .withStatusCode(302)
                .withHeaders(Map.of("Location", "/x"))
                .withMultiValueHeaders(Map.of("Vary", List.of("a", "b")))
                .withCookies(List.of("c=1"))
                .withIsBase64Encoded(false)
                .build();
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        LambdaEvents.writeJson(response, ours);

        assertThat(TestJson.MAPPER.readTree(ours.toByteArray()))
                .isEqualTo(TestJson.MAPPER.readTree(Json.write(response)));
    }

    @Test
    void fields_an_event_carries_that_no_function_reads_are_ignored() {
        JsonNode event = TestJson.MAPPER.valueToTree(Map.of(
                "version",
                "2.0",
                "routeKey",
                "GET /verify",
                "somethingAwsAddsLater",
                Map.of("x", 1),
                "requestContext",
                Map.of("newField", true)));

        assertThat(LambdaEvents.httpRequest(TestJson.tree(event)).getRouteKey()).isEqualTo("GET /verify");
    }

    /** The runtime writes absent fields as null; the one ObjectMapper leaves them out. */
    private static JsonNode withoutNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().removeIf(field -> field.getValue().isNull());
            object.forEach(LambdaEventsTest::withoutNulls);
        }
        return node;
    }
}
