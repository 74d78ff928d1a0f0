package org.probono.clearinghouse.notify.app;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.domain.Outcome;

/**
 * The emails to send, as NotifyFunction sees them: each PENDING until it is SENT or SUPPRESSED. A delivery
 * claims an email before sending it, so a redelivered stream record sends nothing twice; marking erases the
 * email's sealed token (the secret it carried) and nothing else. An admin's resend replaces a PENDING email
 * by a copy under a new id, which the stream delivers like any new email.
 */
public interface Outbox {
    /** Where an email stands. */
    enum Status {
        PENDING,
        SENT,
        SUPPRESSED
    }

    /** An email and where it stood when read; {@code resendOf} is null unless an admin resent it. */
    record Entry(OutboxMessage message, Status status, long version, String resendOf) {
        public boolean isPending() {
            return status == Status.PENDING;
        }
    }

    /** A PENDING email as an admin listing shows it: who it goes to and what, not what it says. */
    record Pending(String id, EmailTemplate template, String to, Instant createdAt, String resendOf) {}

    /** What claiming an email found. */
    sealed interface Claim {
        /** This delivery may send it, until {@code until}. */
        record Claimed(Instant until) implements Claim {}

        /** SENT, SUPPRESSED, or gone (resent under a new id): nothing to send. */
        record Done() implements Claim {}

        /** Another delivery claimed it until {@code heldUntil} and may be sending it now; try after that. */
        record Busy(Instant heldUntil) implements Claim {}
    }

    Optional<Entry> find(String outboxId);

    /** Every PENDING email, oldest first. */
    List<Pending> pending();

    /**
     * Claims a PENDING email for one delivery until {@code until}, unless another delivery holds an unlapsed
     * claim on it; writes nothing when it cannot claim.
     */
    Claim claim(Entry entry, Instant now, Instant until);

    /** Gives up this delivery's claim (sending failed), so the record's retry may send it. */
    void release(Entry entry, Instant claimedUntil);

    /** SENT with SES's id and the subject as sent; rejected (WRONG_STATE) when no longer PENDING. */
    Outcome markSent(Entry entry, String sesMessageId, String subject, Instant at);

    /** SUPPRESSED and, in the same transaction, the team's email queued (when given). */
    Outcome markSuppressed(Entry entry, Instant at, OutboxMessage toTeam);

    /**
     * Deletes the email while it is still PENDING at the version read and no delivery holds a claim on it at
     * {@code now}, and creates {@code copy} naming it; rejected, writing nothing, when it changed, went or is
     * being sent meanwhile (two copies would go out).
     */
    Outcome replaceWithCopy(Entry entry, OutboxMessage copy, Instant now);

    /** Queues a new email (it reaches this function again through the stream). */
    Outcome enqueue(OutboxMessage message);
}
