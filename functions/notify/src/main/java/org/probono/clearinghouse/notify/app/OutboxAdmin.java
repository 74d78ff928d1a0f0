package org.probono.clearinghouse.notify.app;

import org.probono.clearinghouse.json.Log;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.probono.clearinghouse.crypto.ConfidentialBox;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.ids.Ids;
import org.probono.clearinghouse.notify.store.OutboxStore;

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

        /** Sent, suppressed or resent by someone else between our read and our write; nothing written. */
        record Changed(String outboxId) implements Resend {}
    }

    private final OutboxStore outbox;
    private final ConfidentialBox box;
    private final Ids ids;
    private final Clock clock;

    public OutboxAdmin(OutboxStore outbox, ConfidentialBox box, Ids ids, Clock clock) {
        this.outbox = outbox;
        this.box = box;
        this.ids = ids;
        this.clock = clock;
    }

    /** PENDING emails created at least {@code olderThan} ago, oldest first. */
    public List<OutboxStore.Pending> pendingEmails(Duration olderThan) {
        Instant cutoff = clock.instant().minus(olderThan);
        return outbox.pending().stream()
                .filter(email -> email.createdAt() == null || !email.createdAt().isAfter(cutoff))
                .toList();
    }

    public Resend resend(String outboxId) {
        Optional<OutboxStore.Entry> found = outbox.find(outboxId);
        if (found.isEmpty()) return new Resend.NotFound(outboxId);
        OutboxStore.Entry entry = found.get();
        if (!entry.isPending()) return new Resend.NotPending(outboxId, entry.status());
        OutboxMessage old = entry.message();
        // A token is sealed to its email's id: the copy's is resealed to the copy's.
        String copyId = ids.next();
        String sealedToken = old.sealedToken() == null ? null
                : box.sealToken(box.openToken(old.sealedToken(), old.id()), copyId);
        OutboxMessage copy = new OutboxMessage(copyId, old.template(), old.to(), old.language(), old.data(),
                sealedToken, old.sealedDetails(), clock.instant());
        if (!outbox.replaceWithCopy(entry, copy)) return new Resend.Changed(outboxId);
        Log.info("outbox email resent", "outboxId", outboxId, "template", old.template(), "copy", copy.id());
        return new Resend.Resent(copy.id(), outboxId);
    }
}
