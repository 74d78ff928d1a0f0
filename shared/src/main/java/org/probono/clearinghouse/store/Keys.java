package org.probono.clearinghouse.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * Every key of the single table, in one place. docs/data-model.md lists the same access patterns.
 * Times inside keys are fixed-width ISO-8601 UTC strings with milliseconds ({@link #sortable(Instant)}),
 * which sort as they read: {@code Instant.toString()} would not ("...05Z" sorts after "...05.678Z").
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
    /** Ended requests still holding sealed confidential details, oldest end first (the retention rule). */
    public static final String DETAILS_RETAINED = "DETAILS#RETAINED";

    public static final String REQUEST_SK = "REQ";
    public static final String OFFER_PREFIX = "OFFER#";
    public static final String EVENT_PREFIX = "EVENT#";

    /** A deadline-less request sorts after every dated one in the queue. */
    public static final String NO_DEADLINE = "9999-12-31T23:59:59.999Z";

    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** A time as it appears inside a key: always the same width, so keys sort in time order. */
    public static String sortable(Instant at) {
        return SORTABLE.format(at);
    }

    public static Key key(String pk, String sk) {
        return Key.builder().partitionValue(pk).sortValue(sk).build();
    }

    public static final String OUTBOX_PREFIX = "OUTBOX#";

    /** The partition of an organisation: its item and its audit trail. */
    public static String organisationPk(String id) {
        return "ORG#" + id;
    }

    /** The partition of a lawyer: its item, its statistics, its practice areas and its audit trail. */
    public static String lawyerPk(String id) {
        return "LAWYER#" + id;
    }

    public static Key organisation(String id) {
        return key(organisationPk(id), "ORG");
    }

    public static Key lawyer(String id) {
        return key(lawyerPk(id), "LAWYER");
    }

    /**
     * A lawyer's answer statistics, beside the lawyer item: the sort-key prefix {@link #LAWYER_PROFILE_PREFIX}
     * reads both in one query, and not the practice-area items.
     */
    public static Key lawyerStats(String id) {
        return key(lawyerPk(id), "LAWYER#STATS");
    }

    public static final String LAWYER_PROFILE_PREFIX = "LAWYER";

    /** Consent to one version of the privacy notice, in the profile's partition. */
    public static Key consent(String subjectPk, String noticeVersion) {
        return key(subjectPk, CONSENT_PREFIX + noticeVersion);
    }

    public static final String CONSENT_PREFIX = "CONSENT#";

    public static Key email(String normalisedEmail) {
        return key("EMAIL#" + normalisedEmail, "EMAIL");
    }

    public static Key request(String id) {
        return key(requestPk(id), REQUEST_SK);
    }

    public static String requestPk(String id) {
        return "REQ#" + id;
    }

    public static Key offer(String requestId, String lawyerId) {
        return key(requestPk(requestId), OFFER_PREFIX + lawyerId);
    }

    public static Key event(String subjectPk, Instant at, int seq) {
        return key(subjectPk, eventSk(at, seq));
    }

    /**
     * {@code seq} orders the events of one transaction; a random tail keeps two transactions on one
     * subject in the same millisecond (concurrent, or under a test's fixed clock) from colliding.
     */
    public static String eventSk(Instant at, int seq) {
        return EVENT_PREFIX + sortable(at) + "#" + String.format("%03d", seq) + "#"
                + String.format("%04x", ThreadLocalRandom.current().nextInt(1 << 16));
    }

    public static Key token(String tokenHash) {
        return key("TOKEN#" + tokenHash, "TOKEN");
    }

    public static Key outbox(String id) {
        return key(OUTBOX_PREFIX + id, "OUTBOX");
    }

    public static Key idempotency(String organisationId, String idempotencyKey) {
        return key("IDEMP#" + organisationId + "#" + idempotencyKey, "IDEMP");
    }

    public static Key suppression(String email) {
        return key("SUPPRESS#" + email, "SUPPRESS");
    }

    /** By the hash of the Message-ID: the sender writes that header, and a key has a size limit. */
    public static Key inbound(String messageId) {
        return key("INBOUND#" + org.probono.clearinghouse.ids.Secrets.hash(messageId), "INBOUND");
    }

    /** One item per (lawyer, practice area), written when the lawyer is approved: the matching index. */
    public static Key practiceArea(String lawyerId, String area) {
        return key(lawyerPk(lawyerId), "AREA#" + area);
    }

    public static String areaIndexPk(String area) {
        return "AREA#" + area;
    }

    public static String organisationRequestsPk(String organisationId) {
        return organisationPk(organisationId);
    }

    /** GSI1 partition of an organisation's access tokens (sort key: the hash), so they can be reissued. */
    public static String organisationTokensPk(String organisationId) {
        return "ORGTOKENS#" + organisationId;
    }

    public static String organisationRequestsSk(Instant createdAt) {
        return "REQ#" + sortable(createdAt);
    }

    /** The review index's sort key: oldest registration first. */
    public static String reviewSk(Instant createdAt, String id) {
        return sortable(createdAt) + "#" + id;
    }

    public static String queueSk(Instant deadline, Instant createdAt, String requestId) {
        return (deadline == null ? NO_DEADLINE : sortable(deadline)) + "#" + sortable(createdAt) + "#" + requestId;
    }

    /**
     * The impact report's partition of one day (in the deployment's time zone): running totals of the
     * requests created that day, and one timings row per request. See docs/data-model.md.
     */
    public static String impactDayPk(java.time.LocalDate day) {
        return "IMPACT#" + day;
    }

    public static final String IMPACT_TOTAL = "TOTAL";
    public static final String IMPACT_CATEGORY_PREFIX = "CATEGORY#";
    public static final String IMPACT_JURISDICTION_PREFIX = "JURISDICTION#";
    public static final String IMPACT_LAWYER_PREFIX = "LAWYER#";
    public static final String IMPACT_ORGANISATION_PREFIX = "ORG#";
    public static final String IMPACT_REQUEST_PREFIX = "REQ#";

    public static Key impact(java.time.LocalDate day, String sk) {
        return key(impactDayPk(day), sk);
    }

    /** A pending offer in the queue's partition: after every request ('~' sorts after any date). */
    public static String queueOfferSk(String requestId, String lawyerId) {
        return "~OFFER#" + requestId + "#" + lawyerId;
    }

    public static String retainedDetailsSk(Instant endedAt, String requestId) {
        return sortable(endedAt) + "#" + requestId;
    }

    public static String pendingOfferSk(Instant respondBy, String requestId, String lawyerId) {
        return sortable(respondBy) + "#" + requestId + "#" + lawyerId;
    }
}
