package org.probono.clearinghouse.domain;

public enum RequestStatus {
    SUBMITTED, OFFERED, ACCEPTED, COMPLETED, WITHDRAWN, CLOSED;

    /** Open requests are in the queue: the team can still offer them to lawyers. */
    public boolean isOpen() { return this == SUBMITTED || this == OFFERED; }

    /** Ended requests change no more; their confidential details are destroyed after the retention period. */
    public boolean isEnded() { return this == COMPLETED || this == CLOSED || this == WITHDRAWN; }
}
