package org.probono.clearinghouse.register.store;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.probono.clearinghouse.domain.AuditEvent;
import org.probono.clearinghouse.domain.Failure;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Offer;
import org.probono.clearinghouse.domain.OfferStatus;
import org.probono.clearinghouse.domain.Outcome;
import org.probono.clearinghouse.domain.ProfileStatus;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.json.Log;
import org.probono.clearinghouse.register.app.SubjectRights;
import org.probono.clearinghouse.store.AuditItems;
import org.probono.clearinghouse.store.Item;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.OfferItems;
import org.probono.clearinghouse.store.OrganisationItems;
import org.probono.clearinghouse.store.OutboxItems;
import org.probono.clearinghouse.store.RequestItems;
import org.probono.clearinghouse.store.Store;
import org.probono.clearinghouse.store.Transaction;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * export-subject and erase-subject over the single table. Both start from one Scan ({@link SubjectData}).
 * Erasure is a list of changes, each derived from what is there now and conditioned on it, packed into as
 * few transactions as DynamoDB's 100 actions allow; the profiles' tombstones go last, so an interrupted
 * erasure still finds the person by address and a repeat finishes the job.
 */
public final class TableSubjects implements SubjectRights {
    static final String ERASED = "(erased)";
    private static final String ACTOR = "privacy";
    private static final Expression STILL_THERE =
            Expression.builder().expression("attribute_exists(PK)").build();
    /** What a tombstone drops from a profile: everything that identifies the person. */
    private static final List<String> PERSONAL = List.of(
            "contactName",
            "contactEmail",
            "contactPhone",
            "email",
            "phone",
            "firm",
            "barEnrolmentNumber",
            Keys.GSI1PK,
            Keys.GSI1SK);

    /** One change: the items it touches (never twice in a transaction) and how it writes them. */
    private record Change(Set<String> keys, Consumer<Transaction> write) {
        int size() {
            return keys.size();
        }
    }

    private final Store store;
    private final Clock clock;

    public TableSubjects(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ export

    @Override
    public Export export(String email) {
        SubjectData data = SubjectData.find(email, store.scan());
        if (data.isEmpty()) return new Export.NothingStored();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("email", email);
        document.put("exportedAt", clock.instant().toString());
        document.put(
                "profiles", data.profiles().stream().map(TableSubjects::profile).toList());
        document.put(
                "consent",
                data.profileItems().stream()
                        .flatMap(item -> ConsentItems.from(item).stream())
                        .map(consent -> Map.of(
                                "noticeVersion",
                                consent.noticeVersion(),
                                "language",
                                consent.language().code(),
                                "givenAt",
                                consent.givenAt().toString()))
                        .toList());
        List<Map<String, Object>> requests = new ArrayList<>();
        for (Item request : data.requestsOwned()) requests.add(request(request, "OWNER", data));
        for (Item request : data.requestsOffered().values()) requests.add(request(request, "LAWYER", data));
        document.put("requests", requests);
        document.put(
                "emails",
                data.outbox().stream()
                        .filter(item -> email.equals(item.string("to")))
                        .map(TableSubjects::email)
                        .toList());
        List<Map<String, Object>> audit = new ArrayList<>();
        for (Item item : data.profileItems()) if (AuditItems.ENTITY.equals(item.entity())) audit.add(event(item));
        for (Item item : data.auditNamingThem()) if (!data.profileItems().contains(item)) audit.add(event(item));
        document.put("auditEntries", audit);
        document.put(
                "suppressed",
                data.keyedByAddress().stream()
                        .anyMatch(item -> item.string(Keys.PK).startsWith("SUPPRESS#")));
        return new Export.Found(document);
    }

    private static Map<String, Object> profile(Item item) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("kind", OrganisationItems.ENTITY.equals(item.entity()) ? "organisation" : "lawyer");
        item.document().toMap().forEach((name, value) -> {
            if (!Set.of(Keys.PK, Keys.SK, Keys.ENTITY, Keys.GSI1PK, Keys.GSI1SK, Keys.VERSION)
                    .contains(name)) {
                profile.put(name, plain(value));
            }
        });
        return profile;
    }

    private static Map<String, Object> request(Item item, String role, SubjectData data) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("role", role);
        for (String name : List.of(
                "id",
                "status",
                "category",
                "title",
                "summary",
                "jurisdiction",
                "language",
                "deadline",
                "createdAt",
                "endedAt",
                "outcome")) {
            if (item.string(name) != null) request.put(name, item.string(name));
        }
        item.optionalNumber("hoursSpent").ifPresent(hours -> request.put("hoursSpent", hours.doubleValue()));
        // Never the details themselves: an export goes to an admin first.
        request.put("confidentialDetailsStored", item.string(RequestItems.SEALED_DETAILS) != null);
        request.put(
                "history",
                data.history().getOrDefault(item.requiredString("id"), List.of()).stream()
                        .map(TableSubjects::event)
                        .toList());
        data.offers().stream()
                .filter(offer -> item.requiredString("id").equals(offer.string("requestId")))
                .findFirst()
                .ifPresent(offer -> {
                    Map<String, Object> answer = new LinkedHashMap<>();
                    for (String name : List.of("status", "offeredAt", "respondBy", "answeredAt", "note")) {
                        if (offer.string(name) != null) answer.put(name, offer.string(name));
                    }
                    request.put("offer", answer);
                });
        return request;
    }

    private static Map<String, Object> email(Item item) {
        Map<String, Object> email = new LinkedHashMap<>();
        for (String name : List.of("template", "createdAt", OutboxItems.STATUS, "finishedAt", OutboxItems.SUBJECT)) {
            if (item.string(name) != null) email.put(name, item.string(name));
        }
        return email;
    }

    private static Map<String, Object> event(Item item) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("subject", item.string(Keys.PK));
        for (String name : List.of("at", "status", "note", "actor"))
            if (item.string(name) != null) event.put(name, item.string(name));
        return event;
    }

    private static Object plain(AttributeValue value) {
        if (value.s() != null) return value.s();
        if (value.n() != null) return new java.math.BigDecimal(value.n());
        if (value.bool() != null) return value.bool();
        if (value.hasL()) return value.l().stream().map(TableSubjects::plain).toList();
        return String.valueOf(value);
    }

    // ------------------------------------------------------------------ erasure

    @Override
    public Erasure erase(String email, String requestedBy, String reason) {
        SubjectData data = SubjectData.find(email, store.scan());
        if (data.isEmpty()) return new Erasure.NothingStored();
        List<String> blocking = data.blockingRequests();
        if (!blocking.isEmpty()) return new Erasure.StillNeeded(blocking);

        Instant now = clock.instant();
        List<Change> changes = new ArrayList<>();
        for (Item offer : data.offers()) withdrawOffer(offer, now).ifPresent(changes::add);
        for (Item request : data.requestsOwned()) {
            if (request.string(RequestItems.SEALED_DETAILS) != null) {
                changes.add(change(request, t -> t.replace(RequestItems.withoutDetails(request), request.version())));
            }
        }
        for (Item token : data.tokens()) changes.add(change(token, t -> t.delete(keyOf(token))));
        for (Item item : data.profileItems()) {
            if (item.string(Keys.SK).startsWith("AREA#")) changes.add(change(item, t -> t.delete(keyOf(item))));
        }
        for (Item item : data.outbox())
            changes.add(change(item, t -> t.replace(erasedEmail(item, data), item.version())));
        for (Item item : data.auditNamingThem()) {
            changes.add(change(item, t -> t.putIf(erasedNote(item, data), STILL_THERE, Failure.CHANGED_CONCURRENTLY)));
        }
        for (Item item : data.keyedByAddress()) changes.add(change(item, t -> t.delete(keyOf(item))));
        changes.add(tombstones(data, requestedBy, reason, now));

        int committed = 0;
        int changed = 0;
        for (List<Change> batch : pack(changes)) {
            Transaction transaction = new Transaction();
            batch.forEach(change -> change.write().accept(transaction));
            if (!(store.commit(transaction) instanceof Outcome.Committed)) {
                Log.warn("erasure interrupted by a concurrent change", "transactions", committed);
                return new Erasure.Interrupted(committed);
            }
            committed++;
            changed += transaction.size();
        }
        Log.info(
                "personal data erased",
                "profiles",
                data.profileIds().size(),
                "items",
                changed,
                "transactions",
                committed);
        List<Map<String, String>> profiles = data.profiles().stream()
                .map(p -> Map.of(
                        "kind",
                        OrganisationItems.ENTITY.equals(p.entity()) ? "organisation" : "lawyer",
                        "id",
                        p.requiredString("id")))
                .toList();
        return new Erasure.Erased(profiles, changed, committed);
    }

    /**
     * Greedy packing in order, at most 100 actions and each item once per transaction. The last change (the
     * tombstones) is never split from its own actions, so the profile changes only when everything else has.
     */
    static List<List<Change>> pack(List<Change> changes) {
        List<List<Change>> batches = new ArrayList<>();
        List<Change> current = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Change change : changes) {
            boolean collides = change.keys().stream().anyMatch(keys::contains);
            if (!current.isEmpty() && (collides || keys.size() + change.size() > Transaction.MAX_ACTIONS)) {
                batches.add(current);
                current = new ArrayList<>();
                keys = new HashSet<>();
            }
            current.add(change);
            keys.addAll(change.keys());
        }
        if (!current.isEmpty()) batches.add(current);
        return batches;
    }

    /** A pending offer to the lawyer withdrawn; the request back in the queue when no other offer is pending. */
    private Optional<Change> withdrawOffer(Item item, Instant now) {
        Offer offer = OfferItems.from(item);
        if (!offer.isPending()) return Optional.empty();
        Optional<LegalRequest> found =
                store.get(Keys.request(offer.requestId())).map(RequestItems::from);
        if (found.isEmpty()) return Optional.empty();
        LegalRequest request = found.get();
        boolean othersPending = store.partition(Keys.requestPk(request.id()), Keys.OFFER_PREFIX).stream()
                .map(OfferItems::from)
                .anyMatch(other -> other.isPending() && !other.lawyerId().equals(offer.lawyerId()));
        Set<String> keys = Set.of(describe(item), describe(Keys.request(request.id())), "audit " + request.id());
        return Optional.of(new Change(keys, transaction -> {
            transaction.replace(
                    OfferItems.toItem(
                            offer.answered(OfferStatus.WITHDRAWN, now, "withdrawn: the lawyer's data was erased")),
                    offer.version());
            LegalRequest written = request.offerEnded(othersPending);
            transaction.replace(RequestItems.toItem(written), request.version());
            transaction.create(AuditItems.ofRequest(
                    written,
                    written.status() == RequestStatus.SUBMITTED
                            ? "An offer was withdrawn; back in the queue"
                            : "An offer was withdrawn",
                    ACTOR,
                    now));
        }));
    }

    /** The profiles become tombstones and each gets an ERASED audit event naming no one. */
    private Change tombstones(SubjectData data, String requestedBy, String reason, Instant now) {
        Set<String> keys = new HashSet<>();
        for (Item profile : data.profiles()) {
            keys.add(describe(profile));
            keys.add("erased event " + profile.string(Keys.PK));
        }
        String note = "Personal data erased on request" + (reason == null ? "" : ": " + scrub(reason, data));
        return new Change(keys, transaction -> {
            for (Item profile : data.profiles()) {
                transaction.replace(tombstone(profile, now), profile.version());
                AuditEvent event = new AuditEvent(now, ProfileStatus.ERASED.name(), note, scrub(requestedBy, data));
                transaction.create(AuditItems.toItem(profile.string(Keys.PK), event, 9));
            }
        });
    }

    private static EnhancedDocument tombstone(Item profile, Instant now) {
        Map<String, AttributeValue> attributes =
                new HashMap<>(profile.document().toMap());
        PERSONAL.forEach(attributes::remove);
        if (OrganisationItems.ENTITY.equals(profile.entity())) {
            attributes.put("contactName", AttributeValue.fromS(ERASED));
        } else {
            attributes.put("name", AttributeValue.fromS(ERASED));
        }
        attributes.put("status", AttributeValue.fromS(ProfileStatus.ERASED.name()));
        attributes.put("erasedAt", AttributeValue.fromS(now.toString()));
        attributes.put(Keys.VERSION, AttributeValue.fromN(Long.toString(profile.version() + 1)));
        return EnhancedDocument.fromAttributeValueMap(attributes);
    }

    /** An email's content, subject and secrets go; one to the person loses its recipient and is never sent. */
    private static EnhancedDocument erasedEmail(Item item, SubjectData data) {
        Map<String, AttributeValue> attributes = new HashMap<>(item.document().toMap());
        attributes.remove("data");
        attributes.remove(OutboxItems.SEALED_TOKEN);
        attributes.remove("sealedDetails");
        // The subject sent was rendered from the data, so it may name them too.
        attributes.remove(OutboxItems.SUBJECT);
        if (data.email().equals(item.string("to"))) attributes.put("to", AttributeValue.fromS(ERASED));
        if (OutboxItems.PENDING.equals(item.string(OutboxItems.STATUS))) {
            attributes.put(OutboxItems.STATUS, AttributeValue.fromS("ERASED"));
        }
        attributes.put(Keys.VERSION, AttributeValue.fromN(Long.toString(item.version() + 1)));
        return EnhancedDocument.fromAttributeValueMap(attributes);
    }

    private static EnhancedDocument erasedNote(Item item, SubjectData data) {
        Map<String, AttributeValue> attributes = new HashMap<>(item.document().toMap());
        if (item.string("note") != null) attributes.put("note", AttributeValue.fromS(scrub(item.string("note"), data)));
        if (item.string("actor") != null)
            attributes.put("actor", AttributeValue.fromS(scrub(item.string("actor"), data)));
        return EnhancedDocument.fromAttributeValueMap(attributes);
    }

    /** The text with every identifier of the person replaced, whatever its case. */
    static String scrub(String text, SubjectData data) {
        String scrubbed = text;
        for (String identifier : data.identifiers()) {
            scrubbed = scrubbed.replaceAll("(?i)" + java.util.regex.Pattern.quote(identifier), ERASED);
        }
        return scrubbed;
    }

    private static Change change(Item item, Consumer<Transaction> write) {
        return new Change(Set.of(describe(item)), write);
    }

    private static software.amazon.awssdk.enhanced.dynamodb.Key keyOf(Item item) {
        return Keys.key(item.string(Keys.PK), item.string(Keys.SK));
    }

    private static String describe(Item item) {
        return item.string(Keys.PK) + "|" + item.string(Keys.SK);
    }

    private static String describe(software.amazon.awssdk.enhanced.dynamodb.Key key) {
        return key.partitionKeyValue().s() + "|"
                + key.sortKeyValue().orElseThrow().s();
    }
}
