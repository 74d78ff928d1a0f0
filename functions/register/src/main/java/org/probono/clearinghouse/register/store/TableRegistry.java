package org.probono.clearinghouse.register.store;

import java.util.List;
import java.util.Optional;
import org.probono.clearinghouse.domain.AuditEvent;
import org.probono.clearinghouse.domain.Category;
import org.probono.clearinghouse.domain.Failure;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.domain.Outcome;
import org.probono.clearinghouse.domain.ProfileKind;
import org.probono.clearinghouse.domain.ProfileStatus;
import org.probono.clearinghouse.domain.Token;
import org.probono.clearinghouse.register.app.AuditNote;
import org.probono.clearinghouse.register.app.Consent;
import org.probono.clearinghouse.register.app.Registrant;
import org.probono.clearinghouse.register.app.Registry;
import org.probono.clearinghouse.store.AuditItems;
import org.probono.clearinghouse.store.EmailClaimItems;
import org.probono.clearinghouse.store.Item;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.LawyerItems;
import org.probono.clearinghouse.store.OrganisationItems;
import org.probono.clearinghouse.store.OutboxItems;
import org.probono.clearinghouse.store.Store;
import org.probono.clearinghouse.store.TokenItems;
import org.probono.clearinghouse.store.Transaction;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Registrations in the single table: every step one transaction (profile + audit event + outbox email). */
public final class TableRegistry implements Registry {
    /** The token is still there and nobody spent it: two simultaneous clicks verify once. */
    private static final Expression UNSPENT = Expression.builder()
            .expression("attribute_exists(PK) AND attribute_not_exists(usedAt)")
            .build();

    /*
     * Audit sequence numbers by step: a registration's events sort in step order, and never collide, even
     * when two steps fall in the same instant (a fixed clock, a coarse one).
     */
    private static final int REGISTERED = 0;
    private static final int VERIFIED = 1;
    private static final int REVIEWED = 2;
    private static final int REISSUED = 3;

    /** The token to revoke is still there: a reissue that raced another one fails instead of writing. */
    private static final Expression STILL_THERE =
            Expression.builder().expression("attribute_exists(PK)").build();

    private final Store store;

    public TableRegistry(Store store) {
        this.store = store;
    }

    @Override
    public Outcome register(Registrant registrant, Token verification, AuditNote note, OutboxMessage email) {
        Transaction registration = new Transaction()
                .create(
                        EmailClaimItems.toItem(registrant.email(), registrant.kind(), registrant.id()),
                        Failure.ALREADY_EXISTS);
        return store.commit(newProfile(registration, registrant, verification, note, email));
    }

    /** What every registration writes beside its email claim. */
    private static Transaction newProfile(
            Transaction transaction, Registrant registrant, Token verification, AuditNote note, OutboxMessage email) {
        return transaction
                .create(toItem(registrant))
                .create(TokenItems.toItem(verification))
                .create(auditItem(registrant, note, REGISTERED))
                .create(OutboxItems.toItem(email));
    }

    @Override
    public Optional<Registrant> holderOf(String email) {
        return store.get(Keys.email(email))
                .flatMap(claim -> find(claim.enumValue("kind", ProfileKind.class), claim.requiredString("ownerId")));
    }

    @Override
    public Outcome takeOver(
            Registrant abandoned,
            AuditNote abandonedNote,
            Registrant registrant,
            Token verification,
            AuditNote note,
            OutboxMessage email) {
        Registrant rejected = abandoned.withStatus(ProfileStatus.REJECTED);
        Expression stillTheirs = Expression.builder()
                .expression("ownerId = :owner")
                .expressionValues(java.util.Map.of(":owner", AttributeValue.fromS(abandoned.id())))
                .build();
        Transaction takeOver = new Transaction()
                .putIf(
                        EmailClaimItems.toItem(registrant.email(), registrant.kind(), registrant.id()),
                        stillTheirs,
                        Failure.ALREADY_EXISTS)
                .replace(toItem(rejected), abandoned.version())
                .create(auditItem(rejected, abandonedNote, REVIEWED));
        return store.commit(newProfile(takeOver, registrant, verification, note, email));
    }

    @Override
    public Optional<Token> token(String hash) {
        return store.get(Keys.token(hash)).map(item -> TokenItems.from(hash, item));
    }

    @Override
    public Optional<Registrant> find(ProfileKind kind, String id) {
        Key key = kind == ProfileKind.ORGANISATION ? Keys.organisation(id) : Keys.lawyer(id);
        return store.get(key).map(TableRegistry::toRegistrant);
    }

    @Override
    public Outcome verify(Registrant verified, long expectedVersion, Token spent, AuditNote note, Consent consent) {
        return store.commit(new Transaction()
                .putIf(TokenItems.toItem(spent), UNSPENT, Failure.WRONG_STATE)
                .replace(toItem(verified), expectedVersion)
                .create(auditItem(verified, note, VERIFIED))
                .put(ConsentItems.toItem(partition(verified), consent)));
    }

    @Override
    public Outcome approve(
            Registrant approved, long expectedVersion, Token accessToken, AuditNote note, OutboxMessage email) {
        Transaction change = new Transaction()
                .replace(toItem(approved), expectedVersion)
                .create(auditItem(approved, note, REVIEWED))
                .create(OutboxItems.toItem(email));
        if (accessToken != null) change.create(TokenItems.toItem(accessToken));
        if (approved instanceof Registrant.OfLawyer lawyer) {
            for (Category area : lawyer.lawyer().practiceAreas())
                change.create(LawyerItems.areaItem(lawyer.id(), area));
        }
        return store.commit(change);
    }

    @Override
    public Outcome reject(Registrant rejected, long expectedVersion, AuditNote note, OutboxMessage email) {
        return store.commit(new Transaction()
                .replace(toItem(rejected), expectedVersion)
                .delete(Keys.email(rejected.email()))
                .create(auditItem(rejected, note, REVIEWED))
                .create(OutboxItems.toItem(email)));
    }

    @Override
    public List<Token> accessTokens(String organisationId) {
        return store.index(Keys.GSI1, Keys.organisationTokensPk(organisationId), true, 0).stream()
                .map(item -> TokenItems.from(item.requiredString(Keys.GSI1SK), item))
                .toList();
    }

    @Override
    public Outcome reissueAccess(
            Registrant organisation,
            long expectedVersion,
            List<Token> revoked,
            Token fresh,
            AuditNote note,
            OutboxMessage email) {
        Transaction change = new Transaction().replace(toItem(organisation), expectedVersion);
        for (Token old : revoked) change.deleteIf(Keys.token(old.hash()), STILL_THERE, Failure.CHANGED_CONCURRENTLY);
        return store.commit(change.create(TokenItems.toItem(fresh))
                .create(auditItem(organisation, note, REISSUED))
                .create(OutboxItems.toItem(email)));
    }

    @Override
    public List<Registrant> pendingReview() {
        return store.index(Keys.GSI1, Keys.REVIEW_PENDING, true, 0).stream()
                .map(TableRegistry::toRegistrant)
                .toList();
    }

    /** The registrant's partition: its profile, consent and audit trail ({@code ORG#id} or {@code LAWYER#id}). */
    private static String partition(Registrant registrant) {
        return registrant.kind() == ProfileKind.ORGANISATION
                ? Keys.organisationPk(registrant.id())
                : Keys.lawyerPk(registrant.id());
    }

    /** The note as an event in the registrant's trail, with the status the step left it in. */
    private static EnhancedDocument auditItem(Registrant written, AuditNote note, int seq) {
        return AuditItems.toItem(
                partition(written), new AuditEvent(note.at(), written.status().name(), note.note(), note.actor()), seq);
    }

    private static EnhancedDocument toItem(Registrant registrant) {
        return switch (registrant) {
            case Registrant.OfOrganisation org -> OrganisationItems.toItem(org.organisation());
            case Registrant.OfLawyer lawyer -> LawyerItems.toItem(lawyer.lawyer());
        };
    }

    private static Registrant toRegistrant(Item item) {
        return switch (item.entity()) {
            case OrganisationItems.ENTITY -> new Registrant.OfOrganisation(OrganisationItems.from(item));
            case LawyerItems.ENTITY -> new Registrant.OfLawyer(LawyerItems.from(item));
            default -> throw new IllegalStateException("not a registration: " + item.entity());
        };
    }
}
