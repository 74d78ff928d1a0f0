package org.probono.clearinghouse.register.app;

import java.util.List;
import java.util.Optional;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.domain.Outcome;
import org.probono.clearinghouse.domain.ProfileKind;
import org.probono.clearinghouse.domain.Token;

/**
 * Where registrations live. Each change is one transaction: the profile, its audit event (the note, filed
 * under the profile with the status the change leaves it in), its email and whatever else the step needs,
 * all written or none, under conditions that make a concurrent or repeated step fail instead of writing twice.
 */
public interface Registry {
    /** Claims the email (ALREADY_EXISTS if taken) and writes the new profile, its verification token, event and email. */
    Outcome register(Registrant registrant, Token verification, AuditNote note, OutboxMessage email);

    /** Who holds an email address now, if anyone. */
    Optional<Registrant> holderOf(String email);

    /**
     * Gives an address whose registration was never verified to a new registration: the old profile is
     * rejected (its audit trail says why), the claim moves to the new one, and the new profile, token,
     * event and email are written; all in one transaction, under the old profile's version.
     */
    Outcome takeOver(
            Registrant abandoned,
            AuditNote abandonedNote,
            Registrant registrant,
            Token verification,
            AuditNote note,
            OutboxMessage email);

    /** A token by its hash; expired tokens are absent. */
    Optional<Token> token(String hash);

    Optional<Registrant> find(ProfileKind kind, String id);

    /** Moves the profile on, spends the token (WRONG_STATE if it was spent meanwhile) and records the consent. */
    Outcome verify(Registrant verified, long expectedVersion, Token spent, AuditNote note, Consent consent);

    /**
     * Approves: an organisation gets its access token, a lawyer its practice-area index entries.
     * {@code accessToken} is null for a lawyer.
     */
    Outcome approve(Registrant approved, long expectedVersion, Token accessToken, AuditNote note, OutboxMessage email);

    /** Rejects and frees the email address for a new registration. */
    Outcome reject(Registrant rejected, long expectedVersion, AuditNote note, OutboxMessage email);

    /**
     * An organisation's access tokens (normally one), from GSI1: eventually consistent, so a token written
     * a moment ago may be missing (a second reissue then removes it).
     */
    List<Token> accessTokens(String organisationId);

    /**
     * Replaces an approved organisation's access tokens: {@code revoked} deleted (each only if still
     * there), {@code fresh} created, the organisation moved one version on from {@code expectedVersion}
     * (so two reissues at once cannot both win), the event and the email written; all or nothing.
     */
    Outcome reissueAccess(
            Registrant organisation,
            long expectedVersion,
            List<Token> revoked,
            Token fresh,
            AuditNote note,
            OutboxMessage email);

    /** Registrations awaiting review, oldest first. */
    List<Registrant> pendingReview();
}
