package org.probono.clearinghouse.assign.store;

import org.probono.clearinghouse.assign.app.Outbox;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.store.OutboxItems;
import org.probono.clearinghouse.store.Store;
import org.probono.clearinghouse.store.Transaction;

/** {@link Outbox} on the single table: one outbox item, which the table's stream brings to NotifyFunction. */
public final class TableOutbox implements Outbox {
    private final Store store;

    public TableOutbox(Store store) {
        this.store = store;
    }

    @Override
    public void queue(OutboxMessage message) {
        // A fresh id cannot be taken: if it ever is, say so rather than lose the email.
        if (!store.commit(new Transaction().create(OutboxItems.toItem(message))).committed()) {
            throw new IllegalStateException("outbox " + message.id() + " already exists");
        }
    }
}
