package org.probono.clearinghouse.submit.store;

import java.util.Optional;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.Outcome;
import org.probono.clearinghouse.matters.Matter;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.LawyerItems;
import org.probono.clearinghouse.store.RunningTotals;
import org.probono.clearinghouse.store.Store;
import org.probono.clearinghouse.store.Transaction;

/**
 * What {@code Withdrawal} reads and commits through until it moves onto the shared matters' ports (the
 * other use cases use {@code OrganisationRequests}, {@code Profiles} and {@code RememberedSubmits}).
 */
public final class RequestStore {
    private final Store store;
    private final RunningTotals totals;

    public RequestStore(Store store, RunningTotals totals) {
        this.store = store;
        this.totals = totals;
    }

    /** The impact report's running totals, which every state change adds to in its own transaction. */
    public RunningTotals totals() { return totals; }

    public Optional<Lawyer> lawyer(String id) {
        return store.get(Keys.lawyer(id)).map(LawyerItems::from);
    }

    /** The request with its organisation and offers, as the shared offer rules take it. */
    public Optional<Matter> matter(String requestId) { return Matter.load(store, requestId); }

    public Outcome commit(Transaction transaction) { return store.commit(transaction); }
}
