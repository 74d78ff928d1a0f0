package org.probono.clearinghouse.local.runner;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The API Gateway HTTP API (payload format 2.0) event for a request, built as API Gateway builds it:
 * header names lower-cased and repeated values joined with commas, cookies in their own list, query
 * parameters decoded (repeated ones joined with commas), path parameters from the matched route, the
 * body base64-encoded unless its content type is text, and a request context with an id and the time.
 */
final class HttpApiEvent {
    static final String API_ID = "local";
    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern(
                    "dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private HttpApiEvent() {}

    static ObjectNode of(IncomingRequest request, ApiRoutes.Match match, String host, Instant now) {
        String routeKey = match.route().routeKey();
        ObjectNode event = RunnerJson.MAPPER.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", request.rawPath());
        event.put("rawQueryString", request.rawQuery() == null ? "" : request.rawQuery());

        List<String> cookies = request.headers().getOrDefault("cookie", List.of());
        if (!cookies.isEmpty()) {
            ArrayNode list = event.putArray("cookies");
            cookies.forEach(header -> List.of(header.split(";")).forEach(c -> {
                if (!c.isBlank()) list.add(c.strip());
            }));
        }
        ObjectNode headers = event.putObject("headers");
        request.headers().forEach((name, values) -> {
            if (!name.equals("cookie")) headers.put(name, String.join(",", values));
        });

        Map<String, String> query = queryParameters(request.rawQuery());
        if (!query.isEmpty()) {
            ObjectNode parameters = event.putObject("queryStringParameters");
            query.forEach(parameters::put);
        }
        if (!match.pathParameters().isEmpty()) {
            ObjectNode parameters = event.putObject("pathParameters");
            match.pathParameters().forEach((name, value) -> parameters.put(name, decodePath(value)));
        }

        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", HostedFunction.ACCOUNT);
        context.put("apiId", API_ID);
        context.put("domainName", host);
        context.put("domainPrefix", host.contains(".") ? host.substring(0, host.indexOf('.')) : host);
        ObjectNode http = context.putObject("http");
        http.put("method", request.method());
        http.put("path", request.rawPath());
        http.put("protocol", request.protocol());
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", request.header("user-agent") == null ? "" : request.header("user-agent"));
        context.put("requestId", requestId());
        context.put("routeKey", routeKey);
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());

        if (request.body().length > 0) {
            boolean text = isText(request.header("content-type"));
            event.put(
                    "body",
                    text
                            ? new String(request.body(), StandardCharsets.UTF_8)
                            : Base64.getEncoder().encodeToString(request.body()));
            event.put("isBase64Encoded", !text);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    /** API Gateway passes these content types as text; everything else arrives base64-encoded. */
    static boolean isText(String contentType) {
        if (contentType == null) return false;
        String type = contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        return type.startsWith("text/")
                || type.equals("application/json")
                || type.endsWith("+json")
                || type.equals("application/xml")
                || type.endsWith("+xml")
                || type.equals("application/javascript")
                || type.equals("application/x-www-form-urlencoded");
    }

    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) return parameters;
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int equals = pair.indexOf('=');
            String name = decodeQuery(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decodeQuery(pair.substring(equals + 1));
            parameters.merge(name, value, (first, next) -> first + "," + next);
        }
        return parameters;
    }

    private static String decodeQuery(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /** Percent-decoding only: in a path, '+' is a plus sign. */
    private static String decodePath(String text) {
        return decodeQuery(text.replace("+", "%2B"));
    }

    /** API Gateway's request ids look like "JKJaXmPLvHcESHA=": random, base64. */
    private static String requestId() {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
