package org.probono.clearinghouse.store;

import org.probono.clearinghouse.domain.AuditEvent;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/**
 * AuditEvent ⇄ item, under its subject's partition ({@code REQ#id}, {@code ORG#id}, {@code LAWYER#id})
 * with SK {@code EVENT#time#seq}: a subject's history is one query, in order.
 */
public final class AuditItems {
    public static final String ENTITY = "EVENT";

    private AuditItems() {}

    /** {@code seq} tells apart events of one subject written in the same transaction. */
    public static EnhancedDocument toItem(AuditEvent event, int seq) {
        return Item.write(ENTITY, Keys.event(event.subjectKey(), event.at(), seq))
                .time("at", event.at())
                .string("status", event.status())
                .string("note", event.note())
                .string("actor", event.actor())
                .build();
    }

    public static EnhancedDocument toItem(AuditEvent event) { return toItem(event, 0); }

    public static AuditEvent from(Item item) {
        return new AuditEvent(item.requiredString(Keys.PK), item.time("at"), item.string("status"),
                item.string("note"), item.string("actor"));
    }
}
