package org.probono.clearinghouse.matters;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LawyerStats;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Offer;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.domain.Token;
import org.probono.clearinghouse.impact.Tally;

/**
 * One state change of the matching in domain terms, committed whole by {@link Matters#commit}: the records
 * written, each with the version it was read at (the change fails if anyone wrote it since), the records
 * created (fail if already there), the emails, the request's audit events and the impact tallies.
 */
public record MatterChange(List<Write> writes) {
    public MatterChange {
        writes = List.copyOf(writes);
        if (writes.isEmpty()) throw new IllegalArgumentException("an empty change changes nothing");
    }

    /** One thing a change writes. */
    public sealed interface Write {}

    /** {@code request} replaces the one read at {@code readVersion}. */
    public record RequestWritten(LegalRequest request, long readVersion) implements Write {}

    /** {@code offer} replaces the one read at {@code readVersion}; 0: a new offer, created only if absent. */
    public record OfferWritten(Offer offer, long readVersion) implements Write {}

    public record LawyerWritten(Lawyer lawyer, long readVersion) implements Write {}

    /** {@code readVersion} 0: the lawyer's first statistics, created only if absent. */
    public record StatsWritten(LawyerStats stats, long readVersion) implements Write {}

    public record TokenCreated(Token token) implements Write {}

    public record EmailQueued(OutboxMessage message) implements Write {}

    /**
     * A line of the request's audit trail: its status is {@code written}'s, and its order among the request's
     * events follows {@code written}'s version, so two changes in the same instant never collide.
     * {@code note} is shown to the organisation.
     */
    public record RequestAudited(LegalRequest written, String note, String actor, Instant at) implements Write {}

    /** What the impact report counts of this change, added to the running totals in the same commit. */
    public record Counted(Tally tally) implements Write {}

    public static Builder builder() {
        return new Builder();
    }

    /** Collects a change's writes in the order the rule decides them. */
    public static final class Builder {
        private final List<Write> writes = new ArrayList<>();

        private Builder() {}

        public Builder request(LegalRequest read, LegalRequest written) {
            return add(new RequestWritten(written, read.version()));
        }

        public Builder offer(Offer read, Offer written) {
            return add(new OfferWritten(written, read.version()));
        }

        public Builder newOffer(Offer offer) {
            return add(new OfferWritten(offer, 0));
        }

        public Builder lawyer(Lawyer read, Lawyer written) {
            return add(new LawyerWritten(written, read.version()));
        }

        public Builder stats(LawyerStats read, LawyerStats written) {
            return add(new StatsWritten(written, read.version()));
        }

        public Builder token(Token token) {
            return add(new TokenCreated(token));
        }

        public Builder email(OutboxMessage message) {
            return add(new EmailQueued(message));
        }

        public Builder audit(LegalRequest written, String note, String actor, Instant at) {
            return add(new RequestAudited(written, note, actor, at));
        }

        public Builder count(Tally tally) {
            return add(new Counted(tally));
        }

        public MatterChange build() {
            return new MatterChange(writes);
        }

        private Builder add(Write write) {
            writes.add(write);
            return this;
        }
    }
}
