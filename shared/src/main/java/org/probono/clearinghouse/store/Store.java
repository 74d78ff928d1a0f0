package org.probono.clearinghouse.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.probono.clearinghouse.domain.Failure;
import org.probono.clearinghouse.domain.Outcome;
import org.probono.clearinghouse.store.Transaction.Action;
import org.probono.clearinghouse.store.Transaction.Check;
import org.probono.clearinghouse.store.Transaction.Delete;
import org.probono.clearinghouse.store.Transaction.Put;
import org.probono.clearinghouse.store.Transaction.Update;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;
import software.amazon.awssdk.enhanced.dynamodb.model.ScanEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The single table, through the Enhanced Client. One document schema, built once, serves every item
 * type (docs/data-model.md says why); typed mappers turn items into domain records.
 */
public final class Store {
    /** Key attributes of the table and both indexes; no reflection, built once per container. */
    public static final TableSchema<EnhancedDocument> SCHEMA = TableSchema.documentSchemaBuilder()
            .addIndexPartitionKey(TableMetadata.primaryIndexName(), Keys.PK, AttributeValueType.S)
            .addIndexSortKey(TableMetadata.primaryIndexName(), Keys.SK, AttributeValueType.S)
            .addIndexPartitionKey(Keys.GSI1, Keys.GSI1PK, AttributeValueType.S)
            .addIndexSortKey(Keys.GSI1, Keys.GSI1SK, AttributeValueType.S)
            .addIndexPartitionKey(Keys.GSI2, Keys.GSI2PK, AttributeValueType.S)
            .addIndexSortKey(Keys.GSI2, Keys.GSI2SK, AttributeValueType.S)
            .attributeConverterProviders(AttributeConverterProvider.defaultProvider())
            .build();

    private final DynamoDbClient dynamoDb;
    private final DynamoDbEnhancedClient enhanced;
    private final DynamoDbTable<EnhancedDocument> table;
    private final Clock clock;

    public Store(DynamoDbClient dynamoDb, String tableName, Clock clock) {
        this.dynamoDb = dynamoDb;
        // No extensions: the default ones (versioned records, atomic counters) act before an Enhanced Client write,
        // and there is none: every write goes through the low-level client (commit, updateIf, put) with its own
        // conditions, and the Enhanced Client only reads.
        this.enhanced = DynamoDbEnhancedClient.builder()
                .dynamoDbClient(dynamoDb)
                .extensions()
                .build();
        this.table = enhanced.table(tableName, SCHEMA);
        this.clock = clock;
    }

    /** A strongly consistent read: what a state change is decided on. Expired items are absent. */
    public Optional<Item> get(Key key) {
        EnhancedDocument document = table.getItem(
                GetItemEnhancedRequest.builder().key(key).consistentRead(true).build());
        return Optional.ofNullable(document).map(Item::of).filter(item -> !item.isExpired(clock.instant()));
    }

    /** Items of one partition of the table whose sort key starts with {@code skPrefix}, in key order. */
    public List<Item> partition(String pk, String skPrefix) {
        QueryEnhancedRequest request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBeginsWith(
                        k -> k.partitionValue(pk).sortValue(skPrefix)))
                .consistentRead(true)
                .build();
        List<Item> items = new ArrayList<>();
        table.query(request).items().forEach(document -> keep(items, document));
        return items;
    }

    /**
     * Every item of one partition of the table, eventually consistent (half the read units of
     * {@link #partition}): for reports, which read many partitions and decide nothing on them.
     */
    public List<Item> wholePartition(String pk) {
        QueryEnhancedRequest request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(pk)))
                .build();
        List<Item> items = new ArrayList<>();
        table.query(request).items().forEach(document -> keep(items, document));
        return items;
    }

    /**
     * Items of one partition of a secondary index ({@link Keys#GSI1} or {@link Keys#GSI2}), ascending or
     * descending by its sort key, at most {@code limit} of them (0: all).
     */
    public List<Item> index(String indexName, String pk, boolean ascending, int limit) {
        return index(indexName, QueryConditional.keyEqualTo(k -> k.partitionValue(pk)), ascending, limit);
    }

    /** As {@link #index(String, String, boolean, int)}, limited to sort keys up to {@code skAtMost}. */
    public List<Item> indexUpTo(String indexName, String pk, String skAtMost, int limit) {
        return index(
                indexName,
                QueryConditional.sortLessThanOrEqualTo(k -> k.partitionValue(pk).sortValue(skAtMost)),
                true,
                limit);
    }

    private List<Item> index(String indexName, QueryConditional condition, boolean ascending, int limit) {
        DynamoDbIndex<EnhancedDocument> index = table.index(indexName);
        QueryEnhancedRequest.Builder request =
                QueryEnhancedRequest.builder().queryConditional(condition).scanIndexForward(ascending);
        if (limit > 0) request.limit(limit);
        List<Item> items = new ArrayList<>();
        for (Page<EnhancedDocument> page : index.query(request.build())) {
            for (EnhancedDocument document : page.items()) {
                keep(items, document);
                if (limit > 0 && items.size() == limit) return items;
            }
        }
        return items;
    }

    /** One page of an index partition: its items, and whether more follow the last of them. */
    public record IndexPage(List<Item> items, boolean more) {}

    /**
     * Up to {@code size} items of an index partition, newest first by its sort key, starting after
     * {@code after} (the index and table key attributes of the last item of the previous page; empty for
     * the first). One more item is read than shown, so {@code more} is never a promise of an empty page.
     */
    public IndexPage indexPage(String indexName, String pk, int size, Map<String, AttributeValue> after) {
        QueryEnhancedRequest.Builder request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(pk)))
                .scanIndexForward(false)
                .limit(size + 1);
        if (!after.isEmpty()) request.exclusiveStartKey(after);
        List<Item> items = new ArrayList<>();
        for (Page<EnhancedDocument> page : table.index(indexName).query(request.build())) {
            for (EnhancedDocument document : page.items()) {
                keep(items, document);
                if (items.size() > size) return new IndexPage(items.subList(0, size), true);
            }
        }
        return new IndexPage(items, false);
    }

    /**
     * The items at {@code keys} that exist, in no particular order: BatchGetItem, 100 keys a call,
     * eventually consistent (half the read units of {@link #get}); what DynamoDB leaves unprocessed is asked
     * again by the Enhanced Client's paging.
     */
    public List<Item> getAll(List<Key> keys) {
        List<Item> items = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += 100) {
            ReadBatch.Builder<EnhancedDocument> batch =
                    ReadBatch.builder(EnhancedDocument.class).mappedTableResource(table);
            keys.subList(from, Math.min(keys.size(), from + 100)).forEach(batch::addGetItem);
            enhanced.batchGetItem(r -> r.readBatches(batch.build()))
                    .resultsForTable(table)
                    .forEach(document -> keep(items, document));
        }
        return items;
    }

    /**
     * Every item of the table that matches {@code filter}, with only the {@code attributes} asked for (plus
     * {@code expiresAt}, so expired items are still dropped), page after page. A Scan reads, and is billed
     * for, the whole table whatever the filter keeps: for occasional admin commands only, never a request
     * path; a pattern used often deserves a sparse index instead.
     */
    public List<Item> scan(Expression filter, List<String> attributes) {
        List<String> projected = new ArrayList<>(attributes);
        if (!projected.contains(Keys.EXPIRES_AT)) projected.add(Keys.EXPIRES_AT);
        ScanEnhancedRequest request = ScanEnhancedRequest.builder()
                .filterExpression(filter)
                .attributesToProject(projected)
                .build();
        List<Item> items = new ArrayList<>();
        table.scan(request).items().forEach(document -> keep(items, document));
        return items;
    }

    /**
     * Every item of the table, whole, expired ones included (TTL may not have removed them yet), page after
     * page: for the occasional command that must find all of one person's data wherever it sits
     * (export-subject, erase-subject). Reads and bills the whole table; never a request path.
     */
    public List<Item> scan() {
        List<Item> items = new ArrayList<>();
        table.scan(ScanEnhancedRequest.builder().consistentRead(true).build())
                .items()
                .forEach(document -> items.add(Item.of(document)));
        return items;
    }

    private void keep(List<Item> items, EnhancedDocument document) {
        Item item = Item.of(document);
        if (!item.isExpired(clock.instant())) items.add(item);
    }

    /**
     * Commits the transaction: everything or nothing. A failed condition comes back as
     * {@link Outcome.Rejected} naming the first failing action; a conflict with a transaction in flight as
     * CHANGED_CONCURRENTLY. Any other cancellation (a validation error, throttling past the SDK's retries) is
     * an error, not an outcome. The ClientRequestToken makes the SDK's own resend of a lost answer idempotent.
     */
    public Outcome commit(Transaction transaction) {
        if (transaction.isEmpty()) throw new IllegalArgumentException("an empty transaction changes nothing");
        List<Action> actions = transaction.actions();
        try {
            dynamoDb.transactWriteItems(toRequest(actions, UUID.randomUUID().toString()));
            return new Outcome.Committed();
        } catch (TransactionCanceledException e) {
            Optional<Outcome.Rejected> rejected = conditionFailure(actions, e.cancellationReasons());
            if (rejected.isPresent()) return rejected.get();
            if (!onlyConflicts(e.cancellationReasons())) throw e;
            // Past the SDK's own retries of a conflict (AwsClients.dynamoDb): the use case re-reads and decides again.
            return new Outcome.Rejected(Failure.CHANGED_CONCURRENTLY, "transaction conflict");
        }
    }

    /** Whether every cancelled action was cancelled by a conflicting transaction (or not at all). */
    private static boolean onlyConflicts(List<CancellationReason> reasons) {
        return reasons.stream()
                .map(CancellationReason::code)
                .allMatch(code -> code == null || "None".equals(code) || "TransactionConflict".equals(code));
    }

    private static Optional<Outcome.Rejected> conditionFailure(List<Action> actions, List<CancellationReason> reasons) {
        for (int i = 0; i < reasons.size() && i < actions.size(); i++) {
            if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
                Action action = actions.get(i);
                return Optional.of(new Outcome.Rejected(failureOf(action), action.label()));
            }
        }
        return Optional.empty();
    }

    private static Failure failureOf(Action action) {
        Failure failure = switch (action) {
            case Put put -> put.failure();
            case Delete delete -> delete.failure();
            case Check check -> check.failure();
            case Update update -> null;
        };
        return failure == null ? Failure.CHANGED_CONCURRENTLY : failure;
    }

    /**
     * The low-level request: the Enhanced Client's transactions cannot carry an update expression (ADD),
     * which running totals need; documents and expressions map one to one onto it.
     */
    private TransactWriteItemsRequest toRequest(List<Action> actions, String clientRequestToken) {
        List<TransactWriteItem> items = new ArrayList<>();
        for (Action action : actions) {
            items.add(
                    switch (action) {
                        case Put put ->
                            TransactWriteItem.builder()
                                    .put(p -> {
                                        p.tableName(tableName()).item(put.item().toMap());
                                        if (put.condition() != null) {
                                            p.conditionExpression(
                                                            put.condition().expression())
                                                    .expressionAttributeNames(names(put.condition()))
                                                    .expressionAttributeValues(values(put.condition()));
                                        }
                                    })
                                    .build();
                        case Delete delete ->
                            TransactWriteItem.builder()
                                    .delete(d -> {
                                        d.tableName(tableName()).key(keyMap(delete.key()));
                                        if (delete.condition() != null) {
                                            d.conditionExpression(
                                                            delete.condition().expression())
                                                    .expressionAttributeNames(names(delete.condition()))
                                                    .expressionAttributeValues(values(delete.condition()));
                                        }
                                    })
                                    .build();
                        case Check check ->
                            TransactWriteItem.builder()
                                    .conditionCheck(c -> c.tableName(tableName())
                                            .key(keyMap(check.key()))
                                            .conditionExpression(
                                                    check.condition().expression())
                                            .expressionAttributeNames(names(check.condition()))
                                            .expressionAttributeValues(values(check.condition())))
                                    .build();
                        case Update update ->
                            TransactWriteItem.builder()
                                    .update(u -> u.tableName(tableName())
                                            .key(keyMap(update.key()))
                                            .updateExpression(update.update().expression())
                                            .expressionAttributeNames(names(update.update()))
                                            .expressionAttributeValues(values(update.update())))
                                    .build();
                    });
        }
        return TransactWriteItemsRequest.builder()
                .transactItems(items)
                .clientRequestToken(clientRequestToken)
                .build();
    }

    /** Absent rather than empty: DynamoDB refuses an empty map of names or values. */
    private static Map<String, String> names(Expression expression) {
        Map<String, String> names = expression.expressionNames();
        return names == null || names.isEmpty() ? null : names;
    }

    private static Map<String, AttributeValue> values(Expression expression) {
        Map<String, AttributeValue> values = expression.expressionValues();
        return values == null || values.isEmpty() ? null : values;
    }

    private static Map<String, AttributeValue> keyMap(Key key) {
        return Map.of(
                Keys.PK, key.partitionKeyValue(), Keys.SK, key.sortKeyValue().orElseThrow());
    }

    /**
     * One item written alone (PutItem, no transaction): for a change that touches that item only and
     * whatever is there may be replaced (a suppression entry refreshed by a later bounce).
     */
    public void put(EnhancedDocument item) {
        dynamoDb.putItem(p -> p.tableName(tableName()).item(item.toMap()));
    }

    /**
     * One item changed alone under a condition (UpdateItem, no transaction: half the write units, one
     * action): {@code update} is the update expression with its names and values, {@code condition} the
     * condition with its own. Rejected with {@code failure} when the condition fails; nothing is written then.
     */
    public Outcome updateIf(Key key, Expression update, Expression condition, Failure failure) {
        Map<String, String> names = new java.util.HashMap<>();
        Map<String, AttributeValue> values = new java.util.HashMap<>();
        for (Expression expression : List.of(update, condition)) {
            if (expression.expressionNames() != null) names.putAll(expression.expressionNames());
            if (expression.expressionValues() != null) values.putAll(expression.expressionValues());
        }
        try {
            dynamoDb.updateItem(u -> u.tableName(tableName())
                    .key(keyMap(key))
                    .updateExpression(update.expression())
                    .conditionExpression(condition.expression())
                    .expressionAttributeNames(names.isEmpty() ? null : names)
                    .expressionAttributeValues(values.isEmpty() ? null : values));
            return new Outcome.Committed();
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException e) {
            return new Outcome.Rejected(
                    failure, "update " + key.partitionKeyValue().s() + " if " + condition.expression());
        }
    }

    /** The table name, for logs and tests. */
    public String tableName() {
        return table.tableName();
    }

    /** Reads an item whatever its expiry; for tests and the admin tools that show raw state. */
    public Optional<Item> getIncludingExpired(Key key) {
        return Optional.ofNullable(table.getItem(GetItemEnhancedRequest.builder()
                        .key(key)
                        .consistentRead(true)
                        .build()))
                .map(Item::of);
    }
}
