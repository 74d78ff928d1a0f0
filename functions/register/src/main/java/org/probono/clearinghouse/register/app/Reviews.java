package org.probono.clearinghouse.register.app;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.probono.clearinghouse.domain.AuditEvent;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.domain.ProfileKind;
import org.probono.clearinghouse.domain.ProfileStatus;
import org.probono.clearinghouse.domain.Token;
import org.probono.clearinghouse.ids.Ids;
import org.probono.clearinghouse.ids.Secrets;
import org.probono.clearinghouse.store.Outcome;

/**
 * The team reviews verified registrations: approve or reject, only from PENDING_REVIEW. Approving an
 * organisation issues its access token (emailed, stored only as a hash); approving a lawyer makes them
 * matchable; rejecting frees the email address.
 */
public final class Reviews {
    private final Registry registry;
    private final Ids ids;
    private final Secrets secrets;
    private final Clock clock;
    private final String webUrl;

    public Reviews(Registry registry, Ids ids, Secrets secrets, Clock clock, String webUrl) {
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

    public List<PendingRegistration> listPending() {
        return registry.pendingReview().stream().map(PendingRegistration::of).toList();
    }

    public Result approve(ProfileKind kind, String id, String reviewedBy) {
        return decide(kind, id, ProfileStatus.APPROVED, (current, approved) -> {
            Instant now = clock.instant();
            AuditEvent event = new AuditEvent(current.subjectKey(), now, approved.status().name(), "approved", reviewedBy);
            return switch (approved) {
                case Registrant.OfOrganisation org -> {
                    String secret = secrets.newToken();
                    Token access = new Token(Secrets.hash(secret), Token.Purpose.ORGANISATION_ACCESS,
                            ProfileKind.ORGANISATION, org.id(), null, null, null);
                    OutboxMessage email = new OutboxMessage(ids.next(), EmailTemplate.ORGANISATION_APPROVED, org.email(),
                            Map.of("name", org.name(), "contactName", org.organisation().contact().name(), "webUrl", webUrl),
                            secret, null, now);
                    yield registry.approve(approved, current.version(), access, event, email);
                }
                case Registrant.OfLawyer lawyer -> registry.approve(approved, current.version(), null, event,
                        OutboxMessage.of(ids.next(), EmailTemplate.LAWYER_APPROVED, lawyer.email(),
                                Map.of("name", lawyer.name()), now));
            };
        });
    }

    public Result reject(ProfileKind kind, String id, String reviewedBy, String reason) {
        return decide(kind, id, ProfileStatus.REJECTED, (current, rejected) -> {
            Instant now = clock.instant();
            AuditEvent event = new AuditEvent(current.subjectKey(), now, rejected.status().name(), reason, reviewedBy);
            OutboxMessage email = OutboxMessage.of(ids.next(), EmailTemplate.REGISTRATION_REJECTED, current.email(),
                    Map.of("name", current.name(), "kind", current.kind().word(), "reason", reason), now);
            return registry.reject(rejected, current.version(), event, email);
        });
    }

    private Result decide(ProfileKind kind, String id, ProfileStatus target, Decision decision) {
        Optional<Registrant> found = registry.find(kind, id);
        if (found.isEmpty()) return new Result.NotFound();
        Registrant current = found.get();
        if (current.status() != ProfileStatus.PENDING_REVIEW) return new Result.WrongState(current.status());
        return switch (decision.commit(current, current.withStatus(target))) {
            case Outcome.Committed c -> new Result.Reviewed(id, target);
            // Someone decided (or changed) it between our read and our write: report where it stands now.
            case Outcome.Rejected r -> new Result.WrongState(
                    registry.find(kind, id).map(Registrant::status).orElse(current.status()));
        };
    }

    private interface Decision {
        Outcome commit(Registrant current, Registrant decided);
    }
}
