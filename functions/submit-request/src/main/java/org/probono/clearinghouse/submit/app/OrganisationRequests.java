package org.probono.clearinghouse.submit.app;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.probono.clearinghouse.domain.AuditEvent;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.domain.Outcome;

/**
 * The requests organisations ask for help with, and their audit trails. Each change is one transaction:
 * the request, its audit event (the note, filed under the request with the status it leaves it in), its
 * emails and the impact report's running totals, all written or none, under conditions that make a
 * concurrent or repeated change fail instead of writing twice.
 */
public interface OrganisationRequests {
    Optional<LegalRequest> request(String id);

    /** The request's audit trail, oldest first. */
    List<AuditEvent> history(String requestId);

    /**
     * A page of an organisation's requests, newest first, after {@code after} (empty: from the newest), and
     * when more follow, the position the next page starts after. Positions are opaque to the caller.
     */
    RequestPage requestsOf(String organisationId, int size, Map<String, String> after);

    /** Whether a position names exactly a place in this organisation's listing, and nothing else. */
    boolean isPositionIn(Map<String, String> position, String organisationId);

    record RequestPage(List<LegalRequest> requests, Optional<Map<String, String>> nextAfter) {}

    /**
     * A new request, in the queue, with its first audit event, its emails and, when the caller sent a key,
     * the key's record: ALREADY_EXISTS if the key is taken (a record past its expiry counts as free), and
     * WRONG_STATE unless the organisation is still approved when it commits.
     */
    Outcome submit(
            LegalRequest request,
            String note,
            String actor,
            List<OutboxMessage> mail,
            Optional<IdempotencyRecord> remembered,
            Instant now);

    /** Stores the organisation's rating, replacing the request read at {@code expectedVersion}. */
    Outcome rate(LegalRequest rated, long expectedVersion, String note, String actor, Instant at);
}
