package org.probono.clearinghouse.notify.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.probono.clearinghouse.domain.Failure;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.domain.Outcome;

/**
 * The outbox in a map, with the table's conditions: a claim only on a PENDING email whose claim lapsed,
 * marks only while PENDING, a resend only at the version read and while no claim holds, a new email only
 * under a new id. {@link #failNextMark} stands for DynamoDB failing a mark past the SDK's retries.
 */
final class InMemoryOutbox implements Outbox {
    /** An email as stored: its entry (status, version), its claim, and what marking SENT added. */
    record Stored(Entry entry, Instant claimedUntil, String sesMessageId, String subject) {
        Stored with(Entry changed) {
            return new Stored(changed, claimedUntil, sesMessageId, subject);
        }
    }

    private final Map<String, Stored> emails = new LinkedHashMap<>();
    private RuntimeException nextMarkFailure;

    /** The next markSent or markSuppressed throws {@code failure} and writes nothing. */
    synchronized void failNextMark(RuntimeException failure) {
        nextMarkFailure = failure;
    }

    private void failIfAsked() {
        RuntimeException failure = nextMarkFailure;
        nextMarkFailure = null;
        if (failure != null) throw failure;
    }

    /** An email written PENDING by a state change; returns its entry as the stream's image carries it. */
    synchronized Entry insert(OutboxMessage message) {
        Entry entry = new Entry(message, Status.PENDING, 1, null);
        if (emails.putIfAbsent(message.id(), new Stored(entry, null, null, null)) != null) {
            throw new IllegalStateException("outbox " + message.id() + " exists");
        }
        return entry;
    }

    synchronized Optional<Stored> stored(String outboxId) {
        return Optional.ofNullable(emails.get(outboxId));
    }

    /** Emails queued since the start, in order: what state changes (and this function) wrote. */
    synchronized List<OutboxMessage> queued() {
        return emails.values().stream().map(s -> s.entry().message()).toList();
    }

    @Override
    public synchronized Optional<Entry> find(String outboxId) {
        return stored(outboxId).map(Stored::entry);
    }

    @Override
    public synchronized List<Pending> pending() {
        return emails.values().stream()
                .map(Stored::entry)
                .filter(Entry::isPending)
                .map(e -> new Pending(
                        e.message().id(),
                        e.message().template(),
                        e.message().to(),
                        e.message().createdAt(),
                        e.resendOf()))
                .sorted(Comparator.comparing(Pending::createdAt).thenComparing(Pending::id))
                .toList();
    }

    @Override
    public synchronized Claim claim(Entry entry, Instant now, Instant until) {
        Stored stored = emails.get(entry.message().id());
        if (stored == null || !stored.entry().isPending()) return new Claim.Done();
        if (stored.claimedUntil() != null && stored.claimedUntil().isAfter(now))
            return new Claim.Busy(stored.claimedUntil());
        emails.put(entry.message().id(), new Stored(stored.entry(), until, null, null));
        return new Claim.Claimed(until);
    }

    @Override
    public synchronized void release(Entry entry, Instant claimedUntil) {
        Stored stored = emails.get(entry.message().id());
        if (stored != null && claimedUntil.equals(stored.claimedUntil())) {
            emails.put(entry.message().id(), new Stored(stored.entry(), null, stored.sesMessageId(), stored.subject()));
        }
    }

    @Override
    public synchronized Outcome markSent(Entry entry, String sesMessageId, String subject, Instant at) {
        failIfAsked();
        Stored stored = emails.get(entry.message().id());
        if (stored == null || !stored.entry().isPending())
            return new Outcome.Rejected(Failure.WRONG_STATE, "mark sent");
        emails.put(
                entry.message().id(), new Stored(finished(stored.entry(), Status.SENT), null, sesMessageId, subject));
        return new Outcome.Committed();
    }

    @Override
    public synchronized Outcome markSuppressed(Entry entry, Instant at, OutboxMessage toTeam) {
        failIfAsked();
        Stored stored = emails.get(entry.message().id());
        if (stored == null || !stored.entry().isPending())
            return new Outcome.Rejected(Failure.WRONG_STATE, "mark suppressed");
        if (toTeam != null && emails.containsKey(toTeam.id()))
            return new Outcome.Rejected(Failure.ALREADY_EXISTS, "team email");
        emails.put(entry.message().id(), new Stored(finished(stored.entry(), Status.SUPPRESSED), null, null, null));
        if (toTeam != null) insert(toTeam);
        return new Outcome.Committed();
    }

    @Override
    public synchronized Outcome replaceWithCopy(Entry entry, OutboxMessage copy, Instant now) {
        Stored stored = emails.get(entry.message().id());
        if (stored == null
                || !stored.entry().isPending()
                || stored.entry().version() != entry.version()
                || (stored.claimedUntil() != null && stored.claimedUntil().isAfter(now))) {
            return new Outcome.Rejected(Failure.WRONG_STATE, "replace");
        }
        if (emails.containsKey(copy.id())) return new Outcome.Rejected(Failure.ALREADY_EXISTS, "copy");
        emails.remove(entry.message().id());
        emails.put(
                copy.id(),
                new Stored(new Entry(copy, Status.PENDING, 1, entry.message().id()), null, null, null));
        return new Outcome.Committed();
    }

    @Override
    public synchronized Outcome enqueue(OutboxMessage message) {
        if (emails.containsKey(message.id())) return new Outcome.Rejected(Failure.ALREADY_EXISTS, "enqueue");
        insert(message);
        return new Outcome.Committed();
    }

    /** Marking erases the sealed token, the secret the email carried, and nothing else. */
    private static Entry finished(Entry entry, Status status) {
        OutboxMessage m = entry.message();
        return new Entry(
                new OutboxMessage(
                        m.id(), m.template(), m.to(), m.language(), m.data(), null, m.sealedDetails(), m.createdAt()),
                status,
                entry.version() + 1,
                entry.resendOf());
    }

    /** Every email ever queued here, for tests that look for one by template. */
    synchronized List<Entry> all() {
        return new ArrayList<>(emails.values().stream().map(Stored::entry).toList());
    }
}
