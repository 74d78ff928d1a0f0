package org.probono.clearinghouse.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.probono.clearinghouse.domain.Failure;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One state change: its items, its audit event and its outbox emails, committed together by
 * {@link Store#commit(Transaction)} as a single TransactWriteItems. Each conditional action says which
 * {@link Failure} its condition failing means, so a rejected commit reports it in domain terms.
 * DynamoDB allows 100 actions and one action per item in a transaction; both are checked here.
 */
public final class Transaction {
    public static final int MAX_ACTIONS = 100;

    sealed interface Action {
        String label();

        Key key();
    }

    record Put(EnhancedDocument item, Expression condition, Failure failure, String label) implements Action {
        public Key key() {
            return keyOf(item);
        }
    }

    record Delete(Key key, Expression condition, Failure failure, String label) implements Action {}

    record Check(Key key, Expression condition, Failure failure, String label) implements Action {}

    /** An unconditional update expression (ADD to running totals); creates the item when absent. */
    record Update(Key key, Expression update, String label) implements Action {}

    private final List<Action> actions = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();

    /** Puts a new item; fails with {@code ifPresent} (usually ALREADY_EXISTS) when one is there. */
    public Transaction create(EnhancedDocument item, Failure ifPresent) {
        return add(new Put(
                item,
                Expression.builder().expression("attribute_not_exists(PK)").build(),
                ifPresent,
                "create " + describe(item)));
    }

    /** Puts a new item that cannot collide (fresh id: an audit event, an outbox email). */
    public Transaction create(EnhancedDocument item) {
        return create(item, Failure.ALREADY_EXISTS);
    }

    /**
     * Replaces an item read earlier at {@code expectedVersion}; the new item carries the next version.
     * Fails with CHANGED_CONCURRENTLY if anyone wrote it since, NOT_FOUND if it is gone.
     */
    public Transaction replace(EnhancedDocument item, long expectedVersion) {
        Expression condition = Expression.builder()
                .expression("attribute_exists(PK) AND #version = :expectedVersion")
                .expressionNames(Map.of("#version", Keys.VERSION))
                .expressionValues(Map.of(":expectedVersion", AttributeValue.fromN(Long.toString(expectedVersion))))
                .build();
        return add(new Put(item, condition, Failure.CHANGED_CONCURRENTLY, "replace " + describe(item)));
    }

    /** Puts an item whatever is there (an idempotent marker, a suppression entry). */
    public Transaction put(EnhancedDocument item) {
        return add(new Put(item, null, null, "put " + describe(item)));
    }

    /** Puts an item under a condition of the caller's. */
    public Transaction putIf(EnhancedDocument item, Expression condition, Failure failure) {
        return add(new Put(item, condition, failure, "put " + describe(item) + " if " + condition.expression()));
    }

    public Transaction delete(Key key) {
        return add(new Delete(key, null, null, "delete " + describe(key)));
    }

    public Transaction deleteIf(Key key, Expression condition, Failure failure) {
        return add(new Delete(key, condition, failure, "delete " + describe(key) + " if " + condition.expression()));
    }

    /** Writes nothing, but fails the whole transaction unless the item meets the condition. */
    public Transaction check(Key key, Expression condition, Failure failure) {
        return add(new Check(key, condition, failure, "check " + describe(key) + " " + condition.expression()));
    }

    /**
     * Applies {@code update} (an UpdateExpression with its names and values) whatever the item holds:
     * running totals are ADDed this way, so two changes counted at once never lose one another's count.
     */
    public Transaction update(Key key, Expression update) {
        return add(new Update(key, update, "update " + describe(key) + " " + update.expression()));
    }

    public boolean isEmpty() {
        return actions.isEmpty();
    }

    public int size() {
        return actions.size();
    }

    List<Action> actions() {
        return List.copyOf(actions);
    }

    private Transaction add(Action action) {
        String key = describe(action.key());
        if (!keys.add(key)) {
            throw new IllegalArgumentException("a transaction may touch " + key + " only once");
        }
        if (actions.size() == MAX_ACTIONS) {
            throw new IllegalArgumentException("a transaction holds at most " + MAX_ACTIONS + " actions");
        }
        actions.add(action);
        return this;
    }

    static Key keyOf(EnhancedDocument item) {
        return Keys.key(item.getString(Keys.PK), item.getString(Keys.SK));
    }

    private static String describe(EnhancedDocument item) {
        return describe(keyOf(item));
    }

    private static String describe(Key key) {
        return key.partitionKeyValue().s() + " | "
                + key.sortKeyValue().map(AttributeValue::s).orElse("");
    }
}
