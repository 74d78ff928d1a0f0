package org.probono.clearinghouse.store;

import java.time.Instant;
import org.probono.clearinghouse.domain.AuditEvent;
import org.probono.clearinghouse.domain.LegalRequest;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/**
 * AuditEvent ⇄ item, under its subject's partition ({@code REQ#id}, {@code ORG#id}, {@code LAWYER#id})
 * with SK {@code EVENT#time#seq}: a subject's history is one query, in order.
 */
public final class AuditItems {
    public static final String ENTITY = "EVENT";

    private AuditItems() {}

    /**
     * {@code event} in the trail of the subject whose partition is {@code subjectPk} ({@code Keys.requestPk},
     * {@code ORG#id}, {@code LAWYER#id}); {@code seq} tells apart its events written in the same transaction.
     */
    public static EnhancedDocument toItem(String subjectPk, AuditEvent event, int seq) {
        return Item.write(ENTITY, Keys.event(subjectPk, event.at(), seq))
                .time("at", event.at())
                .string("status", event.status())
                .string("note", event.note())
                .string("actor", event.actor())
                .build();
    }

    public static EnhancedDocument toItem(String subjectPk, AuditEvent event) {
        return toItem(subjectPk, event, 0);
    }

    /**
     * The audit event of a change to a request: the status {@code written} has, ordered among the request's
     * events by {@code written}'s version (unique per request), so two changes in one instant never collide.
     */
    public static EnhancedDocument ofRequest(LegalRequest written, String note, String actor, Instant at) {
        AuditEvent event = new AuditEvent(at, written.status().name(), note, actor);
        return toItem(Keys.requestPk(written.id()), event, (int) (written.version() % 1000));
    }

    public static AuditEvent from(Item item) {
        return new AuditEvent(item.time("at"), item.string("status"), item.string("note"), item.string("actor"));
    }
}
