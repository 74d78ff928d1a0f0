package org.probono.clearinghouse.matters;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Offer;
import org.probono.clearinghouse.domain.OfferStatus;
import org.probono.clearinghouse.domain.RequestStatus;

/**
 * The writes every change of an offer shares. Each such change also rewrites the request under its
 * version, even when its status stays: changes to one request's offers are thereby serialised, so two
 * lawyers declining at once cannot both leave the request OFFERED with nothing pending.
 */
public final class OfferChanges {
    private OfferChanges() {}

    /**
     * Ends a pending offer (declined, expired, withdrawn): the offer's new status, the lawyer's load
     * released, the request back in the queue (SUBMITTED) when no other offer is pending.
     * Returns the request as written.
     */
    public static LegalRequest endOffer(
            MatterChange.Builder change,
            Matter matter,
            Offer offer,
            Lawyer lawyer,
            OfferStatus status,
            String note,
            Instant at) {
        change.offer(offer, offer.answered(status, at, note));
        change.lawyer(lawyer, lawyer.withLoadChange(-1));
        LegalRequest request = matter.request();
        LegalRequest written =
                request.offerEnded(!matter.pendingOffersExcept(offer.lawyerId()).isEmpty());
        change.request(request, written);
        return written;
    }

    /**
     * Withdraws every pending offer of a request that is ending (the organisation withdrew it, the team
     * closed it): each offer WITHDRAWN with {@code reason} as its note, its lawyer's load released, and an
     * OFFER_WITHDRAWN email telling the lawyer why. Returns how many offers it withdrew.
     */
    public static int withdrawPendingOffers(
            MatterChange.Builder change,
            Matter matter,
            Function<String, Lawyer> lawyers,
            MatterEmails emails,
            String reason,
            Instant at) {
        List<Offer> pending = matter.pendingOffers();
        for (Offer offer : pending) {
            Lawyer lawyer = lawyers.apply(offer.lawyerId());
            change.offer(offer, offer.answered(OfferStatus.WITHDRAWN, at, reason));
            change.lawyer(lawyer, lawyer.withLoadChange(-1));
            change.email(emails.offerWithdrawn(matter, lawyer, reason, at));
        }
        return pending.size();
    }

    /** Ends the request (CLOSED, WITHDRAWN) at {@code at}, conditioned on the version read. */
    public static LegalRequest end(
            MatterChange.Builder change, LegalRequest request, RequestStatus status, Instant at) {
        LegalRequest next = request.endedAs(status, at);
        change.request(request, next);
        return next;
    }
}
