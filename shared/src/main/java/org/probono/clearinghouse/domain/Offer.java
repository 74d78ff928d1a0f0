package org.probono.clearinghouse.domain;

import java.time.Instant;

/**
 * A request offered to one lawyer. {@code replyTokenHash} identifies the offer's reply address
 * ({@code reply+<token>@...}); only the hash is stored. {@code reminded} records that the half-way
 * reminder went out, so it goes out once.
 */
public record Offer(
        String requestId,
        String lawyerId,
        OfferStatus status,
        Instant offeredAt,
        Instant respondBy,
        String replyTokenHash,
        Instant answeredAt,
        String note,
        boolean reminded,
        long version) {

    public boolean isPending() {
        return status == OfferStatus.PENDING;
    }

    /**
     * The offer ended (accepted, declined, withdrawn, expired) at {@code at} with {@code why} as its note: only a
     * pending offer can be answered; anything else throws IllegalStateException naming both statuses.
     */
    public Offer answered(OfferStatus newStatus, Instant at, String why) {
        if (!status.canMoveTo(newStatus)) {
            throw new IllegalStateException("an offer cannot move from " + status + " to " + newStatus);
        }
        return new Offer(
                requestId, lawyerId, newStatus, offeredAt, respondBy, replyTokenHash, at, why, reminded, version + 1);
    }

    /** The half-way reminder went out: only a pending offer is reminded. */
    public Offer markReminded() {
        if (!isPending()) throw new IllegalStateException("a " + status + " offer is not reminded");
        return new Offer(
                requestId, lawyerId, status, offeredAt, respondBy, replyTokenHash, answeredAt, note, true, version + 1);
    }
}
