package org.probono.clearinghouse.local.backend;

/** The chosen AWS backend cannot start; the message says what to install or run. */
public final class BackendUnavailable extends RuntimeException {
    public BackendUnavailable(String message) {
        super(message);
    }

    public BackendUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
