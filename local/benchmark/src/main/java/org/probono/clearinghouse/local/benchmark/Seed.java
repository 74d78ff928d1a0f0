package org.probono.clearinghouse.local.benchmark;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.probono.clearinghouse.domain.Category;
import org.probono.clearinghouse.domain.Contact;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.Language;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Offer;
import org.probono.clearinghouse.domain.OfferStatus;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.domain.OrganisationType;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.domain.ProfileKind;
import org.probono.clearinghouse.domain.ProfileStatus;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.domain.Token;
import org.probono.clearinghouse.ids.Secrets;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.OfferItems;
import org.probono.clearinghouse.store.OrganisationItems;
import org.probono.clearinghouse.store.OutboxItems;
import org.probono.clearinghouse.store.RequestItems;
import org.probono.clearinghouse.store.Store;
import org.probono.clearinghouse.store.TokenItems;
import org.probono.clearinghouse.store.Transaction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the real paths need in the table, written with the functions' own item writers: approved
 * organisations with an access token, a request to view, an open queue, and outbox emails to deliver.
 */
final class Seed {
    static final int OPEN_REQUESTS = 20;
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    final String token;
    final String requestId;
    private final Store store;

    private Seed(Store store, String token, String requestId) {
        this.store = store;
        this.token = token;
        this.requestId = requestId;
    }

    /** Open requests on the queue now: the seeded ones plus those the training runs and earlier cases submitted. */
    int openRequests() {
        return (int) store.index(Keys.GSI2, Keys.QUEUE_OPEN, true, 0).stream()
                .filter(item -> RequestItems.ENTITY.equals(item.entity()))
                .count();
    }

    static Seed write(DynamoDbClient dynamoDb, String table) {
        Store store = new Store(dynamoDb, table, Clock.systemUTC());
        List<Organisation> orgs = List.of(
                organisation("bench-org-1", "Shakti Vahini"),
                organisation("bench-org-2", "Jan Sahas"),
                organisation("bench-org-3", "Sanlaap"),
                organisation("bench-org-4", "Prajwala"));
        orgs.forEach(org -> commit(store, new Transaction().create(OrganisationItems.toItem(org))));
        String token = new Secrets().newToken();
        commit(
                store,
                new Transaction()
                        .create(TokenItems.toItem(new Token(
                                Secrets.hash(token),
                                Token.Purpose.ORGANISATION_ACCESS,
                                ProfileKind.ORGANISATION,
                                orgs.getFirst().id(),
                                null,
                                null,
                                null))));
        for (int i = 0; i < OPEN_REQUESTS; i++) {
            Organisation org = orgs.get(i % orgs.size());
            LegalRequest request = new LegalRequest(
                    "bench-req-" + i,
                    org.id(),
                    org.name(),
                    i % 4 == 0 ? RequestStatus.OFFERED : RequestStatus.SUBMITTED,
                    Category.CONTRACT_REVIEW,
                    "Review of a contract " + i,
                    "A commission contract for a mural.",
                    null,
                    "IN-WB",
                    "en",
                    NOW.plus(Duration.ofDays(i + 1)),
                    List.of("Acme Murals Pvt Ltd"),
                    NOW,
                    null,
                    null,
                    1,
                    null,
                    null);
            Transaction transaction = new Transaction().create(RequestItems.toItem(request));
            if (i % 4 == 0) {
                transaction.create(OfferItems.toItem(new Offer(
                        request.id(),
                        "bench-lawyer",
                        OfferStatus.PENDING,
                        NOW,
                        NOW.plus(Duration.ofDays(1)),
                        Secrets.hash(new Secrets().newToken()),
                        null,
                        null,
                        false,
                        1)));
            }
            commit(store, transaction);
        }
        return new Seed(store, token, "bench-req-0"); // the token's organisation's, with a pending offer
    }

    /** {@code count} PENDING emails with ids {@code bench-<salt><n>}, as the probe's outbox events name them. */
    void outbox(String salt, int count) {
        for (int n = 0; n < count; n++) {
            commit(
                    store,
                    new Transaction()
                            .create(OutboxItems.toItem(OutboxMessage.of(
                                    "bench-" + salt + n,
                                    EmailTemplate.LAWYER_APPROVED,
                                    "asha.rao@example.org",
                                    Language.EN,
                                    Map.of("name", "Asha Rao"),
                                    NOW))));
        }
    }

    private static Organisation organisation(String id, String name) {
        return new Organisation(
                id,
                name,
                OrganisationType.TRUST,
                "REG-" + id,
                "IN-WB",
                "Kolkata",
                null,
                List.of(),
                new Contact("Coordinator", id + "@example.org", "+919830012345"),
                ProfileStatus.APPROVED,
                NOW,
                2);
    }

    private static void commit(Store store, Transaction transaction) {
        if (!store.commit(transaction).committed())
            throw new IllegalStateException("seeding the benchmark's table failed");
    }
}
