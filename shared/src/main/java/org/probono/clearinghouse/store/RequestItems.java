package org.probono.clearinghouse.store;

import org.probono.clearinghouse.domain.Category;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.RequestStatus;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * LegalRequest ⇄ item. Always in the organisation's list (GSI1 {@code ORG#orgId}, newest first by
 * {@code REQ#createdAt}); in the open queue (GSI2 {@code QUEUE#OPEN}) only while open; once ended with
 * confidential details, in GSI2 {@code DETAILS#RETAINED} by end time, until the retention rule destroys them.
 */
public final class RequestItems {
    public static final String ENTITY = "REQUEST";
    public static final String SEALED_DETAILS = "sealedDetails";

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
                .string(SEALED_DETAILS, request.sealedDetails())
                .string("jurisdiction", request.jurisdiction())
                .string("language", request.language())
                .time("deadline", request.deadline())
                .strings("counterparties", request.counterparties())
                .time("createdAt", request.createdAt())
                .string("lawyerId", request.lawyerId())
                .time("endedAt", request.endedAt())
                .version(request.version())
                .string(
                        "outcome",
                        request.completion() == null
                                ? null
                                : request.completion().outcome())
                .string(
                        "feedbackComment",
                        request.feedback() == null ? null : request.feedback().comment())
                .time(
                        "feedbackAt",
                        request.feedback() == null ? null : request.feedback().at())
                .gsi1(
                        Keys.organisationRequestsPk(request.organisationId()),
                        Keys.organisationRequestsSk(request.createdAt()));
        if (request.completion() != null)
            item.decimal("hoursSpent", request.completion().hoursSpent());
        if (request.feedback() != null)
            item.number("feedbackRating", request.feedback().rating());
        if (request.status().isOpen()) {
            item.gsi2(Keys.QUEUE_OPEN, Keys.queueSk(request.deadline(), request.createdAt(), request.id()));
        } else if (request.hasConfidentialDetails() && request.endedAt() != null) {
            item.gsi2(Keys.DETAILS_RETAINED, Keys.retainedDetailsSk(request.endedAt(), request.id()));
        }
        return item.build();
    }

    /**
     * The stored request as it is, everything kept (an outcome, hours, feedback) except its sealed confidential
     * details and their retention-index entry, one version on: for the retention rule and erasure.
     */
    public static EnhancedDocument withoutDetails(Item item) {
        java.util.Map<String, AttributeValue> attributes =
                new java.util.HashMap<>(item.document().toMap());
        attributes.remove(SEALED_DETAILS);
        if (Keys.DETAILS_RETAINED.equals(item.string(Keys.GSI2PK))) {
            attributes.remove(Keys.GSI2PK);
            attributes.remove(Keys.GSI2SK);
        }
        attributes.put(Keys.VERSION, AttributeValue.fromN(Long.toString(item.version() + 1)));
        return EnhancedDocument.fromAttributeValueMap(attributes);
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
                item.string(SEALED_DETAILS),
                item.string("jurisdiction"),
                item.string("language"),
                item.time("deadline"),
                item.strings("counterparties"),
                item.time("createdAt"),
                item.string("lawyerId"),
                item.time("endedAt"),
                item.version(),
                item.string("outcome") == null
                        ? null
                        : new LegalRequest.Completion(item.string("outcome"), item.decimal("hoursSpent")),
                item.optionalNumber("feedbackRating").isEmpty()
                        ? null
                        : new LegalRequest.Feedback(
                                (int) item.number("feedbackRating"),
                                item.string("feedbackComment"),
                                item.time("feedbackAt")));
    }
}
