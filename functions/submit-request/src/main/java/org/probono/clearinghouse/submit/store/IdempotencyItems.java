package org.probono.clearinghouse.submit.store;

import org.probono.clearinghouse.store.Item;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.submit.app.IdempotencyRecord;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/** IdempotencyRecord ⇄ item ({@code IDEMP#orgId#key}); {@code expiresAt} is also the table's TTL attribute. */
final class IdempotencyItems {
    static final String ENTITY = "IDEMPOTENCY";

    private IdempotencyItems() {}

    static EnhancedDocument toItem(IdempotencyRecord record) {
        return Item.write(ENTITY, Keys.idempotency(record.organisationId(), record.key()))
                .string("organisationId", record.organisationId())
                .string("idempotencyKey", record.key())
                .string("fingerprint", record.fingerprint())
                .string("requestId", record.requestId())
                .number("responseStatus", record.status())
                .string("responseBody", record.responseBody())
                .time("createdAt", record.createdAt())
                .expiresAt(record.expiresAt())
                .build();
    }

    static IdempotencyRecord from(Item item) {
        return new IdempotencyRecord(
                item.string("organisationId"),
                item.string("idempotencyKey"),
                item.string("fingerprint"),
                item.string("requestId"),
                (int) item.number("responseStatus"),
                item.string("responseBody"),
                item.time("createdAt"),
                item.optionalNumber(Keys.EXPIRES_AT)
                        .map(n -> java.time.Instant.ofEpochSecond(n.longValue()))
                        .orElse(null));
    }
}
