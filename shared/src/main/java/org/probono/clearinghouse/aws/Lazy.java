package org.probono.clearinghouse.aws;

import java.util.function.Supplier;

/**
 * A value built on first use, then kept: the clients and templates only some of a function's paths need,
 * so a cold start pays only for its own path (an SNS bounce never builds the SES client or compiles a
 * template). Safe if two threads ask at once: both get the one value.
 */
public final class Lazy<T> implements Supplier<T> {
    private final Supplier<? extends T> build;
    private volatile T value;

    private Lazy(Supplier<? extends T> build) {
        this.build = build;
    }

    public static <T> Lazy<T> of(Supplier<? extends T> build) {
        return new Lazy<>(build);
    }

    @Override
    public T get() {
        T built = value;
        if (built == null) {
            synchronized (this) {
                built = value;
                if (built == null) value = built = build.get();
            }
        }
        return built;
    }

    /** Whether the value was built: for tests that check a path left what it does not need alone. */
    public boolean isBuilt() {
        return value != null;
    }
}
