package org.probono.clearinghouse.domain;

/** Why a transaction's condition failed, in the terms a use case decides on. */
public enum Failure {
    /** The item to create is already there (a duplicate email, a replayed id). */
    ALREADY_EXISTS,
    /** The item to change is not there. */
    NOT_FOUND,
    /** The item is there but in another state than the change expects. */
    WRONG_STATE,
    /** Someone else changed the item first (version mismatch or a transaction in flight). */
    CHANGED_CONCURRENTLY
}
