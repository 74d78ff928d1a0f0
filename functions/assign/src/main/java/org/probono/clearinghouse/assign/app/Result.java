package org.probono.clearinghouse.assign.app;

/** What an admin command did: its result, or why it was refused (nothing written then). */
public sealed interface Result {
    record Done(Object body) implements Result {}

    record Refused(int status, String title, String detail) implements Result {}

    static Result done(Object body) {
        return new Done(body);
    }

    static Result notFound(String detail) {
        return new Refused(404, "Not found", detail);
    }

    static Result conflict(String detail) {
        return new Refused(409, "Conflict", detail);
    }
}
