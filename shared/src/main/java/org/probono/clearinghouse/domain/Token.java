package org.probono.clearinghouse.domain;

import java.time.Instant;

/**
 * What a secret token opens, stored under its hash. {@code subjectId} is the organisation, lawyer or
 * request; {@code lawyerId} is set on offer replies. A token is spent once {@code usedAt} is set
 * (org tokens are never spent; revoking one deletes it).
 */
public record Token(
        String hash,
        Purpose purpose,
        ProfileKind kind,
        String subjectId,
        String lawyerId,
        Instant expiresAt,
        Instant usedAt) {

    /** COMPLETION_REPLY: the reply address of the matter-details email, by which the lawyer closes the matter. */
    public enum Purpose {
        VERIFY_EMAIL,
        ORGANISATION_ACCESS,
        OFFER_REPLY,
        COMPLETION_REPLY
    }

    public boolean isExpired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public boolean isUsed() {
        return usedAt != null;
    }

    public Token usedAt(Instant at) {
        return new Token(hash, purpose, kind, subjectId, lawyerId, expiresAt, at);
    }

    /** The same token, kept until {@code until} (a spent link still answers "already used" for a while). */
    public Token keptUntil(Instant until) {
        return new Token(hash, purpose, kind, subjectId, lawyerId, until, usedAt);
    }
}
