package org.probono.clearinghouse.submit.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.probono.clearinghouse.local.backend.Template;
import org.probono.clearinghouse.testkit.TestJson;

/**
 * Calls SubmitRequestFunction's entry class the way Lambda does: the events/ files as they are, with the
 * token, key, body or id changed, through {@code handleRequest(InputStream, OutputStream, Context)}.
 */
final class SubmitApi {
    private final SubmitRequestHandler handler;

    SubmitApi(SubmitRequestHandler handler) {
        this.handler = handler;
    }

    record Reply(int status, JsonNode body, Map<String, String> headers) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
        }
    }

    static ObjectNode event(String file) {
        try {
            return (ObjectNode) TestJson.MAPPER.readTree(
                    Files.readString(Template.repositoryRoot().resolve("events/" + file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample body of events/submit-post-request.json. */
    static ObjectNode sampleBody() {
        try {
            return (ObjectNode) TestJson.MAPPER.readTree(
                    event("submit-post-request.json").get("body").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Reply submit(String token, String idempotencyKey, JsonNode body) {
        ObjectNode event = withToken(event("submit-post-request.json"), token);
        ObjectNode headers = (ObjectNode) event.get("headers");
        if (idempotencyKey == null) headers.remove("idempotency-key");
        else headers.put("idempotency-key", idempotencyKey);
        String text = body.isTextual() ? body.asText() : TestJson.write(body);
        event.put("body", text);
        headers.put("content-length", Integer.toString(text.getBytes(StandardCharsets.UTF_8).length));
        return invoke(event);
    }

    Reply view(String token, String requestId) {
        return invoke(withId(withToken(event("submit-get-request.json"), token), requestId, ""));
    }

    Reply withdraw(String token, String requestId) {
        return invoke(withId(withToken(event("submit-withdraw-request.json"), token), requestId, "/withdraw"));
    }

    /** {@code GET /requests}, with {@code cursor} as its query parameter when not null. */
    Reply list(String token, String cursor) {
        ObjectNode event = withToken(event("submit-list-requests.json"), token);
        if (cursor != null) {
            event.putObject("queryStringParameters").put("cursor", cursor);
            event.put("rawQueryString", "cursor=" + cursor);
        }
        return invoke(event);
    }

    Reply feedback(String token, String requestId, String body) {
        ObjectNode event = withId(withToken(event("submit-post-feedback.json"), token), requestId, "/feedback");
        event.put("body", body);
        ((ObjectNode) event.get("headers"))
                .put("content-length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
        return invoke(event);
    }

    Reply invoke(ObjectNode event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(
                new ByteArrayInputStream(TestJson.write(event).getBytes(StandardCharsets.UTF_8)), out, null);
        try {
            JsonNode response = TestJson.MAPPER.readTree(out.toByteArray());
            Map<String, String> headers = TestJson.MAPPER.convertValue(
                    response.path("headers"),
                    TestJson.MAPPER.getTypeFactory().constructMapType(Map.class, String.class, String.class));
            String body = response.path("body").asText();
            return new Reply(
                    response.path("statusCode").asInt(),
                    body.isEmpty() ? null : TestJson.MAPPER.readTree(body),
                    headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode withToken(ObjectNode event, String token) {
        ObjectNode headers = (ObjectNode) event.get("headers");
        if (token == null) headers.remove("authorization");
        else headers.put("authorization", "Bearer " + token);
        return event;
    }

    private static ObjectNode withId(ObjectNode event, String id, String suffix) {
        String path = "/requests/" + id + suffix;
        event.put("rawPath", path);
        ((ObjectNode) event.path("requestContext").path("http")).put("path", path);
        ((ObjectNode) event.get("pathParameters")).put("id", id);
        return event;
    }
}
