package org.probono.clearinghouse.submit.handler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
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
import org.probono.clearinghouse.domain.Token;
import org.probono.clearinghouse.ids.Ids;
import org.probono.clearinghouse.ids.Secrets;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.store.Item;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.OfferItems;
import org.probono.clearinghouse.store.RequestItems;
import org.probono.clearinghouse.store.Store;
import org.probono.clearinghouse.store.Transaction;
import org.probono.clearinghouse.testkit.TableFixture;
import org.probono.clearinghouse.testkit.TableFixture.OrganisationWithToken;

/**
 * What the other functions would have put in the table before an organisation submits: an approved
 * organisation with its access token (Register's approval), lawyers and offers (Assign), through the
 * shared {@link TableFixture}, so these tests depend on no other function's code. What is here is
 * submit's own: its sample organisations and lawyers, and the matter's later steps as Assign takes them.
 */
final class World {
    final TableFixture table;
    private final Store store;
    private final Ids ids = new Ids(Clock.systemUTC());
    private final Secrets secrets = new Secrets();

    World(LocalAws aws) {
        this.table = new TableFixture(aws, Clock.systemUTC());
        this.store = table.store();
    }

    /** The organisation these tests submit as, approved. */
    OrganisationWithToken shakti() {
        return approvedOrganisation("Shakti Vahini Trust", "priya@shakti.example");
    }

    OrganisationWithToken approvedOrganisation(String name, String email) {
        return organisation(name, email, ProfileStatus.APPROVED);
    }

    OrganisationWithToken organisation(String name, String email, ProfileStatus status) {
        return table.organisation(new Organisation(
                ids.next(),
                name,
                OrganisationType.NGO,
                "REG/" + name.length(),
                "IN-WB",
                "Kolkata",
                null,
                List.of("anti-trafficking"),
                new Contact("Priya Das", email, "+919830012345"),
                status,
                Instant.now(),
                1));
    }

    /** A token of another purpose (an email verification link) that names the organisation. */
    String verificationToken(OrganisationWithToken org) {
        String token = secrets.newToken();
        return table.token(
                token,
                new Token(
                        Secrets.hash(token),
                        Token.Purpose.VERIFY_EMAIL,
                        ProfileKind.ORGANISATION,
                        org.id(),
                        null,
                        Instant.now().plus(Duration.ofDays(2)),
                        null));
    }

    void revoke(OrganisationWithToken org) {
        table.commit(new Transaction().delete(Keys.token(Secrets.hash(org.token()))));
    }

    Lawyer lawyer(String name, int activeMatters) {
        return table.lawyer(new Lawyer(
                ids.next(),
                name,
                name.toLowerCase().replace(' ', '.') + "@firm.example",
                "+919830055555",
                "Das & Rao",
                "WB/123/2015",
                "IN-WB",
                9,
                List.of(Category.CONTRACT_REVIEW),
                List.of("IN-WB"),
                List.of("en", "bn"),
                3,
                activeMatters,
                false,
                ProfileStatus.APPROVED,
                Instant.now(),
                4));
    }

    /** The request offered to these lawyers (pending) and to {@code declined} (declined), as Assign leaves it. */
    void offer(String requestId, List<Lawyer> pending, List<Lawyer> declined) {
        LegalRequest request = table.readRequest(requestId);
        Instant now = Instant.now();
        Transaction transaction = new Transaction().replace(RequestItems.toItem(request.offered()), request.version());
        for (Lawyer lawyer : pending) {
            transaction.create(OfferItems.toItem(new Offer(
                    requestId,
                    lawyer.id(),
                    OfferStatus.PENDING,
                    now,
                    now.plus(Duration.ofHours(24)),
                    Secrets.hash(secrets.newToken()),
                    null,
                    null,
                    false,
                    1)));
        }
        for (Lawyer lawyer : declined) {
            transaction.create(OfferItems.toItem(new Offer(
                    requestId,
                    lawyer.id(),
                    OfferStatus.DECLINED,
                    now,
                    now.plus(Duration.ofHours(24)),
                    Secrets.hash(secrets.newToken()),
                    now,
                    "conflict",
                    false,
                    2)));
        }
        table.commit(transaction);
    }

    void accept(String requestId, Lawyer lawyer) {
        LegalRequest request = table.readRequest(requestId);
        table.commit(
                new Transaction().replace(RequestItems.toItem(request.acceptedBy(lawyer.id())), request.version()));
    }

    /** The accepted request done, as Assign's {@code complete} leaves it. */
    void complete(String requestId, String outcome, double hours) {
        LegalRequest request = table.readRequest(requestId);
        table.commit(new Transaction()
                .replace(
                        RequestItems.toItem(
                                request.completed(new LegalRequest.Completion(outcome, hours), Instant.now())),
                        request.version()));
    }

    /** The impact report's day totals of the day (Asia/Kolkata) the request was created. */
    Item impactTotal(String requestId) {
        LocalDate day = table.readRequest(requestId)
                .createdAt()
                .atZone(ZoneId.of("Asia/Kolkata"))
                .toLocalDate();
        return store.get(Keys.impact(day, Keys.IMPACT_TOTAL)).orElseThrow();
    }
}
