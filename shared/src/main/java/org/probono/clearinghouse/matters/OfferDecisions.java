package org.probono.clearinghouse.matters;

import org.probono.clearinghouse.json.Log;
import org.probono.clearinghouse.json.Metric;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.probono.clearinghouse.config.Config;
import org.probono.clearinghouse.crypto.TokenSealer;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LawyerStats;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Offer;
import org.probono.clearinghouse.domain.OfferStatus;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.domain.Token;
import org.probono.clearinghouse.ids.Ids;
import org.probono.clearinghouse.ids.Secrets;
import org.probono.clearinghouse.domain.Failure;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.LawyerItems;
import org.probono.clearinghouse.store.LawyerStatsItems;
import org.probono.clearinghouse.store.OfferItems;
import org.probono.clearinghouse.store.OutboxItems;
import org.probono.clearinghouse.domain.Outcome;
import org.probono.clearinghouse.store.RequestItems;
import org.probono.clearinghouse.store.RunningTotals;
import org.probono.clearinghouse.store.Store;
import org.probono.clearinghouse.store.TokenItems;
import org.probono.clearinghouse.store.Transaction;

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

    private final Store store;
    private final MatterEmails emails;
    private final Suggestions suggestions;
    private final RunningTotals totals;
    private final Secrets secrets = new Secrets();
    private final TokenSealer sealer;

    /** {@code sealer} seals the completion reply address the matter-details email carries. */
    public OfferDecisions(Store store, Ids ids, Config config, TokenSealer sealer) {
        this.store = store;
        this.sealer = sealer;
        this.totals = new RunningTotals(config.timeZone());
        this.emails = new MatterEmails(ids, config.adminEmail());
        this.suggestions = new Suggestions(store);
    }

    @Override
    public AnswerOutcome answerByReply(String replyToken, String senderEmail, Answer answer) {
        String normalised = Secrets.normaliseReplyToken(replyToken);
        if (normalised == null) return new AnswerOutcome.UnknownToken();
        String hash = Secrets.hash(normalised);
        Optional<Token> token = store.get(Keys.token(hash)).map(item -> TokenItems.from(hash, item))
                .filter(found -> found.purpose() == Token.Purpose.OFFER_REPLY && found.lawyerId() != null)
                .filter(found -> !found.isUsed());
        if (token.isEmpty()) return new AnswerOutcome.UnknownToken();
        String requestId = token.get().subjectId();
        Optional<LawyerProfile> lawyer = LawyerProfile.load(store, token.get().lawyerId());
        if (lawyer.isEmpty()) return new AnswerOutcome.UnknownToken();
        if (senderEmail == null || !senderEmail.strip().equalsIgnoreCase(lawyer.get().lawyer().email())) {
            return new AnswerOutcome.WrongSender(requestId);
        }
        return answer(requestId, token.get().lawyerId(), answer, "lawyer:" + token.get().lawyerId());
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
        static Attempt of(AnswerOutcome outcome) { return new Attempt(Optional.of(outcome)); }

        static Attempt retry() { return new Attempt(Optional.empty()); }
    }

    private Attempt attempt(String requestId, String lawyerId, Answer answer, String actor) {
        Optional<Matter> found = Matter.load(store, requestId);
        Optional<LawyerProfile> profile = LawyerProfile.load(store, lawyerId);
        if (found.isEmpty() || profile.isEmpty() || found.get().offerTo(lawyerId).isEmpty()) {
            return Attempt.of(new AnswerOutcome.UnknownToken());
        }
        Matter matter = found.get();
        Offer offer = matter.offerTo(lawyerId).orElseThrow();
        Instant now = store.clock().instant();
        // A pending offer of a request that is no longer open cannot be committed on DynamoDB (the changes
        // that close a request end its offers in the same transaction); answer it as a late reply anyway.
        if (!offer.isPending() || !matter.request().status().isOpen()) {
            // The request is read before its offers (its version guards them): an offer already ended beside a
            // request still open can be a change that landed between the two reads. Then decide again.
            if (matter.request().status().isOpen() && changedSince(matter.request())) return Attempt.retry();
            return Attempt.of(tooLate(matter, offer, profile.get().lawyer(), now));
        }

        Transaction transaction = switch (answer) {
            case Answer.Accept accept -> accept(matter, offer, profile.get(), actor, now);
            case Answer.Decline decline -> decline(matter, offer, profile.get(), decline.reason(), actor, now);
        };
        Outcome outcome = store.commit(transaction);
        if (outcome instanceof Outcome.Rejected rejected) {
            if (rejected.failure() == Failure.CHANGED_CONCURRENTLY) return Attempt.retry();
            throw new IllegalStateException("answering an offer failed: " + rejected.label());
        }
        Log.metric(answer instanceof Answer.Accept ? Metric.OFFERS_ACCEPTED : Metric.OFFERS_DECLINED);
        return Attempt.of(answer instanceof Answer.Accept
                ? new AnswerOutcome.Accepted(requestId, lawyerId)
                : new AnswerOutcome.Declined(requestId, lawyerId));
    }

    private boolean changedSince(LegalRequest read) {
        return store.get(Keys.request(read.id())).map(RequestItems::from).map(LegalRequest::version)
                .filter(version -> version == read.version()).isEmpty();
    }

    private AnswerOutcome tooLate(Matter matter, Offer offer, Lawyer lawyer, Instant now) {
        LegalRequest request = matter.request();
        boolean takenByAnother = request.status() == RequestStatus.ACCEPTED && !lawyer.id().equals(request.lawyerId());
        if (!takenByAnother) return new AnswerOutcome.NoLongerOpen(request.id(), lawyer.id(), offer.status());
        store.commit(new Transaction().create(OutboxItems.toItem(emails.alreadyTaken(matter, lawyer, now))));
        return new AnswerOutcome.AlreadyTaken(request.id(), lawyer.id());
    }

    private Transaction accept(Matter matter, Offer offer, LawyerProfile profile, String actor, Instant now) {
        Transaction transaction = new Transaction();
        Lawyer lawyer = profile.lawyer();
        // The accepting lawyer's load already counts this offer: it becomes the matter, nothing to change.
        transaction.replace(OfferItems.toItem(offer.answered(OfferStatus.ACCEPTED, now, null)), offer.version());
        recordResponse(transaction, profile, offer, now);
        LegalRequest accepted = matter.request().acceptedBy(lawyer.id());
        transaction.replace(RequestItems.toItem(accepted), matter.request().version());
        OfferChanges.audit(transaction, accepted, "A lawyer accepted the request", actor, now);
        totals.accepted(transaction, accepted, now);
        for (Offer other : matter.pendingOffersExcept(lawyer.id())) {
            Lawyer otherLawyer = LawyerProfile.load(store, other.lawyerId()).orElseThrow().lawyer();
            transaction.replace(OfferItems.toItem(other.answered(OfferStatus.WITHDRAWN, now, "filled")), other.version());
            transaction.replace(LawyerItems.toItem(otherLawyer.withLoadChange(-1)),
                    otherLawyer.version());
            transaction.create(OutboxItems.toItem(emails.offerFilled(matter, otherLawyer, now)));
        }
        // The details email gets its own reply address: the lawyer closes the matter by answering it.
        String completionToken = secrets.newReplyToken();
        transaction.create(TokenItems.toItem(MatterCompletion.replyToken(completionToken, matter.request().id(),
                lawyer.id(), now)));
        transaction.create(OutboxItems.toItem(emails.matterDetails(matter, lawyer, completionToken, sealer, now)));
        transaction.create(OutboxItems.toItem(emails.introduction(matter, lawyer, now)));
        transaction.create(OutboxItems.toItem(emails.adminAccepted(matter, lawyer, now)));
        return transaction;
    }

    private Transaction decline(Matter matter, Offer offer, LawyerProfile profile, String reason, String actor,
                                Instant now) {
        Transaction transaction = new Transaction();
        String why = reason == null ? "" : reason.strip();
        LegalRequest written = OfferChanges.endOffer(transaction, matter, offer, profile.lawyer(), OfferStatus.DECLINED,
                why, now);
        recordResponse(transaction, profile, offer, now);
        totals.declined(transaction, written, why);
        boolean backInQueue = written.status() == RequestStatus.SUBMITTED;
        OfferChanges.audit(transaction, written, backInQueue ? "An offer was declined; back in the queue"
                : "An offer was declined", actor, now);
        List<Candidate> next = backInQueue ? suggestions.forMatter(matter, SUGGESTIONS_IN_EMAIL) : List.of();
        transaction.create(OutboxItems.toItem(emails.adminDeclined(matter, profile.lawyer(), why, next, now)));
        return transaction;
    }

    private static void recordResponse(Transaction transaction, LawyerProfile profile, Offer offer, Instant now) {
        LawyerStats before = profile.stats();
        LawyerStatsItems.save(transaction, before, before.afterAnswer(Duration.between(offer.offeredAt(), now)));
    }
}
