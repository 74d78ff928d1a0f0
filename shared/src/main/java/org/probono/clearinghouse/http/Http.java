package org.probono.clearinghouse.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.probono.clearinghouse.ids.Secrets;
import org.probono.clearinghouse.json.Json;
import org.probono.clearinghouse.json.JsonInputException;
import org.probono.clearinghouse.json.Log;
import org.probono.clearinghouse.validation.FieldError;
import org.probono.clearinghouse.validation.InvalidInput;

/**
 * The one way an HTTP API handler reads a request and answers it. Routes are the API Gateway route keys
 * of template.yaml ({@code "POST /requests"}); the local runner fills {@code routeKey} the same way.
 */
public final class Http {
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private Http() {}

    /**
     * Routes the event and turns the answer, or a {@link Problem} or {@link InvalidInput} thrown while
     * reading it, into the API Gateway response. Anything else is a 500 with no detail; the cause goes to the log by class and
     * message only (bodies, which may hold confidential details, are never logged).
     */
    public static APIGatewayV2HTTPResponse respond(APIGatewayV2HTTPEvent event, Function<String, Response> router) {
        Response response;
        try {
            response = router.apply(event.getRouteKey());
        } catch (Problem problem) {
            response = Response.problem(problem);
        } catch (InvalidInput invalid) {
            response = Response.problem(Problem.invalid(invalid.errors()));
        } catch (RuntimeException e) {
            Log.error(
                    "unhandled error",
                    "route",
                    event.getRouteKey(),
                    "error",
                    e.getClass().getName());
            response = Response.problem(new Problem(
                    500,
                    "internal",
                    "Internal error",
                    "Something went wrong on our side. Please try again in a moment."));
        }
        return toApiGateway(response);
    }

    public static APIGatewayV2HTTPResponse toApiGateway(Response response) {
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        headers.put("Content-Type", response.contentType());
        headers.putIfAbsent("Cache-Control", "no-store");
        String body = response.body() instanceof String text
                        && !response.contentType().contains("json")
                ? text
                : Json.write(response.body());
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }

    public static Response notFound() {
        return Response.problem(Problem.notFound("No such route."));
    }

    /** The JSON body as {@code type}: 415 unless JSON, 413 over 64 KiB, 400 for bad JSON or unknown fields. */
    public static <T> T body(APIGatewayV2HTTPEvent event, Class<T> type) {
        String contentType = header(event, "content-type").orElse("").toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("application/json") && !contentType.matches("application/[a-z.+-]*\\+json.*")) {
            throw new Problem(
                    415,
                    "unsupported-media-type",
                    "Unsupported media type",
                    "Send the body as JSON with 'Content-Type: application/json'.");
        }
        byte[] bytes = rawBody(event);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new Problem(413, "too-large", "Body too large", "The body may be at most 64 KiB.");
        }
        if (bytes.length == 0) throw Problem.badRequest("A JSON body is required.");
        try {
            T value = Json.read(bytes, type);
            if (value == null) throw Problem.badRequest("A JSON object is required.");
            return value;
        } catch (JsonInputException.UnknownField e) {
            throw Problem.invalid(List.of(new FieldError(e.field(), "is not a known field")));
        } catch (JsonInputException.WrongType e) {
            throw Problem.invalid(List.of(new FieldError(e.field(), e.expected())));
        } catch (JsonInputException.NotAnObject e) {
            throw Problem.badRequest("The body must be a JSON object.");
        } catch (JsonInputException.NotJson e) {
            throw Problem.badRequest("The body is not valid JSON.");
        }
    }

    private static byte[] rawBody(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body == null) return new byte[0];
        if (event.getIsBase64Encoded()) {
            try {
                return Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw Problem.badRequest("The body is not valid base64.");
            }
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** A header, case-insensitively (API Gateway lower-cases them; tests and callers may not). */
    public static Optional<String> header(APIGatewayV2HTTPEvent event, String name) {
        if (event.getHeaders() == null) return Optional.empty();
        for (Map.Entry<String, String> header : event.getHeaders().entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) return Optional.ofNullable(header.getValue());
        }
        return Optional.empty();
    }

    public static Optional<String> query(APIGatewayV2HTTPEvent event, String name) {
        return event.getQueryStringParameters() == null
                ? Optional.empty()
                : Optional.ofNullable(event.getQueryStringParameters().get(name));
    }

    public static String pathParam(APIGatewayV2HTTPEvent event, String name) {
        String value = event.getPathParameters() == null
                ? null
                : event.getPathParameters().get(name);
        if (value == null || value.isBlank()) throw Problem.notFound("No such " + name + ".");
        return value;
    }

    /** The bearer token of {@code Authorization}, if it has a token's shape; otherwise 401. */
    public static String bearerToken(APIGatewayV2HTTPEvent event) {
        String authorization = header(event, "authorization").orElse("").strip();
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) throw Problem.unauthorized();
        String token = authorization.substring(7).strip();
        if (!Secrets.looksLikeToken(token)) throw Problem.unauthorized();
        return token;
    }

    /** Whether the caller asked for JSON rather than a page ({@code Accept: application/json}). */
    public static boolean wantsJson(APIGatewayV2HTTPEvent event) {
        return header(event, "accept")
                .map(a -> a.toLowerCase(Locale.ROOT).contains("application/json"))
                .orElse(false);
    }
}
