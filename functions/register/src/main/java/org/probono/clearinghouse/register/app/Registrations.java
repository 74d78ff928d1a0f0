package org.probono.clearinghouse.register.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.probono.clearinghouse.crypto.TokenSealer;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.Failure;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.domain.Outcome;
import org.probono.clearinghouse.domain.ProfileStatus;
import org.probono.clearinghouse.domain.Token;
import org.probono.clearinghouse.ids.Ids;
import org.probono.clearinghouse.ids.Secrets;

/** Organisations and lawyers join: a checked form becomes a profile awaiting email verification. */
public final class Registrations {
    /** How long a verification link works. */
    public static final Duration VERIFICATION_VALIDITY = Duration.ofHours(48);

    static final String ACTOR = "registrant";

    private final Registry registry;
    private final Ids ids;
    private final Secrets secrets;
    private final Clock clock;
    private final TokenSealer sealer;
    private final PrivacyNotice notice;

    public Registrations(
            Registry registry, Ids ids, Secrets secrets, Clock clock, TokenSealer sealer, PrivacyNotice notice) {
        this.registry = registry;
        this.ids = ids;
        this.secrets = secrets;
        this.clock = clock;
        this.sealer = sealer;
        this.notice = notice;
    }

    /** What became of a registration that passed validation. */
    public sealed interface Result {
        record Registered(String id, ProfileStatus status) implements Result {}

        /** The email already belongs to an organisation or lawyer whose registration was not rejected. */
        record EmailTaken() implements Result {}
    }

    /** Registers the organisation; a bad form is InvalidInput (a 400) and writes nothing. {@code apiUrl} goes into the link. */
    public Result registerOrganisation(OrganisationForm form, String apiUrl) {
        Instant now = clock.instant();
        return register(
                new Registrant.OfOrganisation(RegistrationRules.organisation(form, ids.next(), now)), apiUrl, now);
    }

    public Result registerLawyer(LawyerForm form, String apiUrl) {
        Instant now = clock.instant();
        return register(new Registrant.OfLawyer(RegistrationRules.lawyer(form, ids.next(), now)), apiUrl, now);
    }

    private Result register(Registrant registrant, String apiUrl, Instant now) {
        String secret = secrets.newToken();
        Token verification = new Token(
                Secrets.hash(secret),
                Token.Purpose.VERIFY_EMAIL,
                registrant.kind(),
                registrant.id(),
                null,
                now.plus(VERIFICATION_VALIDITY),
                null);
        AuditNote note = new AuditNote(now, "registered", ACTOR);
        String emailId = ids.next();
        OutboxMessage email = new OutboxMessage(
                emailId,
                EmailTemplate.VERIFY_EMAIL,
                registrant.email(),
                registrant.preferredLanguage(),
                Map.of(
                        "name",
                        registrant.name(),
                        "kind",
                        registrant.kind().word(),
                        "apiUrl",
                        apiUrl,
                        "privacyNoticeUrl",
                        notice.url(registrant.preferredLanguage())),
                sealer.seal(secret, emailId),
                null,
                now);
        Outcome outcome = registry.register(registrant, verification, note, email);
        if (outcome instanceof Outcome.Rejected r && r.failure() == Failure.ALREADY_EXISTS) {
            outcome = abandonedHolder(registrant.email(), now)
                    .map(abandoned -> registry.takeOver(
                            abandoned,
                            new AuditNote(now, "The address was never verified and was registered again.", ACTOR),
                            registrant,
                            verification,
                            note,
                            email))
                    .orElse(outcome);
        }
        return switch (outcome) {
            case Outcome.Committed c -> new Result.Registered(registrant.id(), registrant.status());
            case Outcome.Rejected r
            when r.failure() == Failure.ALREADY_EXISTS || r.failure() == Failure.CHANGED_CONCURRENTLY ->
                new Result.EmailTaken();
            case Outcome.Rejected r -> throw new IllegalStateException("registration failed: " + r.label());
        };
    }

    /**
     * The holder of an address, if its registration was never verified and its link has expired: the
     * address then goes to whoever registers it now (a lost verification email must not block an address).
     */
    private Optional<Registrant> abandonedHolder(String email, Instant now) {
        return registry.holderOf(email)
                .filter(holder -> holder.status() == ProfileStatus.PENDING_VERIFICATION
                        && !now.isBefore(holder.createdAt().plus(VERIFICATION_VALIDITY)));
    }
}
