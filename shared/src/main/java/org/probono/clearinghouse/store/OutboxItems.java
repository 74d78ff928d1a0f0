package org.probono.clearinghouse.store;

import java.util.Map;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.Language;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.json.Json;
import org.probono.clearinghouse.json.Tree;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/**
 * OutboxMessage ⇄ item ({@code OUTBOX#id}). Written PENDING by a state change; the stream's filter
 * passes only inserts of this entity to NotifyFunction, which marks it SENT (or SUPPRESSED) under a
 * condition so a retried batch sends nothing twice.
 */
public final class OutboxItems {
    public static final String ENTITY = "OUTBOX";
    public static final String STATUS = "status";
    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";
    public static final String SUPPRESSED = "SUPPRESSED";
    /** The subject line as sent (SENT items only). */
    public static final String SUBJECT = "subject";
    /** The email's secret, KMS-sealed to the item's id; never a raw token at rest. */
    public static final String SEALED_TOKEN = "sealedToken";

    private OutboxItems() {}

    public static EnhancedDocument toItem(OutboxMessage message) {
        return Item.write(ENTITY, Keys.outbox(message.id()))
                .string("id", message.id())
                .enumValue("template", message.template())
                .string("to", message.to())
                .string("language", message.language().code())
                .json("data", Json.write(message.data()))
                .string(SEALED_TOKEN, message.sealedToken())
                .string("sealedDetails", message.sealedDetails())
                .time("createdAt", message.createdAt())
                .string(STATUS, PENDING)
                .version(1)
                .build();
    }

    public static OutboxMessage from(Item item) {
        String data = item.json("data");
        return new OutboxMessage(
                item.requiredString("id"),
                item.enumValue("template", EmailTemplate.class),
                item.string("to"),
                Language.ofStored(item.string("language")),
                data == null ? Map.of() : fields(Json.tree(data)),
                item.string(SEALED_TOKEN),
                item.string("sealedDetails"),
                item.time("createdAt"));
    }

    /** The template's data as written: an object, read back as maps, lists, strings, numbers and booleans. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> fields(Tree data) {
        return data.value() instanceof Map<?, ?> fields ? (Map<String, Object>) fields : Map.of();
    }
}
