package org.probono.clearinghouse.assign.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.probono.clearinghouse.crypto.TokenSealer;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Offer;
import org.probono.clearinghouse.domain.OfferStatus;
import org.probono.clearinghouse.domain.Outcome;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.ids.Secrets;
import org.probono.clearinghouse.impact.Tally;
import org.probono.clearinghouse.json.Log;
import org.probono.clearinghouse.json.Metric;
import org.probono.clearinghouse.matters.Lawyers;
import org.probono.clearinghouse.matters.Matter;
import org.probono.clearinghouse.matters.MatterChange;
import org.probono.clearinghouse.matters.MatterEmails;
import org.probono.clearinghouse.matters.Matters;
import org.probono.clearinghouse.matters.OfferChanges;
import org.probono.clearinghouse.matters.Offers;

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

    private final Matters matters;
    private final Lawyers lawyers;
    private final Offers offers;
    private final MatterEmails emails;
    private final Secrets secrets = new Secrets();
    private final TokenSealer sealer;
    private final Duration retention;
    private final Clock clock;

    /** {@code retention}: how long after a request ends its confidential details are kept. */
    public OfferExpiry(
            Matters matters,
            Lawyers lawyers,
            Offers offers,
            MatterEmails emails,
            TokenSealer sealer,
            Duration retention,
            Clock clock) {
        this.matters = matters;
        this.lawyers = lawyers;
        this.offers = offers;
        this.emails = emails;
        this.sealer = sealer;
        this.retention = retention;
        this.clock = clock;
    }

    public Run run() {
        Instant now = clock.instant();
        List<Offer> pending = offers.pending();
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
                Log.error(
                        "offer expiry failed",
                        "requestId",
                        offer.requestId(),
                        "lawyerId",
                        offer.lawyerId(),
                        "error",
                        e.getClass().getSimpleName());
            }
        }
        int destroyed = 0;
        for (String requestId : matters.detailsRetainedUntil(now.minus(retention))) {
            try {
                if (destroyDetails(requestId, now)) destroyed++;
            } catch (RuntimeException e) {
                failed++;
                Log.error(
                        "destroying confidential details failed",
                        "requestId",
                        requestId,
                        "error",
                        e.getClass().getSimpleName());
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
        Optional<LegalRequest> found = matters.request(requestId);
        if (found.isEmpty()) return false;
        LegalRequest request = found.get();
        if (!request.hasConfidentialDetails()
                || request.endedAt() == null
                || request.endedAt().plus(retention).isAfter(now)) {
            return false;
        }
        LegalRequest destroyed = request.withoutDetails();
        MatterChange change = MatterChange.builder()
                .request(request, destroyed)
                .audit(
                        destroyed,
                        "Confidential details deleted " + retention.toDays() + " days after the request ended",
                        SYSTEM,
                        now)
                .build();
        return matters.commit(change) instanceof Outcome.Committed;
    }

    static Instant halfway(Offer offer) {
        return offer.offeredAt()
                .plus(Duration.between(offer.offeredAt(), offer.respondBy()).dividedBy(2));
    }

    private boolean expire(Offer seen, Instant now) {
        Optional<Matter> matter = matters.matter(seen.requestId());
        Optional<Offer> offer = matter.flatMap(m -> m.offerTo(seen.lawyerId())).filter(Offer::isPending);
        if (offer.isEmpty() || offer.get().respondBy().isAfter(now)) return false;
        Lawyer lawyer = lawyers.lawyer(seen.lawyerId()).orElseThrow();
        MatterChange.Builder change = MatterChange.builder();
        LegalRequest written = OfferChanges.endOffer(
                change,
                matter.get(),
                offer.get(),
                lawyer,
                OfferStatus.EXPIRED,
                "no answer by " + offer.get().respondBy(),
                now);
        change.audit(
                written,
                written.status() == RequestStatus.SUBMITTED ? "An offer lapsed; back in the queue" : "An offer lapsed",
                SYSTEM,
                now);
        change.email(emails.adminExpired(matter.get(), lawyer, now));
        change.count(new Tally.Expired(written));
        return matters.commit(change.build()) instanceof Outcome.Committed;
    }

    /** A fresh reply token for the same offer: only hashes are stored, so the first cannot be sent again. */
    private boolean remind(Offer seen, Instant now) {
        Optional<Matter> matter = matters.matter(seen.requestId());
        Optional<Offer> offer =
                matter.flatMap(m -> m.offerTo(seen.lawyerId())).filter(o -> o.isPending() && !o.reminded());
        if (offer.isEmpty()) return false;
        Lawyer lawyer = lawyers.lawyer(seen.lawyerId()).orElseThrow();
        String token = secrets.newReplyToken();
        MatterChange change = MatterChange.builder()
                .offer(offer.get(), offer.get().markReminded())
                .token(Offering.replyToken(
                        token, seen.requestId(), seen.lawyerId(), offer.get().respondBy()))
                .email(emails.offer(
                        EmailTemplate.OFFER_REMINDER,
                        matter.get(),
                        lawyer,
                        offer.get().respondBy(),
                        token,
                        sealer,
                        now))
                .build();
        return matters.commit(change) instanceof Outcome.Committed;
    }
}
