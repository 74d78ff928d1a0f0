package org.probono.clearinghouse.matters;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.probono.clearinghouse.domain.AuditEvent;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Offer;
import org.probono.clearinghouse.domain.OfferStatus;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.store.AuditItems;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.LawyerItems;
import org.probono.clearinghouse.store.OfferItems;
import org.probono.clearinghouse.store.OutboxItems;
import org.probono.clearinghouse.store.RequestItems;
import org.probono.clearinghouse.store.Transaction;

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
    public static LegalRequest endOffer(Transaction transaction, Matter matter, Offer offer, Lawyer lawyer,
                                        OfferStatus status, String note, Instant at) {
        transaction.replace(OfferItems.toItem(offer.answered(status, at, note)), offer.version());
        transaction.replace(LawyerItems.toItem(lawyer.withLoadChange(-1)), lawyer.version());
        boolean othersPending = !matter.pendingOffersExcept(offer.lawyerId()).isEmpty();
        LegalRequest request = matter.request();
        return rewrite(transaction, request, othersPending ? request.status() : RequestStatus.SUBMITTED);
    }

    /**
     * Withdraws every pending offer of a request that is ending (the organisation withdrew it, the team
     * closed it): each offer WITHDRAWN with {@code reason} as its note, its lawyer's load released, and an
     * OFFER_WITHDRAWN email telling the lawyer why. Returns how many offers it withdrew.
     */
    public static int withdrawPendingOffers(Transaction transaction, Matter matter, Function<String, Lawyer> lawyers,
                                            MatterEmails emails, String reason, Instant at) {
        List<Offer> pending = matter.pendingOffers();
        for (Offer offer : pending) {
            Lawyer lawyer = lawyers.apply(offer.lawyerId());
            transaction.replace(OfferItems.toItem(offer.answered(OfferStatus.WITHDRAWN, at, reason)), offer.version());
            transaction.replace(LawyerItems.toItem(lawyer.withLoadChange(-1)), lawyer.version());
            transaction.create(OutboxItems.toItem(emails.offerWithdrawn(matter, lawyer, reason, at)));
        }
        return pending.size();
    }

    /** Ends the request (CLOSED, WITHDRAWN, COMPLETED) at {@code at}, conditioned on the version read. */
    public static LegalRequest end(Transaction transaction, LegalRequest request, RequestStatus status, Instant at) {
        LegalRequest next = request.endedAs(status, at);
        transaction.replace(RequestItems.toItem(next), request.version());
        return next;
    }

    /** Writes the request with {@code status} and the next version, conditioned on the version read. */
    public static LegalRequest rewrite(Transaction transaction, LegalRequest request, RequestStatus status) {
        LegalRequest next = request.withStatus(status);
        transaction.replace(RequestItems.toItem(next), request.version());
        return next;
    }

    /**
     * The request's audit event. Its sequence number comes from the request's new version, unique per
     * request, so two changes in the same instant never collide. {@code note} is shown to the organisation.
     */
    public static void audit(Transaction transaction, LegalRequest written, String note, String actor, Instant at) {
        AuditEvent event = new AuditEvent(Keys.requestPk(written.id()), at, written.status().name(), note, actor);
        transaction.create(AuditItems.toItem(event, (int) (written.version() % 1000)));
    }
}
