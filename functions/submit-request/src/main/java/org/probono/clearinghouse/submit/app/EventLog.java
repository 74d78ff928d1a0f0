package org.probono.clearinghouse.submit.app;

import java.util.LinkedHashMap;
import java.util.Map;
import org.probono.clearinghouse.json.Json;

/**
 * One JSON line per state change, for CloudWatch. Only ids and statuses go in: never a body, a title or
 * the confidential details.
 */
final class EventLog {
    private EventLog() {}

    static void info(String message, String... keysAndValues) {
        Map<String, String> line = new LinkedHashMap<>();
        line.put("level", "INFO");
        line.put("message", message);
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) line.put(keysAndValues[i], keysAndValues[i + 1]);
        System.out.println(Json.write(line));
    }
}
