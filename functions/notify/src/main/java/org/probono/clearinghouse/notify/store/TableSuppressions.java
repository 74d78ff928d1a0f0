package org.probono.clearinghouse.notify.store;

import java.time.Instant;
import org.probono.clearinghouse.notify.app.Suppressions;
import org.probono.clearinghouse.store.Item;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.Store;

/** The suppression list on the table: {@code SUPPRESS#email}, one item per address. */
public final class TableSuppressions implements Suppressions {
    public static final String ENTITY = "SUPPRESS";

    private final Store store;

    public TableSuppressions(Store store) {
        this.store = store;
    }

    @Override
    public boolean isSuppressed(String email) {
        return email != null
                && store.get(Keys.suppression(Suppressions.normalise(email))).isPresent();
    }

    /** One PutItem and no condition: whatever is there, the latest bounce or complaint is the one to keep. */
    @Override
    public void suppress(String email, String reason, Instant at) {
        String address = Suppressions.normalise(email);
        store.put(Item.write(ENTITY, Keys.suppression(address))
                .string("email", address)
                .string("reason", reason)
                .time("at", at)
                .build());
    }
}
