package org.probono.clearinghouse.notify.store;

import java.time.Duration;
import java.time.Instant;
import org.probono.clearinghouse.domain.Failure;
import org.probono.clearinghouse.domain.Outcome;
import org.probono.clearinghouse.notify.app.InboundLog;
import org.probono.clearinghouse.store.Item;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.Store;
import org.probono.clearinghouse.store.Transaction;

/**
 * The inbound log on the table: one item per received email ({@code INBOUND#<Message-ID>}), claimed with attribute_not_exists before
 * anything is decided, so a second delivery of the same message changes nothing; then it records what
 * the reply did and why (never the body). Kept 30 days, like the raw mail in the bucket.
 */
public final class TableInboundLog implements InboundLog {
    public static final String ENTITY = "INBOUND";
    static final Duration KEEP = Duration.ofDays(30);

    private final Store store;

    public TableInboundLog(Store store) {
        this.store = store;
    }

    @Override
    public boolean claim(String messageId, String sesMessageId, Instant at) {
        return store.commit(new Transaction()
                        .create(item(messageId, sesMessageId, "RECEIVED", null, at), Failure.ALREADY_EXISTS))
                instanceof Outcome.Committed;
    }

    @Override
    public void record(String messageId, String sesMessageId, String result, String detail, Instant at) {
        store.commit(new Transaction().put(item(messageId, sesMessageId, result, detail, at)));
    }

    @Override
    public void release(String messageId) {
        store.commit(new Transaction().delete(Keys.inbound(messageId)));
    }

    /** For tests: the entry as stored. */
    public java.util.Optional<Item> find(String messageId) {
        return store.get(Keys.inbound(messageId));
    }

    private static software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument item(
            String messageId, String sesMessageId, String result, String detail, Instant at) {
        return Item.write(ENTITY, Keys.inbound(messageId))
                .string("messageId", messageId)
                .string("sesMessageId", sesMessageId)
                .string("result", result)
                .string("detail", detail)
                .time("at", at)
                .expiresAt(at.plus(KEEP))
                .build();
    }
}
