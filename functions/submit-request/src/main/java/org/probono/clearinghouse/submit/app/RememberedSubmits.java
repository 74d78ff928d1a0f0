package org.probono.clearinghouse.submit.app;

import java.util.Optional;

/**
 * The submits an organisation sent with an {@code Idempotency-Key}, remembered for their replays. A record
 * is written by {@link OrganisationRequests#submit} in the request's own transaction.
 */
public interface RememberedSubmits {
    /** The submit remembered under the organisation's key; one past its 24 hours is absent (the key is free). */
    Optional<IdempotencyRecord> under(String organisationId, String key);
}
