package org.probono.clearinghouse.submit.app;

import java.time.Instant;

/**
 * What a submit with an {@code Idempotency-Key} leaves behind for its replays: the fingerprint of the body
 * it answered (confidential details excluded, see {@code Submission}), the request it created and the
 * response it gave. Written in the request's own transaction, so it exists exactly when the request does.
 */
public record IdempotencyRecord(
        String organisationId,
        String key,
        String fingerprint,
        String requestId,
        int status,
        String responseBody,
        Instant createdAt,
        Instant expiresAt) {}
