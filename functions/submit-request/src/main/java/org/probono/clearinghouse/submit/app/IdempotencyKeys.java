package org.probono.clearinghouse.submit.app;

import java.util.Optional;
import java.util.regex.Pattern;

/** The {@code Idempotency-Key} header: optional, 1–100 characters of letters, digits and {@code _-:.}. */
public final class IdempotencyKeys {
    /** What a well-formed key is, said to the caller who sent another. */
    public static final String SHAPE_RULE = "must be 1 to 100 letters, digits or the characters _ - : .";

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_\\-:.]{1,100}");

    private IdempotencyKeys() {}

    /** What the header held; the handler answers a malformed key with a 400 naming the header. */
    public sealed interface Header {
        record Absent() implements Header {}

        record Key(String value) implements Header {}

        record Malformed() implements Header {}
    }

    public static Header check(Optional<String> header) {
        if (header.isEmpty()) return new Header.Absent();
        String key = header.get().strip();
        return SHAPE.matcher(key).matches() ? new Header.Key(key) : new Header.Malformed();
    }
}
