package org.probono.clearinghouse.notify.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.Failure;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.domain.Outcome;
import org.probono.clearinghouse.json.Tree;
import org.probono.clearinghouse.notify.app.Outbox;
import org.probono.clearinghouse.notify.app.OutboxImages;
import org.probono.clearinghouse.store.Item;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.OutboxItems;
import org.probono.clearinghouse.store.Store;
import org.probono.clearinghouse.store.Transaction;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The outbox on the table ({@code OUTBOX#id}). Claiming and marking SENT change the one item each, with an
 * UpdateItem under a condition; marking SUPPRESSED (with the team's email) and resending (delete and copy)
 * are transactions. A sent item is kept for {@link #KEEP_SENT}, then TTL removes it.
 */
public final class TableOutbox implements Outbox, OutboxImages {
    static final Duration KEEP_SENT = Duration.ofDays(90);
    /** On a resent copy: the id of the item it replaced. Kept when the copy is marked SENT. */
    public static final String RESEND_OF = "resendOf";
    /** Epoch milliseconds until which one delivery holds the email; absent when none does. */
    static final String CLAIMED_UNTIL = "claimedUntil";
    /** What an admin listing reads: never {@code data}, {@code sealedToken} or {@code sealedDetails}. */
    private static final List<String> LISTED = List.of("id", "template", "to", "createdAt", RESEND_OF);

    private final Store store;

    public TableOutbox(Store store) {
        this.store = store;
    }

    @Override
    public Optional<Entry> find(String outboxId) {
        return store.get(Keys.outbox(outboxId)).map(TableOutbox::entry);
    }

    /** The stream's new image read as the table's item would be. */
    @Override
    public Entry entryOf(Tree newImage) {
        Item item = Item.of(EnhancedDocument.builder()
                .attributeValueMap(StreamImage.attributes(newImage))
                .attributeConverterProviders(AttributeConverterProvider.defaultProvider())
                .build());
        if (!OutboxItems.ENTITY.equals(item.entity())) {
            throw new IllegalArgumentException("the stream image is a " + item.entity() + " item, not an outbox email");
        }
        return entry(item);
    }

    private static Entry entry(Item item) {
        return new Entry(
                OutboxItems.from(item),
                Status.valueOf(item.requiredString(OutboxItems.STATUS)),
                item.version(),
                item.string(RESEND_OF));
    }

    /**
     * Every PENDING outbox item, oldest first. There is no index for this: a paginated Scan reads the
     * whole table (and is billed for it) and keeps the PENDING outbox items. Fine for an admin command run
     * now and then at a clearinghouse's scale; docs/api/notify.md says when a sparse index should replace it.
     * Only the listed attributes are read, so the secrets and the data never leave the table.
     */
    @Override
    public List<Pending> pending() {
        Expression pendingOutbox = Expression.builder()
                .expression("#entity = :outbox AND #status = :pending")
                .expressionNames(Map.of("#entity", Keys.ENTITY, "#status", OutboxItems.STATUS))
                .expressionValues(Map.of(
                        ":outbox",
                        AttributeValue.fromS(OutboxItems.ENTITY),
                        ":pending",
                        AttributeValue.fromS(OutboxItems.PENDING)))
                .build();
        return store.scan(pendingOutbox, LISTED).stream()
                .map(item -> new Pending(
                        item.requiredString("id"),
                        item.enumValue("template", EmailTemplate.class),
                        item.string("to"),
                        item.time("createdAt"),
                        item.string(RESEND_OF)))
                .sorted(Comparator.comparing(Pending::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(Pending::id))
                .toList();
    }

    @Override
    public Claim claim(Entry entry, Instant now, Instant until) {
        Expression claim = Expression.builder()
                .expression("SET #claimedUntil = :until")
                .expressionNames(Map.of("#claimedUntil", CLAIMED_UNTIL))
                .expressionValues(Map.of(":until", millis(until)))
                .build();
        // PENDING: a sent, suppressed or resent (deleted) email is not sent again; unclaimed or lapsed: two
        // deliveries of the same record (a redelivered batch) never send at once, and a crashed one's claim lapses.
        Expression pendingAndFree = Expression.builder()
                .expression("#status = :pending AND (attribute_not_exists(#claimedUntil) OR #claimedUntil <= :now)")
                .expressionNames(Map.of("#status", OutboxItems.STATUS, "#claimedUntil", CLAIMED_UNTIL))
                .expressionValues(Map.of(":pending", AttributeValue.fromS(OutboxItems.PENDING), ":now", millis(now)))
                .build();
        if (store.updateIf(Keys.outbox(entry.message().id()), claim, pendingAndFree, Failure.WRONG_STATE)
                .committed()) {
            return new Claim.Claimed(until);
        }
        // Rare (a redelivered record): one read tells a finished email from one another delivery is sending.
        return store.get(Keys.outbox(entry.message().id()))
                .filter(item -> OutboxItems.PENDING.equals(item.string(OutboxItems.STATUS)))
                .<Claim>map(item -> new Claim.Busy(Instant.ofEpochMilli(item.optionalNumber(CLAIMED_UNTIL)
                        .map(n -> n.longValue())
                        .orElse(0L))))
                .orElse(new Claim.Done());
    }

    @Override
    public void release(Entry entry, Instant claimedUntil) {
        Expression release = Expression.builder()
                .expression("REMOVE #claimedUntil")
                .expressionNames(Map.of("#claimedUntil", CLAIMED_UNTIL))
                .build();
        // Only our own claim: had it lapsed and another delivery claimed the email since, that claim stays.
        Expression ours = Expression.builder()
                .expression("#claimedUntil = :mine")
                .expressionNames(Map.of("#claimedUntil", CLAIMED_UNTIL))
                .expressionValues(Map.of(":mine", millis(claimedUntil)))
                .build();
        store.updateIf(Keys.outbox(entry.message().id()), release, ours, Failure.WRONG_STATE);
    }

    /** {@code subject} is kept so that export-subject can list what a person was sent. */
    @Override
    public Outcome markSent(Entry entry, String sesMessageId, String subject, Instant at) {
        Expression sent = Expression.builder()
                .expression(
                        "SET #status = :sent, #sesMessageId = :sesMessageId, #subject = :subject, #finishedAt = :at,"
                                + " #version = #version + :one, #expiresAt = :expiresAt REMOVE #sealedToken, #claimedUntil")
                .expressionNames(Map.of(
                        "#status",
                        OutboxItems.STATUS,
                        "#sesMessageId",
                        "sesMessageId",
                        "#subject",
                        OutboxItems.SUBJECT,
                        "#finishedAt",
                        "finishedAt",
                        "#version",
                        Keys.VERSION,
                        "#expiresAt",
                        Keys.EXPIRES_AT,
                        "#sealedToken",
                        OutboxItems.SEALED_TOKEN,
                        "#claimedUntil",
                        CLAIMED_UNTIL))
                .expressionValues(Map.of(
                        ":sent",
                        AttributeValue.fromS(OutboxItems.SENT),
                        ":sesMessageId",
                        AttributeValue.fromS(sesMessageId),
                        ":subject",
                        AttributeValue.fromS(subject),
                        ":at",
                        AttributeValue.fromS(at.toString()),
                        ":one",
                        AttributeValue.fromN("1"),
                        ":expiresAt",
                        AttributeValue.fromN(Long.toString(at.plus(KEEP_SENT).getEpochSecond()))))
                .build();
        // Still PENDING: a late delivery (its claim lapsed) must not mark twice, and a resent email's deleted
        // item must not come back as a SENT stub.
        return store.updateIf(Keys.outbox(entry.message().id()), sent, stillPending(), Failure.WRONG_STATE);
    }

    @Override
    public Outcome markSuppressed(Entry entry, Instant at, OutboxMessage toTeam) {
        Transaction transaction = new Transaction()
                .putIf(finished(entry, OutboxItems.SUPPRESSED, at), stillPending(), Failure.WRONG_STATE);
        if (toTeam != null) transaction.create(OutboxItems.toItem(toTeam));
        return store.commit(transaction);
    }

    /**
     * In one transaction: deletes the item while it is still PENDING and at the version read, and creates
     * {@code copy} (a new id) naming it in {@link #RESEND_OF}. Rejected when the item changed or went
     * meanwhile (sent, suppressed, or resent by someone else); then nothing is written.
     */
    @Override
    public Outcome replaceWithCopy(Entry entry, OutboxMessage copy, Instant now) {
        // Unclaimed or lapsed too: a claim does not move the version, and a copy of an email being sent is a second
        // email.
        Expression unchangedAndPending = Expression.builder()
                .expression("#status = :pending AND #version = :version"
                        + " AND (attribute_not_exists(#claimedUntil) OR #claimedUntil <= :now)")
                .expressionNames(
                        Map.of("#status", OutboxItems.STATUS, "#version", Keys.VERSION, "#claimedUntil", CLAIMED_UNTIL))
                .expressionValues(Map.of(
                        ":pending",
                        AttributeValue.fromS(OutboxItems.PENDING),
                        ":version",
                        AttributeValue.fromN(Long.toString(entry.version())),
                        ":now",
                        millis(now)))
                .build();
        EnhancedDocument copyItem = OutboxItems.toItem(copy).toBuilder()
                .putString(RESEND_OF, entry.message().id())
                .build();
        return store.commit(new Transaction()
                .deleteIf(Keys.outbox(entry.message().id()), unchangedAndPending, Failure.WRONG_STATE)
                .create(copyItem));
    }

    @Override
    public Outcome enqueue(OutboxMessage message) {
        return store.commit(new Transaction().create(OutboxItems.toItem(message)));
    }

    private static EnhancedDocument finished(Entry entry, String status, Instant at) {
        OutboxMessage message = entry.message();
        OutboxMessage withoutSecret = new OutboxMessage(
                message.id(),
                message.template(),
                message.to(),
                message.language(),
                message.data(),
                null,
                message.sealedDetails(),
                message.createdAt());
        EnhancedDocument.Builder item = OutboxItems.toItem(withoutSecret).toBuilder();
        if (entry.resendOf() != null) item.putString(RESEND_OF, entry.resendOf());
        return item.putString(OutboxItems.STATUS, status)
                .putString("finishedAt", at.toString())
                .putNumber(Keys.VERSION, entry.version() + 1)
                .putNumber(Keys.EXPIRES_AT, at.plus(KEEP_SENT).getEpochSecond())
                .build();
    }

    private static Expression stillPending() {
        return Expression.builder()
                .expression("#status = :pending")
                .expressionNames(Map.of("#status", OutboxItems.STATUS))
                .expressionValues(Map.of(":pending", AttributeValue.fromS(OutboxItems.PENDING)))
                .build();
    }

    private static AttributeValue millis(Instant at) {
        return AttributeValue.fromN(Long.toString(at.toEpochMilli()));
    }

    /** For tests and tools: the raw item. */
    public Optional<Item> raw(String outboxId) {
        return store.getIncludingExpired(Keys.outbox(outboxId));
    }
}
