package org.probono.clearinghouse.local.runner;

/** The runner cannot start; the message is one sentence a person can act on (printed without a stack trace). */
public final class StartFailure extends RuntimeException {
    public StartFailure(String message) {
        super(message);
    }

    public StartFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
