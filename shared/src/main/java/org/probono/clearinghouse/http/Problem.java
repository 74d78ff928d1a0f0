package org.probono.clearinghouse.http;

import java.util.List;
import org.probono.clearinghouse.validation.FieldError;

/**
 * An RFC 9457 problem. Thrown only while reading and checking a request (body, auth, path) so that a
 * handler can stop early; use cases return outcomes instead. {@link Http#respond} turns it into the
 * response. {@code detail} is shown to the caller: it never carries internal state or stack traces.
 */
public final class Problem extends RuntimeException {
    private static final String BASE = "https://probono-clearinghouse.org/problems/";
    private final int status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;

    public Problem(int status, String slug, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public Problem(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of());
    }

    public static Problem invalid(List<FieldError> errors) {
        return new Problem(
                400,
                "validation",
                "Invalid request",
                errors.size() == 1 ? "One field needs attention." : errors.size() + " fields need attention.",
                errors);
    }

    public static Problem badRequest(String detail) {
        return new Problem(400, "bad-request", "Bad request", detail);
    }

    public static Problem unauthorized() {
        return new Problem(
                401,
                "unauthorized",
                "Unauthorized",
                "Send the organisation token you were emailed as 'Authorization: Bearer <token>'.");
    }

    public static Problem notFound(String detail) {
        return new Problem(404, "not-found", "Not found", detail);
    }

    public static Problem conflict(String detail) {
        return new Problem(409, "conflict", "Conflict", detail);
    }

    public static Problem unprocessable(String detail) {
        return new Problem(422, "unprocessable", "Unprocessable request", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public String type() {
        return BASE + slug;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The JSON body ({@code type, title, status, detail} and, for validation, {@code errors}). */
    public Body body() {
        return new Body(type(), title, status, detail(), errors.isEmpty() ? null : errors);
    }

    public record Body(String type, String title, int status, String detail, List<FieldError> errors) {}
}
