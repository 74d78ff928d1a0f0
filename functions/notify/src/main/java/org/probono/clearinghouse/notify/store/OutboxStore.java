package org.probono.clearinghouse.notify.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.store.Failure;
import org.probono.clearinghouse.store.Item;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.OutboxItems;
import org.probono.clearinghouse.store.Outcome;
import org.probono.clearinghouse.store.Store;
import org.probono.clearinghouse.store.Transaction;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The outbox as NotifyFunction sees it: read an item afresh (the stream record may be a retry of one
 * already sent), and mark it SENT or SUPPRESSED only while it is still PENDING. Marking erases the token
 * (the secret the email carried) and nothing else; a sent item is kept for {@link #KEEP_SENT}, then TTL
 * removes it.
 */
public final class OutboxStore {
    static final Duration KEEP_SENT = Duration.ofDays(90);

    /** An outbox item and where it stands. */
    public record Entry(OutboxMessage message, String status, long version) {
        public boolean isPending() { return OutboxItems.PENDING.equals(status); }
    }

    private final Store store;

    public OutboxStore(Store store) { this.store = store; }

    public Optional<Entry> find(String outboxId) {
        return store.get(Keys.outbox(outboxId)).map(item ->
                new Entry(OutboxItems.from(item), item.string(OutboxItems.STATUS), item.version()));
    }

    /** False when the item was no longer PENDING (another delivery of the same record got there first). */
    public boolean markSent(Entry entry, String sesMessageId, Instant at) {
        EnhancedDocument item = finished(entry, OutboxItems.SENT, at).toBuilder()
                .putString("sesMessageId", sesMessageId)
                .build();
        return store.commit(new Transaction().putIf(item, stillPending(), Failure.WRONG_STATE)) instanceof Outcome.Committed;
    }

    /** Marks the item SUPPRESSED and, in the same transaction, queues the admin's email (when given). */
    public boolean markSuppressed(Entry entry, Instant at, OutboxMessage toAdmin) {
        Transaction transaction = new Transaction().putIf(finished(entry, OutboxItems.SUPPRESSED, at), stillPending(),
                Failure.WRONG_STATE);
        if (toAdmin != null) transaction.create(OutboxItems.toItem(toAdmin));
        return store.commit(transaction) instanceof Outcome.Committed;
    }

    /** Queues a new email (it reaches this function again through the stream). */
    public void enqueue(OutboxMessage message) {
        store.commit(new Transaction().create(OutboxItems.toItem(message)));
    }

    private static EnhancedDocument finished(Entry entry, String status, Instant at) {
        OutboxMessage message = entry.message();
        OutboxMessage withoutSecret = new OutboxMessage(message.id(), message.template(), message.to(), message.data(),
                null, message.sealedDetails(), message.createdAt());
        return OutboxItems.toItem(withoutSecret).toBuilder()
                .putString(OutboxItems.STATUS, status)
                .putString("finishedAt", at.toString())
                .putNumber(Keys.VERSION, entry.version() + 1)
                .putNumber(Keys.EXPIRES_AT, at.plus(KEEP_SENT).getEpochSecond())
                .build();
    }

    private static Expression stillPending() {
        return Expression.builder().expression("#status = :pending")
                .expressionNames(Map.of("#status", OutboxItems.STATUS))
                .expressionValues(Map.of(":pending", AttributeValue.fromS(OutboxItems.PENDING)))
                .build();
    }

    /** For tests and tools: the raw item. */
    public Optional<Item> raw(String outboxId) { return store.getIncludingExpired(Keys.outbox(outboxId)); }
}
