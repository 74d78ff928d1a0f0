package org.probono.clearinghouse.register.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.probono.clearinghouse.domain.Failure;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.domain.Outcome;
import org.probono.clearinghouse.domain.ProfileKind;
import org.probono.clearinghouse.domain.ProfileStatus;
import org.probono.clearinghouse.domain.Token;

/**
 * The {@link Registry} in memory, for the rules' tests. It keeps the table's conditions: one claim per
 * email address, profiles replaced only at the version they were read at, a verification link spent once,
 * a revoked token still there; and it commits each change whole or not at all.
 */
public final class InMemoryRegistry implements Registry {
    /** A line of a registrant's audit trail, as TableRegistry files it. */
    public record Filed(ProfileKind kind, String id, ProfileStatus status, AuditNote note) {}

    private final Clock clock;
    private final Map<String, Registrant> profiles = new LinkedHashMap<>();
    private final Map<String, String> claims = new HashMap<>();
    private final Map<String, Token> tokens = new LinkedHashMap<>();
    private final List<Filed> audit = new ArrayList<>();
    private final List<OutboxMessage> outbox = new ArrayList<>();
    private final Map<String, List<Consent>> consents = new HashMap<>();

    public InMemoryRegistry(Clock clock) {
        this.clock = clock;
    }

    /** What the current change will write, applied only once every condition held. */
    private final class Change {
        private final List<Runnable> writes = new ArrayList<>();
        private Failure failure;

        Change require(boolean condition, Failure ifNot) {
            if (!condition && failure == null) failure = ifNot;
            return this;
        }

        Change write(Runnable write) {
            writes.add(write);
            return this;
        }

        Change replace(Registrant written, long expectedVersion) {
            Registrant current = profiles.get(key(written.kind(), written.id()));
            return require(current != null && current.version() == expectedVersion, Failure.CHANGED_CONCURRENTLY)
                    .write(() -> profiles.put(key(written.kind(), written.id()), written));
        }

        Change file(Registrant written, AuditNote note) {
            return write(() -> audit.add(new Filed(written.kind(), written.id(), written.status(), note)));
        }

        Change createToken(Token token) {
            return require(!tokens.containsKey(token.hash()), Failure.ALREADY_EXISTS)
                    .write(() -> tokens.put(token.hash(), token));
        }

        Change send(OutboxMessage email) {
            return write(() -> outbox.add(email));
        }

        Change newProfile(Registrant registrant, Token verification, AuditNote note, OutboxMessage email) {
            return require(!profiles.containsKey(key(registrant.kind(), registrant.id())), Failure.ALREADY_EXISTS)
                    .write(() -> profiles.put(key(registrant.kind(), registrant.id()), registrant))
                    .createToken(verification)
                    .file(registrant, note)
                    .send(email);
        }

        Outcome commit() {
            if (failure != null) return new Outcome.Rejected(failure, failure.name());
            writes.forEach(Runnable::run);
            return new Outcome.Committed();
        }
    }

    @Override
    public synchronized Outcome register(
            Registrant registrant, Token verification, AuditNote note, OutboxMessage email) {
        return new Change()
                .require(!claims.containsKey(registrant.email()), Failure.ALREADY_EXISTS)
                .write(() -> claims.put(registrant.email(), key(registrant.kind(), registrant.id())))
                .newProfile(registrant, verification, note, email)
                .commit();
    }

    @Override
    public synchronized Optional<Registrant> holderOf(String email) {
        return Optional.ofNullable(claims.get(email)).map(profiles::get);
    }

    @Override
    public synchronized Outcome takeOver(
            Registrant abandoned,
            AuditNote abandonedNote,
            Registrant registrant,
            Token verification,
            AuditNote note,
            OutboxMessage email) {
        Registrant rejected = abandoned.withStatus(ProfileStatus.REJECTED);
        return new Change()
                .require(
                        key(abandoned.kind(), abandoned.id()).equals(claims.get(registrant.email())),
                        Failure.ALREADY_EXISTS)
                .write(() -> claims.put(registrant.email(), key(registrant.kind(), registrant.id())))
                .replace(rejected, abandoned.version())
                .file(rejected, abandonedNote)
                .newProfile(registrant, verification, note, email)
                .commit();
    }

    @Override
    public synchronized Optional<Token> token(String hash) {
        return Optional.ofNullable(tokens.get(hash)).filter(token -> !token.isExpired(clock.instant()));
    }

    @Override
    public synchronized Optional<Registrant> find(ProfileKind kind, String id) {
        return Optional.ofNullable(profiles.get(key(kind, id)));
    }

    @Override
    public synchronized Outcome verify(
            Registrant verified, long expectedVersion, Token spent, AuditNote note, Consent consent) {
        Token current = tokens.get(spent.hash());
        return new Change()
                .require(current != null && !current.isUsed(), Failure.WRONG_STATE)
                .write(() -> tokens.put(spent.hash(), spent))
                .replace(verified, expectedVersion)
                .file(verified, note)
                .write(() -> consents.computeIfAbsent(key(verified.kind(), verified.id()), k -> new ArrayList<>())
                        .add(consent))
                .commit();
    }

    @Override
    public synchronized Outcome approve(
            Registrant approved, long expectedVersion, Token accessToken, AuditNote note, OutboxMessage email) {
        Change change = new Change()
                .replace(approved, expectedVersion)
                .file(approved, note)
                .send(email);
        if (accessToken != null) change.createToken(accessToken);
        return change.commit();
    }

    @Override
    public synchronized Outcome reject(Registrant rejected, long expectedVersion, AuditNote note, OutboxMessage email) {
        return new Change()
                .replace(rejected, expectedVersion)
                .write(() -> claims.remove(rejected.email()))
                .file(rejected, note)
                .send(email)
                .commit();
    }

    @Override
    public synchronized List<Token> accessTokens(String organisationId) {
        return tokens.values().stream()
                .filter(token -> token.purpose() == Token.Purpose.ORGANISATION_ACCESS)
                .filter(token -> token.subjectId().equals(organisationId))
                .toList();
    }

    @Override
    public synchronized Outcome reissueAccess(
            Registrant organisation,
            long expectedVersion,
            List<Token> revoked,
            Token fresh,
            AuditNote note,
            OutboxMessage email) {
        Change change = new Change().replace(organisation, expectedVersion);
        for (Token old : revoked) {
            change.require(tokens.containsKey(old.hash()), Failure.CHANGED_CONCURRENTLY)
                    .write(() -> tokens.remove(old.hash()));
        }
        return change.createToken(fresh).file(organisation, note).send(email).commit();
    }

    @Override
    public synchronized List<Registrant> pendingReview() {
        return profiles.values().stream()
                .filter(registrant -> registrant.status() == ProfileStatus.PENDING_REVIEW)
                .sorted(Comparator.comparing(Registrant::createdAt).thenComparing(Registrant::id))
                .toList();
    }

    /** Every email written, in order. */
    public synchronized List<OutboxMessage> outbox() {
        return List.copyOf(outbox);
    }

    /** Every audit line written, in order. */
    public synchronized List<Filed> audit() {
        return List.copyOf(audit);
    }

    /** The consents recorded on a profile. */
    public synchronized List<Consent> consents(ProfileKind kind, String id) {
        return List.copyOf(consents.getOrDefault(key(kind, id), List.of()));
    }

    /** Every token stored, spent or not, expired or not. */
    public synchronized List<Token> tokens() {
        return List.copyOf(tokens.values());
    }

    private static String key(ProfileKind kind, String id) {
        return kind + "#" + id;
    }
}
