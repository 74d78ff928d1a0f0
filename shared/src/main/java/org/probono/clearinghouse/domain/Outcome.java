package org.probono.clearinghouse.domain;

/** The result of committing a state change: all of it was written, or none of it. */
public sealed interface Outcome {
    record Committed() implements Outcome {}

    /** Nothing was written. {@code label} names the action whose condition failed (for logs and tests). */
    record Rejected(Failure failure, String label) implements Outcome {}

    default boolean committed() {
        return this instanceof Committed;
    }
}
