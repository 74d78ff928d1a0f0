package org.probono.clearinghouse.domain;

/** Where an organisation's or lawyer's registration stands. */
public enum ProfileStatus {
    PENDING_VERIFICATION, PENDING_REVIEW, APPROVED, REJECTED;

    /** Whether the registration still holds its email address (a rejection frees it). */
    public boolean holdsEmail() { return this != REJECTED; }
}
