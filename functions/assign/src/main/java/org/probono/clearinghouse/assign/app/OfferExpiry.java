package org.probono.clearinghouse.assign.app;

import org.probono.clearinghouse.json.Log;
import org.probono.clearinghouse.json.Metric;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.probono.clearinghouse.crypto.TokenSealer;
import org.probono.clearinghouse.domain.AuditEvent;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Offer;
import org.probono.clearinghouse.domain.OfferStatus;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.ids.Secrets;
import org.probono.clearinghouse.matters.LawyerProfile;
import org.probono.clearinghouse.matters.Matter;
import org.probono.clearinghouse.matters.MatterEmails;
import org.probono.clearinghouse.matters.OfferChanges;
import org.probono.clearinghouse.store.AuditItems;
import org.probono.clearinghouse.store.Item;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.OfferItems;
import org.probono.clearinghouse.domain.Outcome;
import org.probono.clearinghouse.store.RequestItems;
import org.probono.clearinghouse.store.OutboxItems;
import org.probono.clearinghouse.store.RunningTotals;
import org.probono.clearinghouse.store.Store;
import org.probono.clearinghouse.store.TokenItems;
import org.probono.clearinghouse.store.Transaction;

/**
 * The schedule's work (every 15 minutes): offers past respondBy become EXPIRED, and offers half-way
 * through their window get one reminder. Both read the pending-offer index (GSI1 {@code OFFERS#PENDING},
 * eventually consistent, 0.5 read unit per 4 KB: about 15 offers) and decide each offer on a fresh,
 * strongly consistent read; each change is conditioned on the offer's version, so a run that overlaps
 * another (or runs twice) expires and reminds each offer exactly once. The same run destroys the confidential
 * details of requests that ended more than the retention period ago (GSI2 {@code DETAILS#RETAINED}).
 */
public final class OfferExpiry {
    /**
     * {@code failed}: offers (or requests) whose change threw; the next run tries them again (every step is
     * idempotent). {@code detailsDestroyed}: ended requests whose confidential details passed the retention period.
     */
    public record Run(int expired, int reminded, int failed, int detailsDestroyed) {}

    private static final String SYSTEM = "schedule";

    private final Store store;
    private final MatterEmails emails;
    private final RunningTotals totals;
    private final Secrets secrets = new Secrets();
    private final TokenSealer sealer;
    private final Duration retention;

    /** {@code retention}: how long after a request ends its confidential details are kept. */
    public OfferExpiry(Store store, MatterEmails emails, RunningTotals totals, TokenSealer sealer, Duration retention) {
        this.store = store;
        this.emails = emails;
        this.totals = totals;
        this.sealer = sealer;
        this.retention = retention;
    }

    public Run run() {
        Instant now = store.clock().instant();
        List<Offer> pending = store.index(Keys.GSI1, Keys.OFFERS_PENDING, true, 0).stream().map(OfferItems::from).toList();
        int expired = 0;
        int reminded = 0;
        int failed = 0;
        for (Offer offer : pending) {
            try {
                if (!offer.respondBy().isAfter(now)) {
                    if (expire(offer, now)) expired++;
                } else if (!offer.reminded() && !halfway(offer).isAfter(now)) {
                    if (remind(offer, now)) reminded++;
                }
            } catch (RuntimeException e) {
                // One offer that cannot be changed must not hold up every other offer's expiry.
                failed++;
                Log.error("offer expiry failed", "requestId", offer.requestId(), "lawyerId", offer.lawyerId(),
                        "error", e.getClass().getSimpleName());
            }
        }
        int destroyed = 0;
        for (Item retained : store.indexUpTo(Keys.GSI2, Keys.DETAILS_RETAINED,
                Keys.retainedDetailsSk(now.minus(retention), "~"), 0)) {
            try {
                if (destroyDetails(retained.requiredString("id"), now)) destroyed++;
            } catch (RuntimeException e) {
                failed++;
                Log.error("destroying confidential details failed", "requestId", retained.string("id"),
                        "error", e.getClass().getSimpleName());
            }
        }
        Log.metric(Metric.OFFERS_EXPIRED, expired);
        Log.metric(Metric.EXPIRY_RUNS);
        if (destroyed > 0) Log.info("confidential details destroyed after the retention period", "requests", destroyed);
        return new Run(expired, reminded, failed, destroyed);
    }

    /**
     * Retention: an ended request's sealed details go once {@code retention} has passed since it ended. Decided
     * on a fresh read and written under its version; the view, the history and the report need none of it.
     */
    private boolean destroyDetails(String requestId, Instant now) {
        Optional<Item> found = store.get(Keys.request(requestId));
        if (found.isEmpty()) return false;
        LegalRequest request = RequestItems.from(found.get());
        if (!request.hasConfidentialDetails() || request.endedAt() == null
                || request.endedAt().plus(retention).isAfter(now)) {
            return false;
        }
        AuditEvent event = new AuditEvent(Keys.requestPk(requestId), now, request.status().name(),
                "Confidential details deleted " + retention.toDays() + " days after the request ended", SYSTEM);
        Transaction transaction = new Transaction()
                .replace(RequestItems.withoutDetails(found.get()), request.version())
                .create(AuditItems.toItem(event, (int) ((request.version() + 1) % 1000)));
        return store.commit(transaction) instanceof Outcome.Committed;
    }

    static Instant halfway(Offer offer) {
        return offer.offeredAt().plus(Duration.between(offer.offeredAt(), offer.respondBy()).dividedBy(2));
    }

    private boolean expire(Offer seen, Instant now) {
        Optional<Matter> matter = Matter.load(store, seen.requestId());
        Optional<Offer> offer = matter.flatMap(m -> m.offerTo(seen.lawyerId())).filter(Offer::isPending);
        if (offer.isEmpty() || offer.get().respondBy().isAfter(now)) return false;
        Lawyer lawyer = LawyerProfile.load(store, seen.lawyerId()).orElseThrow().lawyer();
        Transaction transaction = new Transaction();
        LegalRequest written = OfferChanges.endOffer(transaction, matter.get(), offer.get(), lawyer, OfferStatus.EXPIRED,
                "no answer by " + offer.get().respondBy(), now);
        OfferChanges.audit(transaction, written, written.status() == RequestStatus.SUBMITTED
                ? "An offer lapsed; back in the queue" : "An offer lapsed", SYSTEM, now);
        transaction.create(OutboxItems.toItem(emails.adminExpired(matter.get(), lawyer, now)));
        totals.expired(transaction, written);
        return store.commit(transaction) instanceof Outcome.Committed;
    }

    /** A fresh reply token for the same offer: only hashes are stored, so the first cannot be sent again. */
    private boolean remind(Offer seen, Instant now) {
        Optional<Matter> matter = Matter.load(store, seen.requestId());
        Optional<Offer> offer = matter.flatMap(m -> m.offerTo(seen.lawyerId()))
                .filter(o -> o.isPending() && !o.reminded());
        if (offer.isEmpty()) return false;
        Lawyer lawyer = LawyerProfile.load(store, seen.lawyerId()).orElseThrow().lawyer();
        String token = secrets.newReplyToken();
        Transaction transaction = new Transaction()
                .replace(OfferItems.toItem(offer.get().markReminded()), offer.get().version())
                .create(TokenItems.toItem(Offering.replyToken(token, seen.requestId(), seen.lawyerId(),
                        offer.get().respondBy())))
                .create(OutboxItems.toItem(emails.offer(EmailTemplate.OFFER_REMINDER, matter.get(), lawyer,
                        offer.get().respondBy(), token, sealer, now)));
        return store.commit(transaction) instanceof Outcome.Committed;
    }
}
