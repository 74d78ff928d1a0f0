package org.probono.clearinghouse.register.app;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.probono.clearinghouse.crypto.TokenSealer;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.domain.Outcome;
import org.probono.clearinghouse.domain.ProfileKind;
import org.probono.clearinghouse.domain.ProfileStatus;
import org.probono.clearinghouse.domain.Token;
import org.probono.clearinghouse.ids.Ids;
import org.probono.clearinghouse.ids.Secrets;

/**
 * The team reviews verified registrations: approve or reject, only from PENDING_REVIEW. Approving an
 * organisation issues its access token (emailed, stored only as a hash); approving a lawyer makes them
 * matchable; rejecting frees the email address. An approved organisation that lost its token, or whose
 * token leaked, gets a new one in place of every old one.
 */
public final class Reviews {
    private final Registry registry;
    private final Ids ids;
    private final Secrets secrets;
    private final Clock clock;
    private final String webUrl;
    private final TokenSealer sealer;

    public Reviews(Registry registry, Ids ids, Secrets secrets, Clock clock, String webUrl, TokenSealer sealer) {
        this.sealer = sealer;
        this.registry = registry;
        this.ids = ids;
        this.secrets = secrets;
        this.clock = clock;
        this.webUrl = webUrl;
    }

    public sealed interface Result {
        record Reviewed(String id, ProfileStatus status) implements Result {}

        record NotFound() implements Result {}

        /** Not awaiting review (still unverified, or already decided), or changed while we decided. */
        record WrongState(ProfileStatus status) implements Result {}
    }

    public sealed interface Reissue {
        record Reissued(String id) implements Reissue {}

        record NotFound() implements Reissue {}

        /** Only an approved organisation holds an access token. */
        record NotApproved(ProfileStatus status) implements Reissue {}

        /** The organisation or its tokens changed between our read and our write (another reissue?). */
        record Changed() implements Reissue {}
    }

    public List<PendingRegistration> listPending() {
        return registry.pendingReview().stream().map(PendingRegistration::of).toList();
    }

    public Result approve(ProfileKind kind, String id, String reviewedBy) {
        return decide(kind, id, ProfileStatus.APPROVED, (current, approved) -> {
            Instant now = clock.instant();
            AuditNote note = new AuditNote(now, "approved", reviewedBy);
            return switch (approved) {
                case Registrant.OfOrganisation org -> {
                    String secret = secrets.newToken();
                    yield registry.approve(
                            approved,
                            current.version(),
                            accessToken(org, secret),
                            note,
                            accessEmail(EmailTemplate.ORGANISATION_APPROVED, org, secret, now));
                }
                case Registrant.OfLawyer lawyer ->
                    registry.approve(
                            approved,
                            current.version(),
                            null,
                            note,
                            OutboxMessage.of(
                                    ids.next(),
                                    EmailTemplate.LAWYER_APPROVED,
                                    lawyer.email(),
                                    lawyer.preferredLanguage(),
                                    Map.of("name", lawyer.name()),
                                    now));
            };
        });
    }

    public Result reject(ProfileKind kind, String id, String reviewedBy, String reason) {
        return decide(kind, id, ProfileStatus.REJECTED, (current, rejected) -> {
            Instant now = clock.instant();
            AuditNote note = new AuditNote(now, reason, reviewedBy);
            OutboxMessage email = OutboxMessage.of(
                    ids.next(),
                    EmailTemplate.REGISTRATION_REJECTED,
                    current.email(),
                    current.preferredLanguage(),
                    Map.of("name", current.name(), "kind", current.kind().word(), "reason", reason),
                    now);
            return registry.reject(rejected, current.version(), note, email);
        });
    }

    /**
     * A new access token for an approved organisation, emailed to its contact; every token it held stops
     * working in the same transaction. {@code reason} is optional (null) and goes into the audit trail.
     */
    public Reissue reissueToken(String id, String reviewedBy, String reason) {
        if (!(registry.find(ProfileKind.ORGANISATION, id).orElse(null) instanceof Registrant.OfOrganisation org)) {
            return new Reissue.NotFound();
        }
        if (org.status() != ProfileStatus.APPROVED) return new Reissue.NotApproved(org.status());

        Instant now = clock.instant();
        String secret = secrets.newToken();
        String note = "access token reissued" + (reason == null ? "" : ": " + reason);
        AuditNote audit = new AuditNote(now, note, reviewedBy);
        Outcome outcome = registry.reissueAccess(
                org.withStatus(ProfileStatus.APPROVED),
                org.version(),
                registry.accessTokens(id),
                accessToken(org, secret),
                audit,
                accessEmail(EmailTemplate.ORGANISATION_TOKEN_REISSUED, org, secret, now));
        return switch (outcome) {
            case Outcome.Committed c -> new Reissue.Reissued(id);
            // Nothing was written. Say why if the organisation is no longer approved; else someone else won.
            case Outcome.Rejected r ->
                registry.find(ProfileKind.ORGANISATION, id)
                        .filter(latest -> latest.status() != ProfileStatus.APPROVED)
                        .<Reissue>map(latest -> new Reissue.NotApproved(latest.status()))
                        .orElseGet(Reissue.Changed::new);
        };
    }

    /** An organisation's access token: stored only as the secret's hash, never expires, deleted to revoke. */
    private static Token accessToken(Registrant.OfOrganisation org, String secret) {
        return new Token(
                Secrets.hash(secret),
                Token.Purpose.ORGANISATION_ACCESS,
                ProfileKind.ORGANISATION,
                org.id(),
                null,
                null,
                null);
    }

    /** The email that hands the contact the secret (sealed in the outbox item, never in data). */
    private OutboxMessage accessEmail(
            EmailTemplate template, Registrant.OfOrganisation org, String secret, Instant now) {
        String emailId = ids.next();
        return new OutboxMessage(
                emailId,
                template,
                org.email(),
                org.preferredLanguage(),
                Map.of(
                        "name",
                        org.name(),
                        "contactName",
                        org.organisation().contact().name(),
                        "webUrl",
                        webUrl),
                sealer.seal(secret, emailId),
                null,
                now);
    }

    private Result decide(ProfileKind kind, String id, ProfileStatus target, Decision decision) {
        Optional<Registrant> found = registry.find(kind, id);
        if (found.isEmpty()) return new Result.NotFound();
        Registrant current = found.get();
        if (current.status() != ProfileStatus.PENDING_REVIEW) return new Result.WrongState(current.status());
        return switch (decision.commit(current, current.withStatus(target))) {
            case Outcome.Committed c -> new Result.Reviewed(id, target);
            // Someone decided (or changed) it between our read and our write: report where it stands now.
            case Outcome.Rejected r ->
                new Result.WrongState(
                        registry.find(kind, id).map(Registrant::status).orElse(current.status()));
        };
    }

    private interface Decision {
        Outcome commit(Registrant current, Registrant decided);
    }
}
