package org.probono.clearinghouse.notify.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.domain.Failure;
import org.probono.clearinghouse.store.Item;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.OutboxItems;
import org.probono.clearinghouse.domain.Outcome;
import org.probono.clearinghouse.store.Store;
import org.probono.clearinghouse.store.Transaction;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The outbox as NotifyFunction sees it: read an item afresh (the stream record may be a retry of one
 * already sent), and mark it SENT or SUPPRESSED only while it is still PENDING. Marking erases the sealed token
 * (the secret the email carried) and nothing else; a sent item is kept for {@link #KEEP_SENT}, then TTL
 * removes it. An admin's resend replaces a PENDING item by a copy under a new id ({@link #RESEND_OF} names
 * the old one), whose insert the stream delivers like any new email.
 */
public final class OutboxStore {
    static final Duration KEEP_SENT = Duration.ofDays(90);
    /** On a resent copy: the id of the item it replaced. Kept when the copy is marked SENT. */
    public static final String RESEND_OF = "resendOf";
    /** What an admin listing reads: never {@code data}, {@code sealedToken} or {@code sealedDetails}. */
    private static final List<String> LISTED = List.of("id", "template", "to", "createdAt", RESEND_OF);

    /** An outbox item and where it stands; {@code resendOf} is null unless an admin resent it. */
    public record Entry(OutboxMessage message, String status, long version, String resendOf) {
        public boolean isPending() { return OutboxItems.PENDING.equals(status); }
    }

    /** A PENDING email as an admin listing shows it: who it goes to and what, not what it says. */
    public record Pending(String id, EmailTemplate template, String to, Instant createdAt, String resendOf) {}

    private final Store store;

    public OutboxStore(Store store) { this.store = store; }

    public Optional<Entry> find(String outboxId) {
        return store.get(Keys.outbox(outboxId)).map(item ->
                new Entry(OutboxItems.from(item), item.string(OutboxItems.STATUS), item.version(), item.string(RESEND_OF)));
    }

    /**
     * Every PENDING outbox item, oldest first. There is no index for this: a paginated Scan reads the
     * whole table (and is billed for it) and keeps the PENDING outbox items. Fine for an admin command run
     * now and then at a clearinghouse's scale; docs/api/notify.md says when a sparse index should replace it.
     * Only the listed attributes are read, so the secrets and the data never leave the table.
     */
    public List<Pending> pending() {
        Expression pendingOutbox = Expression.builder().expression("#entity = :outbox AND #status = :pending")
                .expressionNames(Map.of("#entity", Keys.ENTITY, "#status", OutboxItems.STATUS))
                .expressionValues(Map.of(":outbox", AttributeValue.fromS(OutboxItems.ENTITY),
                        ":pending", AttributeValue.fromS(OutboxItems.PENDING)))
                .build();
        return store.scan(pendingOutbox, LISTED).stream()
                .map(item -> new Pending(item.requiredString("id"), item.enumValue("template", EmailTemplate.class),
                        item.string("to"), item.time("createdAt"), item.string(RESEND_OF)))
                .sorted(Comparator.comparing(Pending::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(Pending::id))
                .toList();
    }

    /**
     * In one transaction: deletes the item while it is still PENDING and at the version read, and creates
     * {@code copy} (a new id) naming it in {@link #RESEND_OF}. False when the item changed or went meanwhile
     * (sent, suppressed, or resent by someone else); then nothing is written.
     */
    public boolean replaceWithCopy(Entry entry, OutboxMessage copy) {
        Expression unchangedAndPending = Expression.builder().expression("#status = :pending AND #version = :version")
                .expressionNames(Map.of("#status", OutboxItems.STATUS, "#version", Keys.VERSION))
                .expressionValues(Map.of(":pending", AttributeValue.fromS(OutboxItems.PENDING),
                        ":version", AttributeValue.fromN(Long.toString(entry.version()))))
                .build();
        EnhancedDocument copyItem = OutboxItems.toItem(copy).toBuilder().putString(RESEND_OF, entry.message().id()).build();
        Transaction transaction = new Transaction()
                .deleteIf(Keys.outbox(entry.message().id()), unchangedAndPending, Failure.WRONG_STATE)
                .create(copyItem);
        return store.commit(transaction) instanceof Outcome.Committed;
    }

    /** False when the item was no longer PENDING (another delivery of the same record got there first). */
    /** {@code subject} is kept so that export-subject can list what a person was sent. */
    public boolean markSent(Entry entry, String sesMessageId, String subject, Instant at) {
        EnhancedDocument item = finished(entry, OutboxItems.SENT, at).toBuilder()
                .putString("sesMessageId", sesMessageId)
                .putString(OutboxItems.SUBJECT, subject)
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
        OutboxMessage withoutSecret = new OutboxMessage(message.id(), message.template(), message.to(), message.language(),
                message.data(), null, message.sealedDetails(), message.createdAt());
        EnhancedDocument.Builder item = OutboxItems.toItem(withoutSecret).toBuilder();
        if (entry.resendOf() != null) item.putString(RESEND_OF, entry.resendOf());
        return item
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
