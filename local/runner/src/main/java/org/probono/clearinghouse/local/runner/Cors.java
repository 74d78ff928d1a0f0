package org.probono.clearinghouse.local.runner;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.probono.clearinghouse.local.backend.Template;

/**
 * The HTTP API's CORS configuration from template.yaml, answered as API Gateway answers it: preflight
 * requests from an allowed origin get the allowed methods and headers, other requests from it get
 * {@code Access-Control-Allow-Origin}; any other origin gets no CORS header at all.
 */
record Cors(List<String> origins, List<String> methods, List<String> headers, int maxAgeSeconds) {
    static final Cors NONE = new Cors(List.of(), List.of(), List.of(), 0);

    /** Origins in the template that name a parameter ({@code !Ref WebOrigin}) take the parameter's value. */
    static Cors from(Template template, Map<String, String> parameters) {
        for (JsonNode api : template.resourcesOfType("AWS::Serverless::HttpApi").values()) {
            JsonNode cors = api.path("Properties").path("CorsConfiguration");
            if (cors.isMissingNode()) continue;
            List<String> origins = new ArrayList<>();
            cors.path("AllowOrigins").forEach(o -> origins.add(parameters.getOrDefault(o.asText(), o.asText())));
            return new Cors(
                    origins,
                    texts(cors.path("AllowMethods")),
                    texts(cors.path("AllowHeaders")),
                    cors.path("MaxAge").asInt(0));
        }
        return NONE;
    }

    boolean allows(String origin) {
        return origin != null && (origins.contains(origin) || origins.contains("*"));
    }

    boolean isPreflight(IncomingRequest request) {
        return request.method().equals("OPTIONS")
                && request.header("origin") != null
                && request.header("access-control-request-method") != null;
    }

    /** Headers for an answer to {@code request}: empty unless its origin is allowed. */
    Map<String, String> responseHeaders(IncomingRequest request) {
        String origin = request.header("origin");
        if (!allows(origin)) return Map.of();
        if (!isPreflight(request)) return Map.of("Access-Control-Allow-Origin", origin, "Vary", "Origin");
        return Map.of(
                "Access-Control-Allow-Origin",
                origin,
                "Vary",
                "Origin",
                "Access-Control-Allow-Methods",
                String.join(",", methods),
                "Access-Control-Allow-Headers",
                String.join(",", headers),
                "Access-Control-Max-Age",
                Integer.toString(maxAgeSeconds));
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
