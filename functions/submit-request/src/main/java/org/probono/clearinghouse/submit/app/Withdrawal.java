package org.probono.clearinghouse.submit.app;

import org.probono.clearinghouse.json.Log;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.probono.clearinghouse.domain.AuditEvent;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Offer;
import org.probono.clearinghouse.domain.OfferStatus;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.ids.Ids;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.Outcome;
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
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<LegalRequest> found = store.request(requestId)
                    .filter(request -> request.organisationId().equals(caller.id()));
            if (found.isEmpty()) return new WithdrawOutcome.NotFound();
            LegalRequest request = found.get();
            if (!request.status().isOpen()) return new WithdrawOutcome.NotOpen(request.status());

            Instant now = clock.instant();
            List<Offer> offers = new ArrayList<>();
            List<Lawyer> lawyers = new ArrayList<>();
            List<OutboxMessage> mail = new ArrayList<>();
            for (Offer offer : store.offers(requestId)) {
                if (!offer.isPending()) continue;
                offers.add(offer.answered(OfferStatus.WITHDRAWN, now, REASON));
                store.lawyer(offer.lawyerId()).ifPresent(lawyer -> {
                    lawyers.add(lawyer.withLoadChange(-1));
                    mail.add(OutboxMessage.of(ids.next(), EmailTemplate.OFFER_WITHDRAWN, lawyer.email(), Map.of(
                            "lawyerName", lawyer.name(),
                            "requestId", request.id(),
                            "title", request.title(),
                            "reason", REASON), now));
                });
            }
            mail.add(OutboxMessage.of(ids.next(), EmailTemplate.REQUEST_WITHDRAWN, mailboxes.adminEmail(), Map.of(
                    "organisationName", caller.name(),
                    "requestId", request.id(),
                    "title", request.title()), now));
            LegalRequest withdrawn = request.withStatus(RequestStatus.WITHDRAWN);
            AuditEvent event = new AuditEvent(Keys.requestPk(request.id()), now, RequestStatus.WITHDRAWN.name(),
                    offers.isEmpty() ? "Withdrawn by the organisation."
                            : "Withdrawn by the organisation; " + offers.size() + " pending offer(s) withdrawn.",
                    "organisation:" + caller.id());

            if (store.withdraw(withdrawn, offers, lawyers, event, mail) instanceof Outcome.Committed) {
                Log.info("request withdrawn", "requestId", request.id(), "organisationId", caller.id(),
                        "offersWithdrawn", Integer.toString(offers.size()));
                return new WithdrawOutcome.Withdrawn(request.id(), RequestStatus.WITHDRAWN, offers.size());
            }
        }
        return new WithdrawOutcome.Busy();
    }
}
