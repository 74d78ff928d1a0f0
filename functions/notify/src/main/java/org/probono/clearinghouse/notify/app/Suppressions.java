package org.probono.clearinghouse.notify.app;

import java.time.Instant;
import java.util.Locale;

/** Addresses that bounced for good or complained: never mailed again. */
public interface Suppressions {
    boolean isSuppressed(String email);

    /** Adds the address (again: a later bounce just refreshes the entry). */
    void suppress(String email, String reason, Instant at);

    /** The form addresses are kept in: trimmed, lower case. */
    static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
