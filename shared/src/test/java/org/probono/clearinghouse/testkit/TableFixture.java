package org.probono.clearinghouse.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.probono.clearinghouse.crypto.ConfidentialBox;
import org.probono.clearinghouse.domain.AuditEvent;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LawyerStats;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Offer;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.domain.ProfileKind;
import org.probono.clearinghouse.domain.Token;
import org.probono.clearinghouse.ids.Secrets;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.store.AuditItems;
import org.probono.clearinghouse.store.Item;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.LawyerItems;
import org.probono.clearinghouse.store.LawyerStatsItems;
import org.probono.clearinghouse.store.OfferItems;
import org.probono.clearinghouse.store.OrganisationItems;
import org.probono.clearinghouse.store.OutboxItems;
import org.probono.clearinghouse.store.RequestItems;
import org.probono.clearinghouse.store.Store;
import org.probono.clearinghouse.store.TokenItems;
import org.probono.clearinghouse.store.Transaction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The table of the local backend as the functions' moto tests see it: what the other functions would
 * have written before (organisations with their access token, lawyers with their practice areas and
 * stats, requests, offers, outbox emails), written through the shared store's item mappers so a test
 * depends on no other function's code, and read back as domain records. The ONE table-seeding kit;
 * {@link LocalClearinghouse} seeds through a running runner instead, {@link InMemoryMatters} without a table.
 */
public final class TableFixture {
    private final LocalAws aws;
    private final Store store;
    private final ConfidentialBox box;
    private final Secrets secrets = new Secrets();

    public TableFixture(LocalAws aws, Clock clock) {
        this.aws = aws;
        this.store = new Store(aws.dynamoDb(), aws.tableName(), clock);
        this.box = new ConfidentialBox(aws::kms, aws.environment().get("KMS_KEY_ID"));
    }

    /** The store on the table, for the item-level reads and writes a test checks itself. */
    public Store store() {
        return store;
    }

    /** Tokens sealed and opened as the writing functions and NotifyFunction do. */
    public ConfidentialBox box() {
        return box;
    }

    // ------------------------------------------------------------------ seeding

    /** An organisation and the raw access token its approval would have mailed (held hashed in the table). */
    public record OrganisationWithToken(Organisation organisation, String token) {
        public String id() {
            return organisation.id();
        }
    }

    /** {@code organisation} (any status) with an access token, as Register's approval leaves it. */
    public OrganisationWithToken organisation(Organisation organisation) {
        String token = secrets.newToken();
        commit(new Transaction()
                .create(OrganisationItems.toItem(organisation))
                .create(TokenItems.toItem(new Token(
                        Secrets.hash(token),
                        Token.Purpose.ORGANISATION_ACCESS,
                        ProfileKind.ORGANISATION,
                        organisation.id(),
                        null,
                        null,
                        null))));
        return new OrganisationWithToken(organisation, token);
    }

    /** {@code token} (its hash) in the table; answers the raw token. */
    public String token(String rawToken, Token token) {
        commit(new Transaction().create(TokenItems.toItem(token)));
        return rawToken;
    }

    /** The lawyer's profile and one item per practice area, as Register's approval leaves them. */
    public Lawyer lawyer(Lawyer lawyer) {
        Transaction transaction = new Transaction().create(LawyerItems.toItem(lawyer));
        lawyer.practiceAreas().forEach(area -> transaction.create(LawyerItems.areaItem(lawyer.id(), area)));
        commit(transaction);
        return lawyer;
    }

    public LawyerStats stats(LawyerStats stats) {
        commit(new Transaction().create(LawyerStatsItems.toItem(stats)));
        return stats;
    }

    /** A request as submitted (open requests join the queue through their status). */
    public LegalRequest request(LegalRequest request) {
        commit(new Transaction().create(RequestItems.toItem(request)));
        return request;
    }

    public Offer offer(Offer offer) {
        commit(new Transaction().create(OfferItems.toItem(offer)));
        return offer;
    }

    /** The offer and its reply token ({@link MatterSamples#offerToken}), as Assign's offering leaves them. */
    public Offer offer(Offer offer, String replyToken) {
        commit(new Transaction()
                .create(OfferItems.toItem(offer))
                .create(TokenItems.toItem(MatterSamples.offerToken(offer, replyToken))));
        return offer;
    }

    /** Writes the emails as the functions do, in one transaction: a raw token given in the sealed slot is sealed first. */
    public void outbox(OutboxMessage... messages) {
        Transaction transaction = new Transaction();
        for (OutboxMessage message : messages) transaction.create(OutboxItems.toItem(sealed(message)));
        commit(transaction);
    }

    /** Commits {@code transaction}, which must succeed. */
    public void commit(Transaction transaction) {
        assertThat(store.commit(transaction).committed())
                .as("the fixture's transaction committed")
                .isTrue();
    }

    private OutboxMessage sealed(OutboxMessage message) {
        if (message.sealedToken() == null || message.sealedToken().startsWith("v1.")) return message;
        return new OutboxMessage(
                message.id(),
                message.template(),
                message.to(),
                message.language(),
                message.data(),
                box.sealToken(message.sealedToken(), message.id()),
                message.sealedDetails(),
                message.createdAt());
    }

    // ------------------------------------------------------------------ reading back

    public LegalRequest readRequest(String id) {
        return RequestItems.from(store.get(Keys.request(id)).orElseThrow());
    }

    public Lawyer readLawyer(String id) {
        return LawyerItems.from(store.get(Keys.lawyer(id)).orElseThrow());
    }

    public Offer readOffer(String requestId, String lawyerId) {
        return OfferItems.from(store.get(Keys.offer(requestId, lawyerId)).orElseThrow());
    }

    /** Every outbox email, sent ones included, in the order of their ids (the order they were written). */
    public List<OutboxMessage> outbox() {
        return items(OutboxItems.ENTITY).stream()
                .map(OutboxItems::from)
                .sorted(Comparator.comparing(OutboxMessage::id))
                .toList();
    }

    public List<OutboxMessage> outbox(EmailTemplate template) {
        return outbox().stream().filter(m -> m.template() == template).toList();
    }

    public OutboxMessage lastEmailTo(String address) {
        return outbox().stream()
                .filter(m -> m.to().equals(address))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    /** The raw token an outbox email carries, opened as NotifyFunction opens it; null when it carries none. */
    public String tokenOf(OutboxMessage email) {
        return email.sealedToken() == null ? null : box.openToken(email.sealedToken(), email.id());
    }

    /** The audit lines of one subject's partition ({@code Keys.requestPk(id)}, say), oldest first. */
    public List<AuditEvent> auditTrail(String subjectPk) {
        return store.partition(subjectPk, Keys.EVENT_PREFIX).stream()
                .map(AuditItems::from)
                .toList();
    }

    /** The open requests in the queue's order, by id. */
    public List<String> queue() {
        return store.index(Keys.GSI2, Keys.QUEUE_OPEN, true, 0).stream()
                .map(item -> item.string("id"))
                .toList();
    }

    /** Every item of one entity ({@code OutboxItems.ENTITY}, ...), expired ones included. */
    public List<Item> items(String entity) {
        return store.scan().stream()
                .filter(item -> entity.equals(item.string(Keys.ENTITY)))
                .toList();
    }

    /** Every item of the table, raw, as a table export would show it (what must never hold plaintext). */
    public List<Map<String, AttributeValue>> allItems() {
        return aws.dynamoDb().scanPaginator(s -> s.tableName(aws.tableName())).items().stream()
                .toList();
    }

    /** {@link #allItems()} of one entity. */
    public List<Map<String, AttributeValue>> rawItems(String entity) {
        return allItems().stream()
                .filter(item -> item.containsKey(Keys.ENTITY)
                        && item.get(Keys.ENTITY).s().equals(entity))
                .toList();
    }
}
