package org.probono.clearinghouse.desk;

/** What desk's exit status tells a script (docs/desk.md lists them). */
enum ExitCode {
    /** The command did what it says. */
    OK(0),
    /** The function refused the command (a 400: a missing or bad field). */
    REFUSED(1),
    /** The command line itself is wrong: an unknown command or option, a missing argument, an ambiguous short id. */
    USAGE(2),
    /** No such request, registration, lawyer or email (a 404, or a short id that matches nothing). */
    NOT_FOUND(3),
    /** The state does not allow it (a 409: not open, already decided, changed meanwhile). */
    CONFLICT(4),
    /** desk could not reach its target: no local runner, no such stack, no credentials or region, no network. */
    UNREACHABLE(5),
    /** The function failed (an unhandled error, a 5xx) or answered something desk cannot read. */
    FAILED(6);

    final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** The exit code for a function's error object of this HTTP-like status. */
    static ExitCode forStatus(int status) {
        return switch (status) {
            case 404 -> NOT_FOUND;
            case 409 -> CONFLICT;
            default -> status >= 400 && status < 500 ? REFUSED : FAILED;
        };
    }
}
