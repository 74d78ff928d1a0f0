package org.probono.clearinghouse.assign.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.probono.clearinghouse.crypto.TokenSealer;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Offer;
import org.probono.clearinghouse.domain.OfferStatus;
import org.probono.clearinghouse.domain.Outcome;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.domain.Token;
import org.probono.clearinghouse.ids.Secrets;
import org.probono.clearinghouse.impact.Tally;
import org.probono.clearinghouse.json.Log;
import org.probono.clearinghouse.json.Metric;
import org.probono.clearinghouse.matters.LawyerProfile;
import org.probono.clearinghouse.matters.Lawyers;
import org.probono.clearinghouse.matters.Matter;
import org.probono.clearinghouse.matters.MatterChange;
import org.probono.clearinghouse.matters.MatterEmails;
import org.probono.clearinghouse.matters.Matters;
import org.probono.clearinghouse.matters.Ranking;

/**
 * Offers an open request to 1 to 3 lawyers in one transaction: the request OFFERED (conditioned on the
 * version read, so of two admins assigning at once exactly one wins; the other gets a 409 and re-runs
 * {@code queue}), per lawyer the offer, its reply token, the lawyer's load +1, their statistics and the
 * offer email, and the audit event.
 */
public final class Offering {
    public static final int DEFAULT_HOURS = 24;
    /** Replies after respondBy still find their offer, to be told politely that it lapsed. */
    static final Duration LATE_REPLY_GRACE = Duration.ofDays(7);
    /** Never less than this to answer, even when the request's deadline is closer. */
    static final Duration SHORTEST_WINDOW = Duration.ofHours(1);

    public record Offered(String requestId, String status, List<OfferedTo> offers) {}

    public record OfferedTo(String lawyerId, Instant respondBy) {}

    private final Matters matters;
    private final Lawyers lawyers;
    private final MatterEmails emails;
    private final Secrets secrets = new Secrets();
    private final TokenSealer sealer;
    private final Clock clock;

    public Offering(Matters matters, Lawyers lawyers, MatterEmails emails, TokenSealer sealer, Clock clock) {
        this.matters = matters;
        this.lawyers = lawyers;
        this.emails = emails;
        this.sealer = sealer;
        this.clock = clock;
    }

    public Result assign(String requestId, List<String> lawyerIds, String assignedBy, int respondWithinHours) {
        Optional<Matter> found = matters.matter(requestId);
        if (found.isEmpty()) return Result.notFound("No request " + requestId + ".");
        Matter matter = found.get();
        LegalRequest request = matter.request();
        if (!request.status().isOpen()) {
            return Result.conflict("Request " + requestId + " is " + request.status() + ", not open.");
        }
        List<LawyerProfile> offerees = new ArrayList<>();
        for (String lawyerId : lawyerIds) {
            Optional<LawyerProfile> profile = lawyers.profile(lawyerId);
            if (profile.isEmpty()) return Result.notFound("No lawyer " + lawyerId + ".");
            Optional<String> exclusion =
                    Ranking.exclusion(request, matter.offers(), profile.get().lawyer());
            if (exclusion.isPresent()) {
                return Result.conflict(
                        "Lawyer " + lawyerId + " cannot be offered this request: " + exclusion.get() + ".");
            }
            offerees.add(profile.get());
        }

        Instant now = clock.instant();
        // Whole seconds read better in the offer email ("respond by 2026-11-29T10:15:30Z").
        Instant respondBy = respondBy(request, now.truncatedTo(ChronoUnit.SECONDS), respondWithinHours);
        MatterChange.Builder change = MatterChange.builder();
        LegalRequest offered = request.offered();
        change.request(request, offered);
        change.audit(
                offered,
                "Offered to " + offerees.size() + " lawyer" + (offerees.size() == 1 ? "" : "s"),
                assignedBy,
                now);
        for (LawyerProfile profile : offerees) {
            String token = secrets.newReplyToken();
            // A lawyer whose earlier offer the team withdrew gets the same offer item back, pending again.
            Optional<Offer> withdrawn = matter.offerTo(profile.lawyer().id());
            Offer offer = new Offer(
                    requestId,
                    profile.lawyer().id(),
                    OfferStatus.PENDING,
                    now,
                    respondBy,
                    Secrets.hash(token),
                    null,
                    null,
                    false,
                    withdrawn.map(o -> o.version() + 1).orElse(1L));
            if (withdrawn.isPresent()) change.offer(withdrawn.get(), offer);
            else change.newOffer(offer);
            change.lawyer(profile.lawyer(), profile.lawyer().withLoadChange(+1));
            change.stats(profile.stats(), profile.stats().afterOffer(now));
            change.token(replyToken(token, requestId, profile.lawyer().id(), respondBy));
            change.email(emails.offer(EmailTemplate.OFFER, matter, profile.lawyer(), respondBy, token, sealer, now));
        }
        change.count(new Tally.Offered(offered, offerees.size(), now));
        Outcome outcome = matters.commit(change.build());
        if (outcome instanceof Outcome.Rejected) {
            return Result.conflict("Request " + requestId + " or one of the lawyers changed while assigning;"
                    + " nothing was offered. Run queue and suggest again.");
        }
        Log.metric(Metric.OFFERS_MADE, offerees.size());
        return Result.done(new Offered(
                requestId,
                RequestStatus.OFFERED.name(),
                offerees.stream()
                        .map(p -> new OfferedTo(p.lawyer().id(), respondBy))
                        .toList()));
    }

    /** The window the admin gave, shortened to the request's deadline when that is sooner. */
    static Instant respondBy(LegalRequest request, Instant now, int hours) {
        Instant asked = now.plus(Duration.ofHours(hours));
        if (request.deadline() == null || !request.deadline().isBefore(asked)) return asked;
        Instant earliest = now.plus(SHORTEST_WINDOW);
        Instant deadline = request.deadline().truncatedTo(ChronoUnit.SECONDS);
        return deadline.isBefore(earliest) ? earliest : deadline;
    }

    static Token replyToken(String token, String requestId, String lawyerId, Instant respondBy) {
        return new Token(
                Secrets.hash(token),
                Token.Purpose.OFFER_REPLY,
                null,
                requestId,
                lawyerId,
                respondBy.plus(LATE_REPLY_GRACE),
                null);
    }
}
