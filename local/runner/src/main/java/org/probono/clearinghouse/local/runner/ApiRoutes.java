package org.probono.clearinghouse.local.runner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.probono.clearinghouse.local.backend.Template;

/**
 * The HTTP API's routes from template.yaml, matched as API Gateway matches them: a literal segment beats a
 * {@code {param}}, a greedy {@code {param+}} takes the rest of the path.
 */
final class ApiRoutes {
    record Match(Template.Route route, Map<String, String> pathParameters) {}

    private final List<Template.Route> routes;

    ApiRoutes(List<Template.Route> routes) {
        this.routes = List.copyOf(routes);
    }

    List<Template.Route> all() {
        return routes;
    }

    Optional<Match> match(String method, String path) {
        Match best = null;
        int bestScore = -1;
        for (Template.Route route : routes) {
            if (!route.method().equals(method) && !route.method().equals("ANY")) continue;
            Map<String, String> parameters = new LinkedHashMap<>();
            int score = score(route.path(), path, parameters);
            if (score > bestScore) {
                best = new Match(route, parameters);
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /** How well {@code template} matches {@code path} (literal segments count double), or -1. */
    private static int score(String template, String path, Map<String, String> parameters) {
        String[] expected = segments(template);
        String[] actual = segments(path);
        int score = 0;
        for (int i = 0; i < expected.length; i++) {
            String segment = expected[i];
            if (segment.startsWith("{") && segment.endsWith("+}")) {
                if (i >= actual.length) return -1;
                parameters.put(
                        segment.substring(1, segment.length() - 2),
                        String.join("/", List.of(actual).subList(i, actual.length)));
                return score;
            }
            if (i >= actual.length) return -1;
            if (segment.startsWith("{") && segment.endsWith("}")) {
                if (actual[i].isEmpty()) return -1;
                parameters.put(segment.substring(1, segment.length() - 1), actual[i]);
                score += 1;
            } else if (segment.equals(actual[i])) {
                score += 2;
            } else {
                return -1;
            }
        }
        return expected.length == actual.length ? score : -1;
    }

    private static String[] segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }
}
