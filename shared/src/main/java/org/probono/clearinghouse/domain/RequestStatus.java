package org.probono.clearinghouse.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a request stands, and the one table of the moves between statuses ({@link #canMoveTo}): a request is
 * offered while open, goes back to the queue when its last pending offer ends, is accepted from OFFERED,
 * completed from ACCEPTED, and closed or withdrawn while open. Ended requests move no more.
 */
public enum RequestStatus {
    SUBMITTED,
    OFFERED,
    ACCEPTED,
    COMPLETED,
    WITHDRAWN,
    CLOSED;

    /** Open requests are in the queue: the team can still offer them to lawyers. */
    public boolean isOpen() {
        return this == SUBMITTED || this == OFFERED;
    }

    /** Ended requests change no more; their confidential details are destroyed after the retention period. */
    public boolean isEnded() {
        return this == COMPLETED || this == CLOSED || this == WITHDRAWN;
    }

    /** The statuses a request in this one may move to (OFFERED to OFFERED: more offers, or one ended of several). */
    public Set<RequestStatus> next() {
        return switch (this) {
            case SUBMITTED -> EnumSet.of(OFFERED, WITHDRAWN, CLOSED);
            case OFFERED -> EnumSet.of(OFFERED, SUBMITTED, ACCEPTED, WITHDRAWN, CLOSED);
            case ACCEPTED -> EnumSet.of(COMPLETED);
            case COMPLETED, WITHDRAWN, CLOSED -> EnumSet.noneOf(RequestStatus.class);
        };
    }

    public boolean canMoveTo(RequestStatus target) {
        return next().contains(target);
    }

    /** {@code target}, or an IllegalStateException naming both when the table does not allow the move. */
    public RequestStatus moveTo(RequestStatus target) {
        if (!canMoveTo(target)) throw new IllegalStateException("a request cannot move from " + this + " to " + target);
        return target;
    }
}
