package org.probono.clearinghouse.matters;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.probono.clearinghouse.crypto.TokenSealer;
import org.probono.clearinghouse.domain.Failure;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LawyerStats;
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

/**
 * Accepting and declining offers. The first acceptance wins: one transaction accepts the offer, gives the
 * request to the lawyer, withdraws the other pending offers (releasing those lawyers' load) and writes the
 * emails; it is conditioned on the versions read, so of two lawyers accepting at once exactly one commits
 * and the other, re-reading, finds the matter taken and is told so politely.
 */
public final class OfferDecisions implements OfferReplies {
    /** Enough for a few concurrent changes to the same request; each retry re-reads everything. */
    private static final int ATTEMPTS = 5;

    private static final int SUGGESTIONS_IN_EMAIL = 3;

    private final Matters matters;
    private final Lawyers lawyers;
    private final Offers offers;
    private final MatterEmails emails;
    private final Suggestions suggestions;
    private final Secrets secrets = new Secrets();
    private final TokenSealer sealer;
    private final Clock clock;

    /** {@code sealer} seals the completion reply address the matter-details email carries. */
    public OfferDecisions(
            Matters matters, Lawyers lawyers, Offers offers, MatterEmails emails, TokenSealer sealer, Clock clock) {
        this.matters = matters;
        this.lawyers = lawyers;
        this.offers = offers;
        this.sealer = sealer;
        this.clock = clock;
        this.emails = emails;
        this.suggestions = new Suggestions(lawyers, clock);
    }

    @Override
    public AnswerOutcome answerByReply(String replyToken, String senderEmail, Answer answer) {
        String normalised = Secrets.normaliseReplyToken(replyToken);
        if (normalised == null) return new AnswerOutcome.UnknownToken();
        String hash = Secrets.hash(normalised);
        Optional<Token> token = offers.token(hash)
                .filter(found -> found.purpose() == Token.Purpose.OFFER_REPLY && found.lawyerId() != null)
                .filter(found -> !found.isUsed());
        if (token.isEmpty()) return new AnswerOutcome.UnknownToken();
        String requestId = token.get().subjectId();
        Optional<LawyerProfile> lawyer = lawyers.profile(token.get().lawyerId());
        if (lawyer.isEmpty()) return new AnswerOutcome.UnknownToken();
        if (senderEmail == null
                || !senderEmail.strip().equalsIgnoreCase(lawyer.get().lawyer().email())) {
            return new AnswerOutcome.WrongSender(requestId);
        }
        return answer(
                requestId,
                token.get().lawyerId(),
                answer,
                "lawyer:" + token.get().lawyerId());
    }

    /** Answers the lawyer's offer of the request on their behalf ({@code actor} goes into the audit trail). */
    public AnswerOutcome answer(String requestId, String lawyerId, Answer answer, String actor) {
        for (int attempt = 1; ; attempt++) {
            Attempt result = attempt(requestId, lawyerId, answer, actor);
            if (result.outcome().isPresent()) return result.outcome().get();
            if (attempt == ATTEMPTS) {
                throw new IllegalStateException("request " + requestId + " kept changing while answering an offer");
            }
        }
    }

    /** An outcome, or empty when a concurrent change got in first and the answer must be decided afresh. */
    private record Attempt(Optional<AnswerOutcome> outcome) {
        static Attempt of(AnswerOutcome outcome) {
            return new Attempt(Optional.of(outcome));
        }

        static Attempt retry() {
            return new Attempt(Optional.empty());
        }
    }

    private Attempt attempt(String requestId, String lawyerId, Answer answer, String actor) {
        Optional<Matter> found = matters.matter(requestId);
        Optional<LawyerProfile> profile = lawyers.profile(lawyerId);
        if (found.isEmpty()
                || profile.isEmpty()
                || found.get().offerTo(lawyerId).isEmpty()) {
            return Attempt.of(new AnswerOutcome.UnknownToken());
        }
        Matter matter = found.get();
        Offer offer = matter.offerTo(lawyerId).orElseThrow();
        Instant now = clock.instant();
        // A pending offer of a request that is no longer open cannot be committed on DynamoDB (the changes
        // that close a request end its offers in the same transaction); answer it as a late reply anyway.
        if (!offer.isPending() || !matter.request().status().isOpen()) {
            // The request is read before its offers (its version guards them): an offer already ended beside a
            // request still open can be a change that landed between the two reads. Then decide again.
            if (matter.request().status().isOpen() && changedSince(matter.request())) return Attempt.retry();
            return Attempt.of(tooLate(matter, offer, profile.get().lawyer(), now));
        }

        MatterChange change = switch (answer) {
            case Answer.Accept accept -> accept(matter, offer, profile.get(), actor, now);
            case Answer.Decline decline -> decline(matter, offer, profile.get(), decline.reason(), actor, now);
        };
        Outcome outcome = matters.commit(change);
        if (outcome instanceof Outcome.Rejected rejected) {
            if (rejected.failure() == Failure.CHANGED_CONCURRENTLY) return Attempt.retry();
            throw new IllegalStateException("answering an offer failed: " + rejected.label());
        }
        Log.metric(answer instanceof Answer.Accept ? Metric.OFFERS_ACCEPTED : Metric.OFFERS_DECLINED);
        return Attempt.of(
                answer instanceof Answer.Accept
                        ? new AnswerOutcome.Accepted(requestId, lawyerId)
                        : new AnswerOutcome.Declined(requestId, lawyerId));
    }

    private boolean changedSince(LegalRequest read) {
        return matters.request(read.id())
                .map(LegalRequest::version)
                .filter(version -> version == read.version())
                .isEmpty();
    }

    private AnswerOutcome tooLate(Matter matter, Offer offer, Lawyer lawyer, Instant now) {
        LegalRequest request = matter.request();
        boolean takenByAnother =
                request.status() == RequestStatus.ACCEPTED && !lawyer.id().equals(request.lawyerId());
        if (!takenByAnother) return new AnswerOutcome.NoLongerOpen(request.id(), lawyer.id(), offer.status());
        matters.commit(MatterChange.builder()
                .email(emails.alreadyTaken(matter, lawyer, now))
                .build());
        return new AnswerOutcome.AlreadyTaken(request.id(), lawyer.id());
    }

    private MatterChange accept(Matter matter, Offer offer, LawyerProfile profile, String actor, Instant now) {
        MatterChange.Builder change = MatterChange.builder();
        Lawyer lawyer = profile.lawyer();
        // The accepting lawyer's load already counts this offer: it becomes the matter, nothing to change.
        change.offer(offer, offer.answered(OfferStatus.ACCEPTED, now, null));
        recordResponse(change, profile, offer, now);
        LegalRequest accepted = matter.request().acceptedBy(lawyer.id());
        change.request(matter.request(), accepted);
        change.audit(accepted, "A lawyer accepted the request", actor, now);
        change.count(new Tally.Accepted(accepted, now));
        for (Offer other : matter.pendingOffersExcept(lawyer.id())) {
            Lawyer otherLawyer = lawyers.lawyer(other.lawyerId()).orElseThrow();
            change.offer(other, other.answered(OfferStatus.WITHDRAWN, now, "filled"));
            change.lawyer(otherLawyer, otherLawyer.withLoadChange(-1));
            change.email(emails.offerFilled(matter, otherLawyer, now));
        }
        // The details email gets its own reply address: the lawyer closes the matter by answering it.
        String completionToken = secrets.newReplyToken();
        change.token(
                MatterCompletion.replyToken(completionToken, matter.request().id(), lawyer.id(), now));
        change.email(emails.matterDetails(matter, lawyer, completionToken, sealer, now));
        change.email(emails.introduction(matter, lawyer, now));
        change.email(emails.adminAccepted(matter, lawyer, now));
        return change.build();
    }

    private MatterChange decline(
            Matter matter, Offer offer, LawyerProfile profile, String reason, String actor, Instant now) {
        MatterChange.Builder change = MatterChange.builder();
        String why = reason == null ? "" : reason.strip();
        LegalRequest written =
                OfferChanges.endOffer(change, matter, offer, profile.lawyer(), OfferStatus.DECLINED, why, now);
        recordResponse(change, profile, offer, now);
        change.count(new Tally.Declined(written, why));
        boolean backInQueue = written.status() == RequestStatus.SUBMITTED;
        change.audit(
                written,
                backInQueue ? "An offer was declined; back in the queue" : "An offer was declined",
                actor,
                now);
        List<Candidate> next = backInQueue ? suggestions.forMatter(matter, SUGGESTIONS_IN_EMAIL) : List.of();
        change.email(emails.adminDeclined(matter, profile.lawyer(), why, next, now));
        return change.build();
    }

    private static void recordResponse(MatterChange.Builder change, LawyerProfile profile, Offer offer, Instant now) {
        LawyerStats before = profile.stats();
        change.stats(before, before.afterAnswer(Duration.between(offer.offeredAt(), now)));
    }
}
