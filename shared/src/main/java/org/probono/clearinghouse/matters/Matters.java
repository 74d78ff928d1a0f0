package org.probono.clearinghouse.matters;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.probono.clearinghouse.domain.AuditEvent;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.domain.Outcome;

/** Requests as the matching reads and changes them. Reads a change is decided on are strongly consistent. */
public interface Matters {
    /** The request with its organisation and all its offers, strongly consistent. */
    Optional<Matter> matter(String requestId);

    /** The request alone, strongly consistent: whether it moved since it was read, the retention rule. */
    Optional<LegalRequest> request(String requestId);

    /** The request's audit trail, oldest first. */
    List<AuditEvent> history(String requestId);

    /** The open queue, most urgent first, with the pending offers of its requests (eventually consistent). */
    OpenQueue openQueue();

    Optional<Organisation> organisation(String organisationId);

    /** Ids of ended requests that still hold confidential details and ended at or before {@code endedBy}. */
    List<String> detailsRetainedUntil(Instant endedBy);

    /**
     * Commits the whole change or nothing: rejected (CHANGED_CONCURRENTLY) when a record was written since it was
     * read, ALREADY_EXISTS when a record to create is there.
     */
    Outcome commit(MatterChange change);
}
