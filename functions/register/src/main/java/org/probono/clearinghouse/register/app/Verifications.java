package org.probono.clearinghouse.register.app;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.probono.clearinghouse.domain.Outcome;
import org.probono.clearinghouse.domain.ProfileStatus;
import org.probono.clearinghouse.domain.Token;
import org.probono.clearinghouse.ids.Secrets;

/**
 * A registrant follows the emailed link: the profile moves to PENDING_REVIEW once, and consent to the
 * privacy notice the email linked (its version, the time) is recorded on the profile in the same write. A second click (or a
 * second, simultaneous one) finds the token spent and says the address is already verified.
 */
public final class Verifications {
    static final java.time.Duration SPENT_LINK_KEPT = java.time.Duration.ofDays(365);
    private final Registry registry;
    private final Clock clock;
    private final PrivacyNotice notice;

    public Verifications(Registry registry, Clock clock, PrivacyNotice notice) {
        this.registry = registry;
        this.clock = clock;
        this.notice = notice;
    }

    public sealed interface Result {
        record Verified(String name, ProfileStatus status) implements Result {}

        record AlreadyVerified(String name, ProfileStatus status) implements Result {}

        /** Unknown, malformed or expired: the caller cannot tell which, and need not. */
        record Invalid() implements Result {}
    }

    public Result verify(String secret) {
        if (!Secrets.looksLikeToken(secret)) return new Result.Invalid();
        String hash = Secrets.hash(secret);
        // Two attempts: a simultaneous click may win the race; the second look then finds the token spent.
        Outcome lastFailure = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            Optional<Token> token = registry.token(hash).filter(t -> t.purpose() == Token.Purpose.VERIFY_EMAIL);
            if (token.isEmpty()) return new Result.Invalid();
            Optional<Registrant> registrant =
                    registry.find(token.get().kind(), token.get().subjectId());
            if (registrant.isEmpty()) return new Result.Invalid();
            Registrant current = registrant.get();
            if (token.get().isUsed() || current.status() != ProfileStatus.PENDING_VERIFICATION) {
                return new Result.AlreadyVerified(current.name(), current.status());
            }
            Instant now = clock.instant();
            Registrant verified = current.withStatus(ProfileStatus.PENDING_REVIEW);
            AuditNote note = new AuditNote(now, "email verified", Registrations.ACTOR);
            // A spent link is kept a year, so a click long after still says "already verified", not "unknown".
            Token spent = token.get().usedAt(now).keptUntil(now.plus(SPENT_LINK_KEPT));
            // The link came with the notice: opening it is the registrant's consent to that version.
            Consent consent = new Consent(notice.version(), current.preferredLanguage(), now);
            Outcome outcome = registry.verify(verified, current.version(), spent, note, consent);
            if (outcome instanceof Outcome.Committed) return new Result.Verified(verified.name(), verified.status());
            lastFailure = outcome;
        }
        throw new IllegalStateException("verification kept failing: " + lastFailure);
    }
}
