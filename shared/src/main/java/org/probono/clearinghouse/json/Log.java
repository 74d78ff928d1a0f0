package org.probono.clearinghouse.json;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.probono.clearinghouse.config.Config;

/**
 * The one logger: one JSON object per line ({@code level}, {@code message}, the ids of the invocation
 * being served, then the fields), which CloudWatch Logs Insights reads as fields. Callers pass ids,
 * statuses and error classes; never a request body, an email address, a name, a phone number, a token or
 * confidential text. INFO goes to stdout, WARN and ERROR to stderr. Metrics are lines too, in CloudWatch's
 * embedded metric format.
 */
public final class Log {
    /** The namespace when {@link Config#METRICS_NAMESPACE} is not set (tests, the local runner). */
    public static final String DEFAULT_NAMESPACE = "Clearinghouse";

    /** Per thread: the local runner serves the four functions in one JVM, on several threads at once. */
    private static final ThreadLocal<RequestIds> CURRENT = new ThreadLocal<>();

    private static final Set<String> STARTED = ConcurrentHashMap.newKeySet();

    private Log() {}

    /** The ids that let one request be followed: Lambda's, and API Gateway's for HTTP API events. */
    private record RequestIds(String function, String awsRequestId, String apiRequestId) {}

    /** Ends a {@link #scope}; closing never throws. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Puts the invocation's ids on every line this thread writes until the scope is closed. The first scope
     * of a function in this container also counts a cold start. Nulls are left out of the lines.
     */
    public static Scope scope(String function, String awsRequestId, String apiRequestId) {
        RequestIds previous = CURRENT.get();
        CURRENT.set(new RequestIds(function, awsRequestId, apiRequestId));
        if (function != null && STARTED.add(function)) {
            write(System.out, "INFO", "cold start", emf(Metric.COLD_START, 1, "Function", function));
        }
        return () -> {
            if (previous == null) CURRENT.remove();
            else CURRENT.set(previous);
        };
    }

    /** A SnapStart restore is a new container: each function's next invocation is a cold start again. */
    public static void forgetStarts() {
        STARTED.clear();
    }

    /** {@code fields} alternate names and values: {@code Log.info("request submitted", "requestId", id)}. */
    public static void info(String message, Object... fields) {
        write(System.out, "INFO", message, pairs(fields));
    }

    public static void warn(String message, Object... fields) {
        write(System.err, "WARN", message, pairs(fields));
    }

    public static void error(String message, Object... fields) {
        write(System.err, "ERROR", message, pairs(fields));
    }

    /** Counts one occurrence of a business event. */
    public static void metric(Metric metric) {
        metric(metric, 1);
    }

    /** Counts {@code count} occurrences; zero writes nothing (a run that changed nothing is no data point). */
    public static void metric(Metric metric, int count) {
        if (count > 0) write(System.out, "INFO", "metric " + metric.cloudWatchName(), emf(metric, count, null, null));
    }

    private static Map<String, Object> pairs(Object... fields) {
        Map<String, Object> pairs = new LinkedHashMap<>();
        for (int i = 0; i + 1 < fields.length; i += 2)
            pairs.put(String.valueOf(fields[i]), String.valueOf(fields[i + 1]));
        return pairs;
    }

    /** The embedded metric format members: the {@code _aws} directive, the value, the dimension if any. */
    private static Map<String, Object> emf(Metric metric, int count, String dimension, String dimensionValue) {
        String namespace = Config.setting(Config.METRICS_NAMESPACE);
        Map<String, Object> directive = new LinkedHashMap<>();
        directive.put("Namespace", namespace == null || namespace.isBlank() ? DEFAULT_NAMESPACE : namespace);
        directive.put("Dimensions", List.of(dimension == null ? List.of() : List.of(dimension)));
        directive.put("Metrics", List.of(Map.of("Name", metric.cloudWatchName(), "Unit", "Count")));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("_aws", Map.of("Timestamp", System.currentTimeMillis(), "CloudWatchMetrics", List.of(directive)));
        if (dimension != null) fields.put(dimension, dimensionValue);
        fields.put(metric.cloudWatchName(), count);
        return fields;
    }

    private static void write(PrintStream out, String level, String message, Map<String, Object> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", level);
        line.put("message", message);
        RequestIds ids = CURRENT.get();
        if (ids != null) {
            if (ids.function() != null) line.put("function", ids.function());
            if (ids.awsRequestId() != null) line.put("awsRequestId", ids.awsRequestId());
            if (ids.apiRequestId() != null) line.put("apiRequestId", ids.apiRequestId());
        }
        line.putAll(fields);
        out.println(Json.write(line));
    }
}
