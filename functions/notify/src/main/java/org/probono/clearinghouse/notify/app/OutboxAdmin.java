package org.probono.clearinghouse.notify.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.probono.clearinghouse.crypto.TokenSealer;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.ids.Ids;
import org.probono.clearinghouse.json.Log;

/**
 * The team's outbox commands: list the emails still PENDING (the ones the stream gave up on), and send
 * one again. The stream passes only inserts to this function, so sending again means inserting: the
 * PENDING item is replaced, in one transaction, by a copy under a new id, which the stream then delivers
 * like any new email. The old item is gone, so a late retry of its stream record finds nothing to send.
 */
public final class OutboxAdmin {

    /** What a resend did. */
    public sealed interface Resend {
        record Resent(String outboxId, String resendOf) implements Resend {}

        record NotFound(String outboxId) implements Resend {}

        /** Already SENT or SUPPRESSED: nothing to send again. */
        record NotPending(String outboxId, String status) implements Resend {}

        /**
         * Sent, suppressed or resent by someone else between our read and our write, or a delivery holds a
         * live claim on it (it may be with SES now); nothing written.
         */
        record Changed(String outboxId) implements Resend {}
    }

    private final Outbox outbox;
    private final BiFunction<String, String, String> openToken;
    private final TokenSealer sealer;
    private final Ids ids;
    private final Clock clock;

    /** {@code openToken}: (sealed, outboxId) → the email's token, resealed by {@code sealer} to the copy's id. */
    public OutboxAdmin(
            Outbox outbox, BiFunction<String, String, String> openToken, TokenSealer sealer, Ids ids, Clock clock) {
        this.outbox = outbox;
        this.openToken = openToken;
        this.sealer = sealer;
        this.ids = ids;
        this.clock = clock;
    }

    /** PENDING emails created at least {@code olderThan} ago, oldest first. */
    public List<Outbox.Pending> pendingEmails(Duration olderThan) {
        Instant cutoff = clock.instant().minus(olderThan);
        return outbox.pending().stream()
                .filter(email -> email.createdAt() == null || !email.createdAt().isAfter(cutoff))
                .toList();
    }

    public Resend resend(String outboxId) {
        Optional<Outbox.Entry> found = outbox.find(outboxId);
        if (found.isEmpty()) return new Resend.NotFound(outboxId);
        Outbox.Entry entry = found.get();
        if (!entry.isPending())
            return new Resend.NotPending(outboxId, entry.status().name());
        OutboxMessage old = entry.message();
        // A token is sealed to its email's id: the copy's is resealed to the copy's.
        String copyId = ids.next();
        String sealedToken =
                old.sealedToken() == null ? null : sealer.seal(openToken.apply(old.sealedToken(), old.id()), copyId);
        OutboxMessage copy = new OutboxMessage(
                copyId,
                old.template(),
                old.to(),
                old.language(),
                old.data(),
                sealedToken,
                old.sealedDetails(),
                clock.instant());
        if (!outbox.replaceWithCopy(entry, copy, clock.instant()).committed()) return new Resend.Changed(outboxId);
        Log.info("outbox email resent", "outboxId", outboxId, "template", old.template(), "copy", copy.id());
        return new Resend.Resent(copy.id(), outboxId);
    }
}
