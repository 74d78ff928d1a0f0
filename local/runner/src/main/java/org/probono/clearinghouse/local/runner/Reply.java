package org.probono.clearinghouse.local.runner;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.probono.clearinghouse.http.Http;
import org.probono.clearinghouse.http.Problem;
import org.probono.clearinghouse.http.Response;

/** An HTTP answer of the runner: status, headers, bytes. Built from a function's API Gateway response. */
record Reply(int status, Map<String, List<String>> headers, byte[] body) {

    static Reply of(int status, String contentType, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of(contentType));
        headers.put("Cache-Control", List.of("no-store"));
        return new Reply(status, headers, body);
    }

    static Reply json(int status, Object value) {
        return of(status, "application/json", RunnerJson.bytes(value));
    }

    /** A problem response through the same helper the functions use. */
    static Reply problem(int status, String slug, String title, String detail) {
        APIGatewayV2HTTPResponse response =
                Http.toApiGateway(Response.problem(new Problem(status, slug, title, detail)));
        return fromApiGateway(RunnerJson.MAPPER.valueToTree(Map.of(
                "statusCode", response.getStatusCode(), "headers", response.getHeaders(), "body", response.getBody())));
    }

    /**
     * The function's output as API Gateway (payload 2.0) turns it into HTTP: a response object with a
     * {@code statusCode}, or any other JSON value, which becomes a 200 with that JSON as the body.
     */
    static Reply fromFunctionOutput(byte[] output) {
        JsonNode result;
        try {
            result = RunnerJson.MAPPER.readTree(output);
        } catch (IOException e) {
            return problem(502, "bad-gateway", "Bad gateway", "The function's answer was not JSON.");
        }
        if (result == null || !result.isObject() || !result.has("statusCode")) {
            return of(200, "application/json", output);
        }
        return fromApiGateway(result);
    }

    private static Reply fromApiGateway(JsonNode response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.path("headers")
                .properties()
                .forEach(h -> headers.put(h.getKey(), List.of(h.getValue().asText())));
        response.path("multiValueHeaders").properties().forEach(h -> {
            List<String> values = new java.util.ArrayList<>();
            h.getValue().forEach(v -> values.add(v.asText()));
            headers.put(h.getKey(), values);
        });
        List<String> cookies = new java.util.ArrayList<>();
        response.path("cookies").forEach(c -> cookies.add(c.asText()));
        if (!cookies.isEmpty()) headers.put("Set-Cookie", cookies);
        JsonNode body = response.path("body");
        byte[] bytes;
        if (body.isMissingNode() || body.isNull()) bytes = new byte[0];
        else if (response.path("isBase64Encoded").asBoolean(false))
            bytes = Base64.getDecoder().decode(body.asText());
        else bytes = body.asText().getBytes(StandardCharsets.UTF_8);
        return new Reply(response.path("statusCode").asInt(200), headers, bytes);
    }

    Reply withHeaders(Map<String, String> extra) {
        if (extra.isEmpty()) return this;
        Map<String, List<String>> all = new LinkedHashMap<>(headers);
        extra.forEach((name, value) -> all.put(name, List.of(value)));
        return new Reply(status, all, body);
    }

    void send(HttpExchange exchange) throws IOException {
        headers.forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
        boolean noBody = body.length == 0
                || status == 204
                || status == 304
                || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }
}
