package org.probono.clearinghouse.domain;

/** Where an offer stands: PENDING until it is answered, withdrawn or lapses; every other status is final. */
public enum OfferStatus {
    PENDING,
    ACCEPTED,
    DECLINED,
    WITHDRAWN,
    EXPIRED;

    /** A lawyer who declined or let an offer lapse is not offered the same request again. */
    public boolean excludesReoffer() {
        return this == DECLINED || this == EXPIRED;
    }

    /** Only a pending offer moves, and only to an end (a withdrawn offer is made again as a new PENDING offer). */
    public boolean canMoveTo(OfferStatus target) {
        return this == PENDING && target != PENDING;
    }
}
