package org.probono.clearinghouse.json;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one logger: one JSON object per line ({@code level}, {@code message}, then the fields), which
 * CloudWatch Logs Insights reads as fields. Callers pass ids, statuses and error classes; never a
 * request body, a token or confidential text. INFO goes to stdout, WARN and ERROR to stderr.
 */
public final class Log {
    private Log() {}

    /** {@code fields} alternate names and values: {@code Log.info("request submitted", "requestId", id)}. */
    public static void info(String message, Object... fields) { write(System.out, "INFO", message, fields); }

    public static void warn(String message, Object... fields) { write(System.err, "WARN", message, fields); }

    public static void error(String message, Object... fields) { write(System.err, "ERROR", message, fields); }

    private static void write(PrintStream out, String level, String message, Object... fields) {
        Map<String, String> line = new LinkedHashMap<>();
        line.put("level", level);
        line.put("message", message);
        for (int i = 0; i + 1 < fields.length; i += 2) line.put(String.valueOf(fields[i]), String.valueOf(fields[i + 1]));
        out.println(Json.write(line));
    }
}
