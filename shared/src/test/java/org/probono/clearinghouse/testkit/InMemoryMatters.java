package org.probono.clearinghouse.testkit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.probono.clearinghouse.domain.AuditEvent;
import org.probono.clearinghouse.domain.Category;
import org.probono.clearinghouse.domain.Failure;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LawyerStats;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Offer;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.domain.Outcome;
import org.probono.clearinghouse.domain.Token;
import org.probono.clearinghouse.impact.Tally;
import org.probono.clearinghouse.matters.LawyerProfile;
import org.probono.clearinghouse.matters.Lawyers;
import org.probono.clearinghouse.matters.Matter;
import org.probono.clearinghouse.matters.MatterChange;
import org.probono.clearinghouse.matters.Matters;
import org.probono.clearinghouse.matters.Offers;
import org.probono.clearinghouse.matters.OpenQueue;

/**
 * The shared matching ports ({@link Matters}, {@link Lawyers}, {@link Offers}) over one in-memory table, so
 * what a change commits through {@link #commit} is what the next read sees. A commit is checked whole before
 * anything is applied, with the table's conditions: a record written must still be at the version it was read
 * at (else CHANGED_CONCURRENTLY), a record created must be absent (ALREADY_EXISTS; a lawyer's first statistics:
 * CHANGED_CONCURRENTLY), and one change touches a record once. Expired tokens are absent, as TTL makes them.
 * {@link #beforeNextCommit} lets a test slip a concurrent change in between a rule's reads and its commit.
 */
public final class InMemoryMatters implements Matters, Lawyers, Offers {
    private final Clock clock;
    private final Map<String, Organisation> organisations = new HashMap<>();
    private final Map<String, LegalRequest> requests = new HashMap<>();
    /** By request, then by lawyer id: the table's order of a request's offers. */
    private final Map<String, TreeMap<String, Offer>> offers = new HashMap<>();

    private final Map<String, Lawyer> lawyers = new TreeMap<>();
    private final Map<String, LawyerStats> stats = new HashMap<>();
    private final Map<String, Token> tokens = new HashMap<>();
    private final Map<String, OutboxMessage> outbox = new LinkedHashMap<>();
    private final Map<String, List<AuditEvent>> history = new HashMap<>();
    private final List<Tally> tallies = new ArrayList<>();
    private final List<Runnable> beforeCommit = new ArrayList<>();
    private int commits;

    public InMemoryMatters(Clock clock) {
        this.clock = clock;
    }

    // Seeding: the state a test starts from, written as it is (no conditions).

    public InMemoryMatters put(Organisation organisation) {
        organisations.put(organisation.id(), organisation);
        return this;
    }

    public InMemoryMatters put(LegalRequest request) {
        requests.put(request.id(), request);
        return this;
    }

    public InMemoryMatters put(Offer offer) {
        offers.computeIfAbsent(offer.requestId(), id -> new TreeMap<>()).put(offer.lawyerId(), offer);
        return this;
    }

    public InMemoryMatters put(Lawyer lawyer) {
        lawyers.put(lawyer.id(), lawyer);
        return this;
    }

    public InMemoryMatters put(LawyerStats lawyerStats) {
        stats.put(lawyerStats.lawyerId(), lawyerStats);
        return this;
    }

    public InMemoryMatters put(Token token) {
        tokens.put(token.hash(), token);
        return this;
    }

    /** Runs {@code change} just before the next commit is checked: a concurrent writer getting in first. */
    public void beforeNextCommit(Runnable change) {
        beforeCommit.add(change);
    }

    // What the tests look at.

    public Offer offer(String requestId, String lawyerId) {
        return Optional.ofNullable(offers.get(requestId))
                .map(byLawyer -> byLawyer.get(lawyerId))
                .orElseThrow();
    }

    public LawyerStats stats(String lawyerId) {
        return stats.getOrDefault(lawyerId, LawyerStats.none(lawyerId));
    }

    /** Every email queued, in the order written. */
    public List<OutboxMessage> emails() {
        return List.copyOf(outbox.values());
    }

    public Map<String, Token> tokens() {
        return Map.copyOf(tokens);
    }

    public List<Tally> tallies() {
        return List.copyOf(tallies);
    }

    /** Commits that wrote something (a rejected one writes nothing and is not counted). */
    public int commits() {
        return commits;
    }

    // Matters

    @Override
    public Optional<Matter> matter(String requestId) {
        return request(requestId)
                .map(request -> new Matter(
                        request,
                        Optional.ofNullable(organisations.get(request.organisationId()))
                                .orElseThrow(),
                        List.copyOf(
                                offers.getOrDefault(requestId, new TreeMap<>()).values())));
    }

    @Override
    public Optional<LegalRequest> request(String requestId) {
        return Optional.ofNullable(requests.get(requestId));
    }

    @Override
    public List<AuditEvent> history(String requestId) {
        return history.getOrDefault(requestId, List.of()).stream()
                .sorted(Comparator.comparing(AuditEvent::at))
                .toList();
    }

    @Override
    public OpenQueue openQueue() {
        Instant never = Instant.MAX;
        List<LegalRequest> open = requests.values().stream()
                .filter(request -> request.status().isOpen())
                .sorted(Comparator.comparing((LegalRequest r) -> r.deadline() == null ? never : r.deadline())
                        .thenComparing(LegalRequest::createdAt)
                        .thenComparing(LegalRequest::id))
                .toList();
        List<Offer> pending = offers.values().stream()
                .flatMap(byLawyer -> byLawyer.values().stream())
                .filter(Offer::isPending)
                .sorted(Comparator.comparing(Offer::requestId).thenComparing(Offer::lawyerId))
                .toList();
        return new OpenQueue(open, pending);
    }

    @Override
    public Optional<Organisation> organisation(String organisationId) {
        return Optional.ofNullable(organisations.get(organisationId));
    }

    @Override
    public List<String> detailsRetainedUntil(Instant endedBy) {
        return requests.values().stream()
                .filter(r -> !r.status().isOpen()
                        && r.hasConfidentialDetails()
                        && r.endedAt() != null
                        && !r.endedAt().isAfter(endedBy))
                .sorted(Comparator.comparing(LegalRequest::endedAt))
                .map(LegalRequest::id)
                .toList();
    }

    @Override
    public Outcome commit(MatterChange change) {
        List<Runnable> racing = List.copyOf(beforeCommit);
        beforeCommit.clear();
        racing.forEach(Runnable::run);
        Set<String> touched = new HashSet<>();
        for (MatterChange.Write write : change.writes()) {
            Optional<String> record = recordOf(write);
            if (record.isPresent() && !touched.add(record.get())) {
                throw new IllegalArgumentException("a transaction may touch " + record.get() + " only once");
            }
            Optional<Outcome.Rejected> rejected = check(write);
            if (rejected.isPresent()) return rejected.get();
        }
        change.writes().forEach(this::apply);
        commits++;
        return new Outcome.Committed();
    }

    private static Optional<String> recordOf(MatterChange.Write write) {
        return Optional.ofNullable(
                switch (write) {
                    case MatterChange.RequestWritten w ->
                        "request " + w.request().id();
                    case MatterChange.OfferWritten w ->
                        "offer " + w.offer().requestId() + " " + w.offer().lawyerId();
                    case MatterChange.LawyerWritten w -> "lawyer " + w.lawyer().id();
                    case MatterChange.StatsWritten w -> "stats " + w.stats().lawyerId();
                    case MatterChange.TokenCreated w -> "token " + w.token().hash();
                    case MatterChange.EmailQueued w -> "email " + w.message().id();
                    case MatterChange.RequestAudited w -> null;
                    case MatterChange.Counted w -> null;
                });
    }

    private Optional<Outcome.Rejected> check(MatterChange.Write write) {
        return switch (write) {
            case MatterChange.RequestWritten w ->
                versioned(requests.get(w.request().id()), LegalRequest::version, w.readVersion(), "request");
            case MatterChange.OfferWritten w -> {
                Offer current = Optional.ofNullable(offers.get(w.offer().requestId()))
                        .map(byLawyer -> byLawyer.get(w.offer().lawyerId()))
                        .orElse(null);
                yield w.readVersion() == 0
                        ? absent(current, Failure.ALREADY_EXISTS, "offer")
                        : versioned(current, Offer::version, w.readVersion(), "offer");
            }
            case MatterChange.LawyerWritten w ->
                versioned(lawyers.get(w.lawyer().id()), Lawyer::version, w.readVersion(), "lawyer");
            case MatterChange.StatsWritten w ->
                w.readVersion() == 0
                        ? absent(stats.get(w.stats().lawyerId()), Failure.CHANGED_CONCURRENTLY, "stats")
                        : versioned(stats.get(w.stats().lawyerId()), LawyerStats::version, w.readVersion(), "stats");
            case MatterChange.TokenCreated w -> absent(tokens.get(w.token().hash()), Failure.ALREADY_EXISTS, "token");
            case MatterChange.EmailQueued w -> absent(outbox.get(w.message().id()), Failure.ALREADY_EXISTS, "email");
            case MatterChange.RequestAudited w -> Optional.empty();
            case MatterChange.Counted w -> Optional.empty();
        };
    }

    private static <T> Optional<Outcome.Rejected> versioned(
            T current, java.util.function.ToLongFunction<T> version, long expected, String what) {
        if (current != null && version.applyAsLong(current) == expected) return Optional.empty();
        return Optional.of(new Outcome.Rejected(Failure.CHANGED_CONCURRENTLY, "replace " + what));
    }

    private static Optional<Outcome.Rejected> absent(Object current, Failure ifPresent, String what) {
        return current == null ? Optional.empty() : Optional.of(new Outcome.Rejected(ifPresent, "create " + what));
    }

    private void apply(MatterChange.Write write) {
        switch (write) {
            case MatterChange.RequestWritten w -> put(w.request());
            case MatterChange.OfferWritten w -> put(w.offer());
            case MatterChange.LawyerWritten w -> put(w.lawyer());
            case MatterChange.StatsWritten w -> put(w.stats());
            case MatterChange.TokenCreated w -> put(w.token());
            case MatterChange.EmailQueued w -> outbox.put(w.message().id(), w.message());
            case MatterChange.RequestAudited w ->
                history.computeIfAbsent(w.written().id(), id -> new ArrayList<>())
                        .add(new AuditEvent(w.at(), w.written().status().name(), w.note(), w.actor()));
            case MatterChange.Counted w -> tallies.add(w.tally());
        }
    }

    // Lawyers

    @Override
    public Optional<LawyerProfile> profile(String lawyerId) {
        return lawyer(lawyerId).map(lawyer -> new LawyerProfile(lawyer, stats(lawyerId)));
    }

    @Override
    public Optional<Lawyer> lawyer(String lawyerId) {
        return Optional.ofNullable(lawyers.get(lawyerId));
    }

    @Override
    public List<LawyerProfile> practising(Category category) {
        return lawyers.values().stream()
                .filter(lawyer -> lawyer.practiceAreas().contains(category))
                .map(lawyer -> new LawyerProfile(lawyer, stats(lawyer.id())))
                .toList();
    }

    // Offers

    @Override
    public List<Offer> pending() {
        return offers.values().stream()
                .flatMap(byLawyer -> byLawyer.values().stream())
                .filter(Offer::isPending)
                .sorted(Comparator.comparing(Offer::respondBy).thenComparing(Offer::requestId))
                .toList();
    }

    @Override
    public Optional<Token> token(String hash) {
        return Optional.ofNullable(tokens.get(hash)).filter(token -> !token.isExpired(clock.instant()));
    }
}
