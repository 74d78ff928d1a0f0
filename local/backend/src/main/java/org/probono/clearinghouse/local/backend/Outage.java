package org.probono.clearinghouse.local.backend;

import java.util.function.Consumer;

/**
 * Makes a background part of the local system loud when it stops: one line naming what stopped and why
 * when it first fails (or fails for a new reason), one line when it works again; nothing while it keeps
 * working, and no repeat of the same failure on every poll.
 */
public final class Outage {
    private final String what;
    private final Consumer<String> say;
    private String reason;

    public Outage(String what, Consumer<String> say) {
        this.what = what;
        this.say = say;
    }

    /** Standard error, where the runner's own messages go. */
    public static Outage onStandardError(String what) {
        return new Outage(what, System.err::println);
    }

    public synchronized void failed(String why) {
        if (why.equals(reason)) return;
        reason = why;
        say.accept(what + " stopped: " + why + " (retrying on the next poll)");
    }

    public synchronized void worked() {
        if (reason == null) return;
        reason = null;
        say.accept(what + " is working again.");
    }

    public synchronized boolean failing() {
        return reason != null;
    }

    /** One line for an exception: its type and message, without a stack trace. */
    public static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName()
                + (message == null || message.isBlank()
                        ? ""
                        : ": " + message.lines().findFirst().orElse(""));
    }
}
