package org.probono.clearinghouse.events;

import java.util.Map;

/**
 * A bad admin command's answer, returned (not thrown) so the invocation succeeds and the admin reads
 * {@code {"error":{"status","title","detail"}}} instead of a stack trace.
 */
public record AdminError(int status, String title, String detail) {
    public Map<String, AdminError> toResult() {
        return Map.of("error", this);
    }

    public static Map<String, AdminError> notFound(String detail) {
        return new AdminError(404, "Not found", detail).toResult();
    }

    public static Map<String, AdminError> conflict(String detail) {
        return new AdminError(409, "Conflict", detail).toResult();
    }
}
