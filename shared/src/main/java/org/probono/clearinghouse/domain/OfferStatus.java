package org.probono.clearinghouse.domain;

public enum OfferStatus {
    PENDING, ACCEPTED, DECLINED, WITHDRAWN, EXPIRED;

    /** A lawyer who declined or let an offer lapse is not offered the same request again. */
    public boolean excludesReoffer() { return this == DECLINED || this == EXPIRED; }
}
