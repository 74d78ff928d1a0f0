package org.probono.clearinghouse.store;

import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * Every key of the single table, in one place. docs/data-model.md lists the same access patterns.
 * Times inside keys are ISO-8601 UTC strings, which sort as they read.
 */
public final class Keys {
    private Keys() {}

    public static final String PK = "PK";
    public static final String SK = "SK";
    public static final String GSI1 = "GSI1";
    public static final String GSI1PK = "GSI1PK";
    public static final String GSI1SK = "GSI1SK";
    public static final String GSI2 = "GSI2";
    public static final String GSI2PK = "GSI2PK";
    public static final String GSI2SK = "GSI2SK";
    public static final String ENTITY = "entity";
    public static final String EXPIRES_AT = "expiresAt";
    public static final String VERSION = "version";

    public static final String REVIEW_PENDING = "REVIEW#PENDING";
    public static final String QUEUE_OPEN = "QUEUE#OPEN";
    public static final String OFFERS_PENDING = "OFFERS#PENDING";
    public static final String REQUEST_SK = "REQ";
    public static final String OFFER_PREFIX = "OFFER#";
    public static final String EVENT_PREFIX = "EVENT#";

    /** A deadline-less request sorts after every dated one in the queue. */
    public static final String NO_DEADLINE = "9999-12-31T23:59:59Z";

    public static Key key(String pk, String sk) {
        return Key.builder().partitionValue(pk).sortValue(sk).build();
    }

    public static Key organisation(String id) { return key("ORG#" + id, "ORG"); }

    public static Key lawyer(String id) { return key("LAWYER#" + id, "LAWYER"); }

    public static Key email(String normalisedEmail) { return key("EMAIL#" + normalisedEmail, "EMAIL"); }

    public static Key request(String id) { return key(requestPk(id), REQUEST_SK); }

    public static String requestPk(String id) { return "REQ#" + id; }

    public static Key offer(String requestId, String lawyerId) {
        return key(requestPk(requestId), OFFER_PREFIX + lawyerId);
    }

    public static Key event(String subjectPk, Instant at, int seq) {
        return key(subjectPk, eventSk(at, seq));
    }

    public static String eventSk(Instant at, int seq) {
        return EVENT_PREFIX + at + "#" + String.format("%03d", seq);
    }

    public static Key token(String tokenHash) { return key("TOKEN#" + tokenHash, "TOKEN"); }

    public static Key outbox(String id) { return key("OUTBOX#" + id, "OUTBOX"); }

    public static Key idempotency(String organisationId, String idempotencyKey) {
        return key("IDEMP#" + organisationId + "#" + idempotencyKey, "IDEMP");
    }

    public static Key suppression(String email) { return key("SUPPRESS#" + email, "SUPPRESS"); }

    public static Key inbound(String messageId) { return key("INBOUND#" + messageId, "INBOUND"); }

    /** One item per (lawyer, practice area), written when the lawyer is approved: the matching index. */
    public static Key practiceArea(String lawyerId, String area) { return key("LAWYER#" + lawyerId, "AREA#" + area); }

    public static String areaIndexPk(String area) { return "AREA#" + area; }

    public static String organisationRequestsPk(String organisationId) { return "ORG#" + organisationId; }

    public static String queueSk(Instant deadline, Instant createdAt, String requestId) {
        return (deadline == null ? NO_DEADLINE : deadline.toString()) + "#" + createdAt + "#" + requestId;
    }

    public static String pendingOfferSk(Instant respondBy, String requestId, String lawyerId) {
        return respondBy + "#" + requestId + "#" + lawyerId;
    }
}
