package org.probono.clearinghouse.assign.app;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Offer;
import org.probono.clearinghouse.domain.OfferStatus;
import org.probono.clearinghouse.domain.Outcome;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.impact.Tally;
import org.probono.clearinghouse.matters.Lawyers;
import org.probono.clearinghouse.matters.Matter;
import org.probono.clearinghouse.matters.MatterChange;
import org.probono.clearinghouse.matters.MatterCompletion;
import org.probono.clearinghouse.matters.MatterEmails;
import org.probono.clearinghouse.matters.Matters;
import org.probono.clearinghouse.matters.OfferChanges;

/**
 * The team's other changes to a matter: withdrawing one offer, completing an accepted matter, closing an
 * open request. Each checks the state it starts from and commits one transaction conditioned on the
 * versions read; a concurrent change makes it a 409 with nothing written.
 */
public final class MatterChanges {
    public record Withdrawn(String requestId, String lawyerId, String offerStatus, String status) {}

    public record Changed(String requestId, String status) {}

    private final Matters matters;
    private final Lawyers lawyers;
    private final MatterEmails emails;
    private final MatterCompletion completion;
    private final Clock clock;

    public MatterChanges(
            Matters matters, Lawyers lawyers, MatterEmails emails, MatterCompletion completion, Clock clock) {
        this.matters = matters;
        this.lawyers = lawyers;
        this.emails = emails;
        this.completion = completion;
        this.clock = clock;
    }

    public Result withdraw(String requestId, String lawyerId, String reason, String actor) {
        Optional<Matter> found = matters.matter(requestId);
        if (found.isEmpty()) return Result.notFound("No request " + requestId + ".");
        Matter matter = found.get();
        Optional<Offer> offer = matter.offerTo(lawyerId);
        if (offer.isEmpty())
            return Result.notFound("Request " + requestId + " was not offered to lawyer " + lawyerId + ".");
        if (!offer.get().isPending()) {
            return Result.conflict(
                    "The offer to lawyer " + lawyerId + " is " + offer.get().status() + ", not pending.");
        }
        Lawyer lawyer = lawyer(lawyerId);
        Instant now = clock.instant();
        MatterChange.Builder change = MatterChange.builder();
        LegalRequest written =
                OfferChanges.endOffer(change, matter, offer.get(), lawyer, OfferStatus.WITHDRAWN, reason, now);
        change.audit(
                written,
                written.status() == RequestStatus.SUBMITTED
                        ? "An offer was withdrawn; back in the queue"
                        : "An offer was withdrawn",
                actor,
                now);
        change.email(emails.offerWithdrawn(matter, lawyer, reason, now));
        return commit(
                change.build(),
                requestId,
                new Withdrawn(
                        requestId,
                        lawyerId,
                        OfferStatus.WITHDRAWN.name(),
                        written.status().name()));
    }

    /** The team records a matter done; the same rule as the lawyer's "DONE" reply (shared MatterCompletion). */
    public Result complete(String requestId, String outcome, double hoursSpent, String actor) {
        return switch (completion.complete(requestId, outcome, hoursSpent, actor)) {
            case MatterCompletion.Completed.Done done ->
                Result.done(new Changed(requestId, RequestStatus.COMPLETED.name()));
            case MatterCompletion.Completed.NotFound notFound -> Result.notFound("No request " + requestId + ".");
            case MatterCompletion.Completed.NotAccepted not ->
                Result.conflict(
                        "Request " + requestId + " is " + not.status() + "; only an ACCEPTED one can be completed.");
            case MatterCompletion.Completed.Busy busy ->
                Result.conflict("Request " + requestId + " changed meanwhile; nothing was written. Try again.");
            case MatterCompletion.Completed.UnknownToken u -> throw new IllegalStateException("no token here");
            case MatterCompletion.Completed.WrongSender w -> throw new IllegalStateException("no sender here");
        };
    }

    public Result close(String requestId, String reason, String actor) {
        Optional<Matter> found = matters.matter(requestId);
        if (found.isEmpty()) return Result.notFound("No request " + requestId + ".");
        Matter matter = found.get();
        if (!matter.request().status().isOpen()) {
            return Result.conflict(
                    "Request " + requestId + " is " + matter.request().status() + ", not open.");
        }
        Instant now = clock.instant();
        MatterChange.Builder change = MatterChange.builder();
        OfferChanges.withdrawPendingOffers(change, matter, this::lawyer, emails, "The request was closed.", now);
        LegalRequest closed = OfferChanges.end(change, matter.request(), RequestStatus.CLOSED, now);
        change.audit(closed, "Closed: " + reason, actor, now);
        change.email(emails.requestClosed(matter, reason, now));
        change.count(new Tally.Ended(closed));
        return commit(change.build(), requestId, new Changed(requestId, RequestStatus.CLOSED.name()));
    }

    private Lawyer lawyer(String lawyerId) {
        return lawyers.lawyer(lawyerId)
                .orElseThrow(() ->
                        new IllegalStateException("an offer names lawyer " + lawyerId + ", who is not in the table"));
    }

    private Result commit(MatterChange change, String requestId, Object result) {
        Outcome outcome = matters.commit(change);
        if (outcome instanceof Outcome.Rejected) {
            return Result.conflict("Request " + requestId + " changed meanwhile; nothing was written. Try again.");
        }
        return Result.done(result);
    }
}
