package org.probono.clearinghouse.submit.app;

import org.probono.clearinghouse.json.Log;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.ids.Ids;
import org.probono.clearinghouse.domain.Outcome;
import org.probono.clearinghouse.store.Transaction;
import org.probono.clearinghouse.store.OutboxItems;
import org.probono.clearinghouse.matters.OfferChanges;
import org.probono.clearinghouse.matters.MatterEmails;
import org.probono.clearinghouse.matters.Matter;
import org.probono.clearinghouse.submit.store.RequestStore;

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

    private final RequestStore store;
    private final Ids ids;
    private final Clock clock;
    private final Mailboxes mailboxes;

    public Withdrawal(RequestStore store, Ids ids, Clock clock, Mailboxes mailboxes) {
        this.store = store;
        this.ids = ids;
        this.clock = clock;
        this.mailboxes = mailboxes;
    }

    public WithdrawOutcome withdraw(Organisation caller, String requestId) {
        MatterEmails emails = new MatterEmails(ids, mailboxes.adminEmail());
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<Matter> found = store.matter(requestId)
                    .filter(matter -> matter.request().organisationId().equals(caller.id()));
            if (found.isEmpty()) return new WithdrawOutcome.NotFound();
            Matter matter = found.get();
            LegalRequest request = matter.request();
            if (!request.status().isOpen()) return new WithdrawOutcome.NotOpen(request.status());

            Instant now = clock.instant();
            Transaction transaction = new Transaction();
            int offers = OfferChanges.withdrawPendingOffers(transaction, matter, this::lawyer, emails, REASON, now);
            LegalRequest withdrawn = OfferChanges.end(transaction, request, RequestStatus.WITHDRAWN, now);
            OfferChanges.audit(transaction, withdrawn, offers == 0 ? "Withdrawn by the organisation."
                    : "Withdrawn by the organisation; " + offers + " pending offer(s) withdrawn.",
                    "organisation:" + caller.id(), now);
            transaction.create(OutboxItems.toItem(emails.requestWithdrawn(matter, now)));
            store.totals().ended(transaction, withdrawn);

            if (store.commit(transaction) instanceof Outcome.Committed) {
                Log.info("request withdrawn", "requestId", request.id(), "organisationId", caller.id(),
                        "offersWithdrawn", offers);
                return new WithdrawOutcome.Withdrawn(request.id(), RequestStatus.WITHDRAWN, offers);
            }
        }
        return new WithdrawOutcome.Busy();
    }

    private Lawyer lawyer(String lawyerId) {
        return store.lawyer(lawyerId).orElseThrow(
                () -> new IllegalStateException("an offer names lawyer " + lawyerId + ", who is not in the table"));
    }
}
