package org.probono.clearinghouse.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.probono.clearinghouse.domain.AuditEvent;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Offer;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.domain.Outcome;
import org.probono.clearinghouse.matters.Matter;
import org.probono.clearinghouse.matters.MatterChange;
import org.probono.clearinghouse.matters.Matters;
import org.probono.clearinghouse.matters.OpenQueue;

/**
 * {@link Matters} on the single table. A matter is 3 strongly consistent read units (the request, the
 * organisation, one query of the request's offers); the queue is one query of its index partition (GSI2
 * {@code QUEUE#OPEN}: open requests by deadline then age, then every pending offer); a change is ONE
 * TransactWriteItems with the conditions the change names (versions read, create-if-absent), its impact
 * tallies ADDed to the running totals in the same transaction.
 */
public final class TableMatters implements Matters {
    private final Store store;
    private final RunningTotals totals;

    public TableMatters(Store store, RunningTotals totals) {
        this.store = store;
        this.totals = totals;
    }

    @Override
    public Optional<Matter> matter(String requestId) {
        return request(requestId)
                .map(request -> new Matter(
                        request,
                        store.get(Keys.organisation(request.organisationId()))
                                .map(OrganisationItems::from)
                                .orElseThrow(),
                        store.partition(Keys.requestPk(requestId), Keys.OFFER_PREFIX).stream()
                                .map(OfferItems::from)
                                .toList()));
    }

    @Override
    public Optional<LegalRequest> request(String requestId) {
        return store.get(Keys.request(requestId)).map(RequestItems::from);
    }

    @Override
    public List<AuditEvent> history(String requestId) {
        return store.partition(Keys.requestPk(requestId), Keys.EVENT_PREFIX).stream()
                .map(AuditItems::from)
                .toList();
    }

    @Override
    public OpenQueue openQueue() {
        List<Item> partition = store.index(Keys.GSI2, Keys.QUEUE_OPEN, true, 0);
        List<LegalRequest> requests = partition.stream()
                .filter(item -> RequestItems.ENTITY.equals(item.entity()))
                .map(RequestItems::from)
                .filter(request -> request.status().isOpen())
                .toList();
        List<Offer> offers = partition.stream()
                .filter(item -> OfferItems.ENTITY.equals(item.entity()))
                .map(OfferItems::from)
                .filter(Offer::isPending)
                .toList();
        return new OpenQueue(requests, offers);
    }

    @Override
    public Optional<Organisation> organisation(String organisationId) {
        return store.get(Keys.organisation(organisationId)).map(OrganisationItems::from);
    }

    @Override
    public List<String> detailsRetainedUntil(Instant endedBy) {
        return store.indexUpTo(Keys.GSI2, Keys.DETAILS_RETAINED, Keys.retainedDetailsSk(endedBy, "~"), 0).stream()
                .map(item -> item.requiredString("id"))
                .toList();
    }

    @Override
    public Outcome commit(MatterChange change) {
        return store.commit(transaction(change));
    }

    /** The change as one transaction: each write under the condition it names, the tallies as ADDs. */
    Transaction transaction(MatterChange change) {
        Transaction transaction = new Transaction();
        for (MatterChange.Write write : change.writes()) {
            switch (write) {
                case MatterChange.RequestWritten w ->
                    transaction.replace(RequestItems.toItem(w.request()), w.readVersion());
                case MatterChange.OfferWritten w -> {
                    if (w.readVersion() == 0) transaction.create(OfferItems.toItem(w.offer()));
                    else transaction.replace(OfferItems.toItem(w.offer()), w.readVersion());
                }
                case MatterChange.LawyerWritten w ->
                    transaction.replace(LawyerItems.toItem(w.lawyer()), w.readVersion());
                case MatterChange.StatsWritten w -> LawyerStatsItems.save(transaction, w.stats(), w.readVersion());
                case MatterChange.TokenCreated w -> transaction.create(TokenItems.toItem(w.token()));
                case MatterChange.EmailQueued w -> transaction.create(OutboxItems.toItem(w.message()));
                case MatterChange.RequestAudited w ->
                    transaction.create(AuditItems.ofRequest(w.written(), w.note(), w.actor(), w.at()));
                case MatterChange.Counted w -> totals.count(transaction, w.tally());
            }
        }
        return transaction;
    }
}
