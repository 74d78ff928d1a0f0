package org.probono.clearinghouse.domain;

/** Where an organisation's or lawyer's registration stands. */
public enum ProfileStatus {
    PENDING_VERIFICATION,
    PENDING_REVIEW,
    APPROVED,
    REJECTED,
    /** The person's data was erased at their request (erase-subject): a tombstone, holding no address. */
    ERASED;
}
