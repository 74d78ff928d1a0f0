package org.probono.clearinghouse.submit.app;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.probono.clearinghouse.http.FieldError;
import org.probono.clearinghouse.http.Problem;

/** The {@code Idempotency-Key} header: optional, 1–100 characters of letters, digits and {@code _-:.}. */
public final class IdempotencyKeys {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_\\-:.]{1,100}");

    private IdempotencyKeys() {}

    /** The key, if one was sent; a 400 naming the header if it has the wrong shape. */
    public static Optional<String> check(Optional<String> header) {
        if (header.isEmpty()) return Optional.empty();
        String key = header.get().strip();
        if (!SHAPE.matcher(key).matches()) {
            throw Problem.invalid(List.of(new FieldError("Idempotency-Key",
                    "must be 1 to 100 letters, digits or the characters _ - : .")));
        }
        return Optional.of(key);
    }
}
