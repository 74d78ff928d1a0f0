package org.probono.clearinghouse.events;

/**
 * An admin command that cannot be read: an unknown command, an unknown field, a field of the wrong type, a
 * missing or bad value. Thrown only while reading a command ({@link AdminCommand}, or a handler checking a
 * rule over several fields, such as a report's period); {@link Invocation} answers it with a 400 error
 * object, so the invocation succeeds and nothing is written.
 */
public final class BadCommand extends RuntimeException {
    public BadCommand(String detail) {
        super(detail, null, false, false);
    }

    public AdminError answer() {
        return new AdminError(400, "Bad command", getMessage());
    }
}
