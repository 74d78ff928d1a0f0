package org.probono.clearinghouse.submit.handler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.probono.clearinghouse.domain.Category;
import org.probono.clearinghouse.domain.Contact;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Offer;
import org.probono.clearinghouse.domain.OfferStatus;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.domain.OrganisationType;
import org.probono.clearinghouse.domain.ProfileKind;
import org.probono.clearinghouse.domain.ProfileStatus;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.domain.Token;
import org.probono.clearinghouse.ids.Ids;
import org.probono.clearinghouse.ids.Secrets;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.LawyerItems;
import org.probono.clearinghouse.store.OfferItems;
import org.probono.clearinghouse.store.OrganisationItems;
import org.probono.clearinghouse.store.RequestItems;
import org.probono.clearinghouse.store.Store;
import org.probono.clearinghouse.store.TokenItems;
import org.probono.clearinghouse.store.Transaction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the other functions would have put in the table before an organisation submits: an approved
 * organisation with its access token (Register's approval), lawyers and offers (Assign). Written straight
 * with the store, so these tests depend on no other function's code.
 */
final class World {
    private final LocalAws aws;
    private final Store store;
    private final Ids ids = new Ids(Clock.systemUTC());
    private final Secrets secrets = new Secrets();

    World(LocalAws aws) {
        this.aws = aws;
        this.store = new Store(aws.dynamoDb(), aws.tableName(), Clock.systemUTC());
    }

    record Org(Organisation organisation, String token) {
        String id() { return organisation.id(); }
    }

    Org approvedOrganisation(String name, String email) {
        return organisation(name, email, ProfileStatus.APPROVED);
    }

    Org organisation(String name, String email, ProfileStatus status) {
        Organisation org = new Organisation(ids.next(), name, OrganisationType.NGO, "REG/" + name.length(), "IN-WB",
                "Kolkata", null, List.of("anti-trafficking"), new Contact("Priya Das", email, "+919830012345"), status,
                Instant.now(), 1);
        String token = secrets.newToken();
        store.commit(new Transaction()
                .create(OrganisationItems.toItem(org))
                .create(TokenItems.toItem(new Token(Secrets.hash(token), Token.Purpose.ORGANISATION_ACCESS,
                        ProfileKind.ORGANISATION, org.id(), null, null, null))));
        return new Org(org, token);
    }

    /** A token of another purpose (an email verification link) that names the organisation. */
    String verificationToken(Org org) {
        String token = secrets.newToken();
        store.commit(new Transaction().create(TokenItems.toItem(new Token(Secrets.hash(token),
                Token.Purpose.VERIFY_EMAIL, ProfileKind.ORGANISATION, org.id(), null,
                Instant.now().plus(Duration.ofDays(2)), null))));
        return token;
    }

    void revoke(Org org) {
        store.commit(new Transaction().delete(Keys.token(Secrets.hash(org.token()))));
    }

    Lawyer lawyer(String name, int activeMatters) {
        Lawyer lawyer = new Lawyer(ids.next(), name, name.toLowerCase().replace(' ', '.') + "@firm.example",
                "+919830055555", "Das & Rao", "WB/123/2015", "IN-WB", 9, List.of(Category.CONTRACT_REVIEW),
                List.of("IN-WB"), List.of("en", "bn"), 3, activeMatters, false, ProfileStatus.APPROVED,
                Instant.now(), 4);
        store.commit(new Transaction().create(LawyerItems.toItem(lawyer)));
        return lawyer;
    }

    LegalRequest request(String id) { return RequestItems.from(store.get(Keys.request(id)).orElseThrow()); }

    Lawyer lawyer(String id) { return LawyerItems.from(store.get(Keys.lawyer(id)).orElseThrow()); }

    Offer offer(String requestId, String lawyerId) {
        return OfferItems.from(store.get(Keys.offer(requestId, lawyerId)).orElseThrow());
    }

    /** The request offered to these lawyers (pending) and to {@code declined} (declined), as Assign leaves it. */
    void offer(String requestId, List<Lawyer> pending, List<Lawyer> declined) {
        LegalRequest request = request(requestId);
        Instant now = Instant.now();
        Transaction transaction = new Transaction()
                .replace(RequestItems.toItem(request.offered()), request.version());
        for (Lawyer lawyer : pending) {
            transaction.create(OfferItems.toItem(new Offer(requestId, lawyer.id(), OfferStatus.PENDING, now,
                    now.plus(Duration.ofHours(24)), Secrets.hash(secrets.newToken()), null, null, false, 1)));
        }
        for (Lawyer lawyer : declined) {
            transaction.create(OfferItems.toItem(new Offer(requestId, lawyer.id(), OfferStatus.DECLINED, now,
                    now.plus(Duration.ofHours(24)), Secrets.hash(secrets.newToken()), now, "conflict", false, 2)));
        }
        store.commit(transaction);
    }

    void accept(String requestId, Lawyer lawyer) {
        LegalRequest request = request(requestId);
        store.commit(new Transaction().replace(RequestItems.toItem(request.acceptedBy(lawyer.id())), request.version()));
    }

    /** The accepted request done, as Assign's {@code complete} leaves it. */
    void complete(String requestId, String outcome, double hours) {
        LegalRequest request = request(requestId);
        store.commit(new Transaction().replace(RequestItems.toItem(
                request.completed(new LegalRequest.Completion(outcome, hours), store.clock().instant())), request.version()));
    }

    /** The impact report's day totals of the day (Asia/Kolkata) the request was created. */
    org.probono.clearinghouse.store.Item impactTotal(String requestId) {
        java.time.LocalDate day = request(requestId).createdAt().atZone(java.time.ZoneId.of("Asia/Kolkata")).toLocalDate();
        return store.get(Keys.impact(day, Keys.IMPACT_TOTAL)).orElseThrow();
    }

    /** Every item of the table, raw, as a table export would show it. */
    List<Map<String, AttributeValue>> allItems() {
        return aws.dynamoDb().scanPaginator(s -> s.tableName(aws.tableName())).items().stream().toList();
    }

    List<Map<String, AttributeValue>> items(String entity) {
        return allItems().stream().filter(item -> item.containsKey("entity") && item.get("entity").s().equals(entity))
                .toList();
    }

    List<String> queue() {
        return store.index(Keys.GSI2, Keys.QUEUE_OPEN, true, 0).stream().map(item -> item.string("id")).toList();
    }
}
