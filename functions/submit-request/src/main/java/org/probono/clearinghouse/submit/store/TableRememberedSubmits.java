package org.probono.clearinghouse.submit.store;

import java.util.Optional;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.Store;
import org.probono.clearinghouse.submit.app.IdempotencyRecord;
import org.probono.clearinghouse.submit.app.RememberedSubmits;

/** Remembered submits in the single table ({@code IDEMP#orgId#key}); TableRequests writes them. */
public final class TableRememberedSubmits implements RememberedSubmits {
    private final Store store;

    public TableRememberedSubmits(Store store) {
        this.store = store;
    }

    @Override
    public Optional<IdempotencyRecord> under(String organisationId, String key) {
        return store.get(Keys.idempotency(organisationId, key)).map(IdempotencyItems::from);
    }
}
