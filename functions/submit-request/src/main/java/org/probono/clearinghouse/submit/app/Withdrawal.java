package org.probono.clearinghouse.submit.app;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.domain.Outcome;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.ids.Ids;
import org.probono.clearinghouse.impact.Tally;
import org.probono.clearinghouse.json.Log;
import org.probono.clearinghouse.matters.Lawyers;
import org.probono.clearinghouse.matters.Matter;
import org.probono.clearinghouse.matters.MatterChange;
import org.probono.clearinghouse.matters.MatterEmails;
import org.probono.clearinghouse.matters.Matters;
import org.probono.clearinghouse.matters.OfferChanges;

/**
 * {@code POST /requests/{id}/withdraw}: the organisation no longer needs help. Allowed while the request is
 * open (SUBMITTED or OFFERED). In one transaction: the request leaves the queue as WITHDRAWN, each pending
 * offer is withdrawn and its lawyer's load freed, the offered lawyers and the team are told. Every item is
 * replaced at the version it was read at; if anything moved meanwhile (an acceptance arriving), the
 * whole decision is taken again on fresh reads.
 */
public final class Withdrawal {
    static final String REASON = "The organisation withdrew the request.";
    private static final int ATTEMPTS = 3;

    private final Matters matters;
    private final Lawyers lawyers;
    private final Ids ids;
    private final Clock clock;
    private final Mailboxes mailboxes;

    public Withdrawal(Matters matters, Lawyers lawyers, Ids ids, Clock clock, Mailboxes mailboxes) {
        this.matters = matters;
        this.lawyers = lawyers;
        this.ids = ids;
        this.clock = clock;
        this.mailboxes = mailboxes;
    }

    public WithdrawOutcome withdraw(Organisation caller, String requestId) {
        MatterEmails emails = new MatterEmails(ids, mailboxes.adminEmail());
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<Matter> found = matters.matter(requestId)
                    .filter(matter -> matter.request().organisationId().equals(caller.id()));
            if (found.isEmpty()) return new WithdrawOutcome.NotFound();
            Matter matter = found.get();
            LegalRequest request = matter.request();
            if (!request.status().isOpen()) return new WithdrawOutcome.NotOpen(request.status());

            Instant now = clock.instant();
            MatterChange.Builder change = MatterChange.builder();
            int offers = OfferChanges.withdrawPendingOffers(change, matter, this::lawyer, emails, REASON, now);
            LegalRequest withdrawn = OfferChanges.end(change, request, RequestStatus.WITHDRAWN, now);
            change.audit(
                    withdrawn,
                    offers == 0
                            ? "Withdrawn by the organisation."
                            : "Withdrawn by the organisation; " + offers + " pending offer(s) withdrawn.",
                    "organisation:" + caller.id(),
                    now);
            change.email(emails.requestWithdrawn(matter, now));
            change.count(new Tally.Ended(withdrawn));

            if (matters.commit(change.build()) instanceof Outcome.Committed) {
                Log.info(
                        "request withdrawn",
                        "requestId",
                        request.id(),
                        "organisationId",
                        caller.id(),
                        "offersWithdrawn",
                        offers);
                return new WithdrawOutcome.Withdrawn(request.id(), RequestStatus.WITHDRAWN, offers);
            }
        }
        return new WithdrawOutcome.Busy();
    }

    private Lawyer lawyer(String lawyerId) {
        return lawyers.lawyer(lawyerId)
                .orElseThrow(() ->
                        new IllegalStateException("an offer names lawyer " + lawyerId + ", who is not in the table"));
    }
}
