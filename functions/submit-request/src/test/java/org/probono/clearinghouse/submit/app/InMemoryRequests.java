package org.probono.clearinghouse.submit.app;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.probono.clearinghouse.domain.AuditEvent;
import org.probono.clearinghouse.domain.Failure;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.domain.Outcome;
import org.probono.clearinghouse.domain.ProfileStatus;

/**
 * {@link OrganisationRequests} and {@link RememberedSubmits} in memory, for the rules' tests. It keeps the
 * table's conditions: a request id written once, the organisation still approved when a submit commits, a
 * key taken until its record expires, a request replaced only at the version it was read at; and it
 * commits each change whole or not at all. (The impact report's running totals are not kept.)
 */
public final class InMemoryRequests implements OrganisationRequests, RememberedSubmits {
    private static final String ORGANISATION = "organisationId";
    private static final String AFTER = "after";

    private final InMemoryProfiles profiles;
    private final Clock clock;
    private final Map<String, LegalRequest> requests = new LinkedHashMap<>();
    private final Map<String, List<AuditEvent>> history = new HashMap<>();
    private final Map<String, IdempotencyRecord> remembered = new HashMap<>();
    private final List<OutboxMessage> outbox = new ArrayList<>();

    public InMemoryRequests(InMemoryProfiles profiles, Clock clock) {
        this.profiles = profiles;
        this.clock = clock;
    }

    /** A request as if it had come this far (submitted, offered, completed...) by other functions. */
    public synchronized InMemoryRequests put(LegalRequest request) {
        requests.put(request.id(), request);
        return this;
    }

    @Override
    public synchronized Optional<LegalRequest> request(String id) {
        return Optional.ofNullable(requests.get(id));
    }

    @Override
    public synchronized List<AuditEvent> history(String requestId) {
        return List.copyOf(history.getOrDefault(requestId, List.of()));
    }

    @Override
    public synchronized RequestPage requestsOf(String organisationId, int size, Map<String, String> after) {
        List<LegalRequest> newestFirst = requests.values().stream()
                .filter(request -> request.organisationId().equals(organisationId))
                .sorted(Comparator.comparing(LegalRequest::createdAt)
                        .thenComparing(LegalRequest::id)
                        .reversed())
                .toList();
        int start = 0;
        if (after.containsKey(AFTER)) {
            start = newestFirst.stream().map(LegalRequest::id).toList().indexOf(after.get(AFTER)) + 1;
        }
        List<LegalRequest> page = newestFirst.subList(start, Math.min(newestFirst.size(), start + size));
        if (start + size >= newestFirst.size()) return new RequestPage(page, Optional.empty());
        return new RequestPage(
                page,
                Optional.of(Map.of(
                        ORGANISATION, organisationId, AFTER, page.getLast().id())));
    }

    @Override
    public boolean isPositionIn(Map<String, String> position, String organisationId) {
        return position.keySet().equals(java.util.Set.of(ORGANISATION, AFTER))
                && organisationId.equals(position.get(ORGANISATION));
    }

    @Override
    public synchronized Outcome submit(
            LegalRequest request,
            String note,
            String actor,
            List<OutboxMessage> mail,
            Optional<IdempotencyRecord> record,
            Instant now) {
        boolean approved = profiles.organisation(request.organisationId())
                .filter(organisation -> organisation.status() == ProfileStatus.APPROVED)
                .isPresent();
        boolean keyFree = record.map(r -> remembered.get(key(r.organisationId(), r.key())))
                .map(earlier -> !now.isBefore(earlier.expiresAt()))
                .orElse(true);
        if (requests.containsKey(request.id())) return rejected(Failure.ALREADY_EXISTS);
        if (!approved) return rejected(Failure.WRONG_STATE);
        if (!keyFree) return rejected(Failure.ALREADY_EXISTS);
        requests.put(request.id(), request);
        file(request, note, actor, now);
        outbox.addAll(mail);
        record.ifPresent(r -> remembered.put(key(r.organisationId(), r.key()), r));
        return new Outcome.Committed();
    }

    @Override
    public synchronized Outcome rate(LegalRequest rated, long expectedVersion, String note, String actor, Instant at) {
        LegalRequest current = requests.get(rated.id());
        if (current == null || current.version() != expectedVersion) return rejected(Failure.CHANGED_CONCURRENTLY);
        requests.put(rated.id(), rated);
        file(rated, note, actor, at);
        return new Outcome.Committed();
    }

    @Override
    public synchronized Optional<IdempotencyRecord> under(String organisationId, String key) {
        return Optional.ofNullable(remembered.get(key(organisationId, key)))
                .filter(record -> clock.instant().isBefore(record.expiresAt()));
    }

    /** Every request stored. */
    public synchronized List<LegalRequest> requests() {
        return List.copyOf(requests.values());
    }

    /** Every email written, in order. */
    public synchronized List<OutboxMessage> outbox() {
        return List.copyOf(outbox);
    }

    private void file(LegalRequest written, String note, String actor, Instant at) {
        history.computeIfAbsent(written.id(), id -> new ArrayList<>())
                .add(new AuditEvent(at, written.status().name(), note, actor));
    }

    private static Outcome rejected(Failure failure) {
        return new Outcome.Rejected(failure, failure.name());
    }

    private static String key(String organisationId, String key) {
        return organisationId + "#" + key;
    }
}
