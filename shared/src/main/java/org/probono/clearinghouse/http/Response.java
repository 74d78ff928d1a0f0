package org.probono.clearinghouse.http;

import java.util.Map;

/** What a route answers: a status, a body (JSON-serialised unless it is HTML text), extra headers. */
public record Response(int status, Object body, String contentType, Map<String, String> headers) {
    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String HTML = "text/html; charset=utf-8";

    public static Response ok(Object body) {
        return new Response(200, body, JSON, Map.of());
    }

    public static Response created(Object body) {
        return new Response(201, body, JSON, Map.of());
    }

    public static Response html(int status, String html) {
        return new Response(status, html, HTML, Map.of());
    }

    public static Response problem(Problem problem) {
        return new Response(problem.status(), problem.body(), PROBLEM_JSON, Map.of());
    }

    /** The same response with one more header. */
    public Response withHeader(String name, String value) {
        var all = new java.util.LinkedHashMap<>(headers);
        all.put(name, value);
        return new Response(status, body, contentType, Map.copyOf(all));
    }
}
