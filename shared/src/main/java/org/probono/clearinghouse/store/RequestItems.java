package org.probono.clearinghouse.store;

import org.probono.clearinghouse.domain.Category;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.RequestStatus;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/**
 * LegalRequest ⇄ item. Always in the organisation's list (GSI1 {@code ORG#orgId}, newest first by
 * {@code REQ#createdAt}); in the open queue (GSI2 {@code QUEUE#OPEN}) only while open.
 */
public final class RequestItems {
    public static final String ENTITY = "REQUEST";

    private RequestItems() {}

    public static EnhancedDocument toItem(LegalRequest request) {
        Item.Writer item = Item.write(ENTITY, Keys.request(request.id()))
                .string("id", request.id())
                .string("organisationId", request.organisationId())
                .string("organisationName", request.organisationName())
                .enumValue("status", request.status())
                .enumValue("category", request.category())
                .string("title", request.title())
                .string("summary", request.summary())
                .string("sealedDetails", request.sealedDetails())
                .string("jurisdiction", request.jurisdiction())
                .string("language", request.language())
                .time("deadline", request.deadline())
                .strings("counterparties", request.counterparties())
                .time("createdAt", request.createdAt())
                .string("lawyerId", request.lawyerId())
                .version(request.version())
                .gsi1(Keys.organisationRequestsPk(request.organisationId()), Keys.organisationRequestsSk(request.createdAt()));
        if (request.status().isOpen()) {
            item.gsi2(Keys.QUEUE_OPEN, Keys.queueSk(request.deadline(), request.createdAt(), request.id()));
        }
        return item.build();
    }

    public static LegalRequest from(Item item) {
        return new LegalRequest(
                item.requiredString("id"),
                item.string("organisationId"),
                item.string("organisationName"),
                item.enumValue("status", RequestStatus.class),
                item.enumValue("category", Category.class),
                item.string("title"),
                item.string("summary"),
                item.string("sealedDetails"),
                item.string("jurisdiction"),
                item.string("language"),
                item.time("deadline"),
                item.strings("counterparties"),
                item.time("createdAt"),
                item.string("lawyerId"),
                item.version());
    }
}
