package org.probono.clearinghouse.submit.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.probono.clearinghouse.domain.AuditEvent;
import org.probono.clearinghouse.domain.Failure;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.domain.Outcome;
import org.probono.clearinghouse.domain.ProfileStatus;
import org.probono.clearinghouse.impact.Tally;
import org.probono.clearinghouse.store.AuditItems;
import org.probono.clearinghouse.store.Item;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.OutboxItems;
import org.probono.clearinghouse.store.RequestItems;
import org.probono.clearinghouse.store.RunningTotals;
import org.probono.clearinghouse.store.Store;
import org.probono.clearinghouse.store.TableMatters;
import org.probono.clearinghouse.store.Transaction;
import org.probono.clearinghouse.submit.app.IdempotencyRecord;
import org.probono.clearinghouse.submit.app.OrganisationRequests;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Requests in the single table: an organisation's listing from GSI1 ({@code ORG#id}), each change one
 * conditional transaction that also adds to the impact report's running totals.
 */
public final class TableRequests implements OrganisationRequests {
    /** The key attributes an index page restarts from: the index's and the table's. */
    private static final List<String> POSITION = List.of(Keys.GSI1PK, Keys.GSI1SK, Keys.PK, Keys.SK);

    private final Store store;
    private final RunningTotals totals;
    /** A request and its trail read as the matching reads them. */
    private final TableMatters matters;

    public TableRequests(Store store, RunningTotals totals) {
        this.store = store;
        this.totals = totals;
        this.matters = new TableMatters(store, totals);
    }

    @Override
    public Optional<LegalRequest> request(String id) {
        return matters.request(id);
    }

    @Override
    public List<AuditEvent> history(String requestId) {
        return matters.history(requestId);
    }

    @Override
    public RequestPage requestsOf(String organisationId, int size, Map<String, String> after) {
        Map<String, AttributeValue> start = new LinkedHashMap<>();
        after.forEach((name, value) -> start.put(name, AttributeValue.fromS(value)));
        Store.IndexPage page = store.indexPage(Keys.GSI1, Keys.organisationRequestsPk(organisationId), size, start);
        List<LegalRequest> requests =
                page.items().stream().map(RequestItems::from).toList();
        if (!page.more()) return new RequestPage(requests, Optional.empty());
        Item last = page.items().getLast();
        Map<String, String> position = new LinkedHashMap<>();
        for (String name : POSITION) position.put(name, last.requiredString(name));
        return new RequestPage(requests, Optional.of(position));
    }

    @Override
    public boolean isPositionIn(Map<String, String> position, String organisationId) {
        return position.keySet().equals(Set.copyOf(POSITION))
                && Keys.organisationRequestsPk(organisationId).equals(position.get(Keys.GSI1PK))
                && Keys.REQUEST_SK.equals(position.get(Keys.SK));
    }

    @Override
    public Outcome submit(
            LegalRequest request,
            String note,
            String actor,
            List<OutboxMessage> mail,
            Optional<IdempotencyRecord> remembered,
            Instant now) {
        AuditEvent event = new AuditEvent(now, request.status().name(), note, actor);
        Transaction transaction = new Transaction()
                .create(RequestItems.toItem(request))
                .create(AuditItems.toItem(Keys.requestPk(request.id()), event))
                .check(
                        Keys.organisation(request.organisationId()),
                        statusIs(ProfileStatus.APPROVED.name()),
                        Failure.WRONG_STATE);
        totals.count(transaction, new Tally.Received(request));
        mail.forEach(message -> transaction.create(OutboxItems.toItem(message)));
        remembered.ifPresent(record ->
                transaction.putIf(IdempotencyItems.toItem(record), freeOrExpired(now), Failure.ALREADY_EXISTS));
        return store.commit(transaction);
    }

    @Override
    public Outcome rate(LegalRequest rated, long expectedVersion, String note, String actor, Instant at) {
        Transaction transaction = new Transaction().replace(RequestItems.toItem(rated), expectedVersion);
        transaction.create(AuditItems.ofRequest(rated, note, actor, at));
        totals.count(transaction, new Tally.Rated(rated));
        return store.commit(transaction);
    }

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
