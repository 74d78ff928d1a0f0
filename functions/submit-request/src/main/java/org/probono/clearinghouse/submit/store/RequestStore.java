package org.probono.clearinghouse.submit.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.probono.clearinghouse.domain.AuditEvent;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.domain.ProfileStatus;
import org.probono.clearinghouse.domain.Token;
import org.probono.clearinghouse.store.AuditItems;
import org.probono.clearinghouse.domain.Failure;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.LawyerItems;
import org.probono.clearinghouse.store.OrganisationItems;
import org.probono.clearinghouse.store.OutboxItems;
import org.probono.clearinghouse.matters.Lawyers;
import org.probono.clearinghouse.matters.Matters;
import org.probono.clearinghouse.domain.Outcome;
import org.probono.clearinghouse.store.RequestItems;
import org.probono.clearinghouse.store.Item;
import org.probono.clearinghouse.store.RunningTotals;
import org.probono.clearinghouse.store.Store;
import org.probono.clearinghouse.store.TableLawyers;
import org.probono.clearinghouse.store.TableMatters;
import org.probono.clearinghouse.store.TokenItems;
import org.probono.clearinghouse.store.Transaction;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * SubmitRequestFunction's reads and state changes, in domain terms: the use cases hand over records,
 * this class turns each state change into one conditional transaction.
 */
public final class RequestStore {
    private final Store store;
    private final RunningTotals totals;

    public RequestStore(Store store, RunningTotals totals) {
        this.store = store;
        this.totals = totals;
    }

    /** The impact report's running totals, which every state change adds to in its own transaction. */
    public RunningTotals totals() { return totals; }

    /** A page of an organisation's requests and, when more follow, the position the next page starts after. */
    public record RequestPage(List<LegalRequest> requests, Optional<Map<String, String>> nextAfter) {}

    /** The organisation's requests, newest first, after {@code after} (empty: from the newest). */
    public RequestPage requestsOf(String organisationId, int size, Map<String, String> after) {
        Map<String, AttributeValue> start = new java.util.LinkedHashMap<>();
        after.forEach((name, value) -> start.put(name, AttributeValue.fromS(value)));
        Store.IndexPage page = store.indexPage(Keys.GSI1, Keys.organisationRequestsPk(organisationId), size, start);
        List<LegalRequest> requests = page.items().stream().map(RequestItems::from).toList();
        if (!page.more()) return new RequestPage(requests, Optional.empty());
        Item last = page.items().getLast();
        Map<String, String> position = new java.util.LinkedHashMap<>();
        for (String name : POSITION) position.put(name, last.requiredString(name));
        return new RequestPage(requests, Optional.of(position));
    }

    /** The key attributes an index page restarts from: the index's and the table's. */
    private static final List<String> POSITION = List.of(Keys.GSI1PK, Keys.GSI1SK, Keys.PK, Keys.SK);

    /** Whether a position names exactly a place in this organisation's listing, and nothing else. */
    public static boolean isPositionIn(Map<String, String> position, String organisationId) {
        return position.keySet().equals(java.util.Set.copyOf(POSITION))
                && Keys.organisationRequestsPk(organisationId).equals(position.get(Keys.GSI1PK))
                && Keys.REQUEST_SK.equals(position.get(Keys.SK));
    }

    public Optional<Token> token(String hash) {
        return store.get(Keys.token(hash)).map(item -> TokenItems.from(hash, item));
    }

    public Optional<Organisation> organisation(String id) {
        return store.get(Keys.organisation(id)).map(OrganisationItems::from);
    }

    public Optional<LegalRequest> request(String id) {
        return store.get(Keys.request(id)).map(RequestItems::from);
    }

    /** The request's audit trail, oldest first. */
    public List<AuditEvent> history(String requestId) {
        return store.partition(Keys.requestPk(requestId), Keys.EVENT_PREFIX).stream().map(AuditItems::from).toList();
    }


    public Optional<Lawyer> lawyer(String id) {
        return store.get(Keys.lawyer(id)).map(LawyerItems::from);
    }

    /** The remembered submit for this key, unless its 24 hours are over. */
    public Optional<IdempotencyRecord> idempotency(String organisationId, String key) {
        return store.get(Keys.idempotency(organisationId, key)).map(IdempotencyItems::from);
    }

    /**
     * A new request: the request (in the queue), its first audit event, its emails and, when the caller
     * sent a key, the key's record, which fails the whole transaction with ALREADY_EXISTS if the key is
     * taken (an expired record that TTL has not yet deleted counts as free). The organisation must still
     * be approved when it commits (WRONG_STATE otherwise).
     */
    public Outcome submit(LegalRequest request, AuditEvent event, List<OutboxMessage> mail,
            Optional<IdempotencyRecord> idempotency, Instant now) {
        Transaction transaction = new Transaction()
                .create(RequestItems.toItem(request))
                .create(AuditItems.toItem(event))
                .check(Keys.organisation(request.organisationId()), statusIs(ProfileStatus.APPROVED.name()),
                        Failure.WRONG_STATE);
        totals.received(transaction, request);
        mail.forEach(message -> transaction.create(OutboxItems.toItem(message)));
        idempotency.ifPresent(record -> transaction.putIf(IdempotencyItems.toItem(record), freeOrExpired(now),
                Failure.ALREADY_EXISTS));
        return store.commit(transaction);
    }

    /** Requests as the shared offer rules read and change them. */
    public Matters matters() { return new TableMatters(store, totals); }

    public Lawyers lawyers() { return new TableLawyers(store); }

    public Outcome commit(Transaction transaction) { return store.commit(transaction); }

    private static Expression statusIs(String status) {
        return Expression.builder()
                .expression("#status = :status")
                .expressionNames(Map.of("#status", "status"))
                .expressionValues(Map.of(":status", AttributeValue.fromS(status)))
                .build();
    }

    private static Expression freeOrExpired(Instant now) {
        return Expression.builder()
                .expression("attribute_not_exists(PK) OR #expiresAt <= :now")
                .expressionNames(Map.of("#expiresAt", Keys.EXPIRES_AT))
                .expressionValues(Map.of(":now", AttributeValue.fromN(Long.toString(now.getEpochSecond()))))
                .build();
    }
}
