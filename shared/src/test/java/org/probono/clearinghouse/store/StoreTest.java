package org.probono.clearinghouse.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.probono.clearinghouse.domain.AuditEvent;
import org.probono.clearinghouse.domain.Category;
import org.probono.clearinghouse.domain.Contact;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.Failure;
import org.probono.clearinghouse.domain.Language;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Offer;
import org.probono.clearinghouse.domain.OfferStatus;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.domain.OrganisationType;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.domain.Outcome;
import org.probono.clearinghouse.domain.ProfileKind;
import org.probono.clearinghouse.domain.ProfileStatus;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.domain.Token;
import org.probono.clearinghouse.ids.Ids;
import org.probono.clearinghouse.ids.Secrets;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.LocalAwsExtension;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(LocalAwsExtension.class)
class StoreTest {
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Ids ids = new Ids(clock);
    private Store store;
    private LocalAws aws;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        store = new Store(aws.dynamoDb(), aws.tableName(), clock);
    }

    @Test
    void a_created_organisation_reads_back_as_it_was_written() {
        Organisation org =
                organisation("Shakti Vahini Trust", "contact@shakti.example", ProfileStatus.PENDING_VERIFICATION, NOW);
        assertThat(store.commit(new Transaction().create(OrganisationItems.toItem(org)))
                        .committed())
                .isTrue();

        Organisation read =
                OrganisationItems.from(store.get(Keys.organisation(org.id())).orElseThrow());

        assertThat(read).isEqualTo(org);
    }

    @Test
    void a_lawyer_reads_back_with_the_language_they_chose_and_profiles_stored_before_it_read_as_english() {
        Lawyer lawyer = lawyer("Rina Sen", ProfileStatus.APPROVED, NOW);
        store.commit(new Transaction()
                .create(LawyerItems.toItem(lawyer))
                .create(LawyerItems.toItem(lawyer("Old Profile", ProfileStatus.APPROVED, NOW)).toBuilder()
                        .putString("PK", "LAWYER#OLD")
                        .putString("id", "OLD")
                        .remove("preferredLanguage")
                        .build()));

        assertThat(LawyerItems.from(store.get(Keys.lawyer(lawyer.id())).orElseThrow()))
                .isEqualTo(lawyer);
        assertThat(LawyerItems.from(store.get(Keys.lawyer("OLD")).orElseThrow()).preferredLanguage())
                .isEqualTo(Language.EN);
    }

    @Test
    void a_second_registration_with_the_same_email_is_rejected_and_writes_nothing() {
        Organisation first = organisation("First", "same@example.org", ProfileStatus.PENDING_VERIFICATION, NOW);
        Organisation second = organisation("Second", "same@example.org", ProfileStatus.PENDING_VERIFICATION, NOW);
        store.commit(register(first));
        int before = aws.countItems();

        Outcome outcome = store.commit(register(second));

        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        assertThat(((Outcome.Rejected) outcome).failure()).isEqualTo(Failure.ALREADY_EXISTS);
        assertThat(((Outcome.Rejected) outcome).label()).contains("EMAIL#same@example.org");
        assertThat(aws.countItems()).isEqualTo(before);
        assertThat(store.get(Keys.organisation(second.id()))).isEmpty();
    }

    @Test
    void twenty_concurrent_registrations_with_one_email_create_exactly_one_account() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Outcome>> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Organisation org = organisation("Org " + i, "race@example.org", ProfileStatus.PENDING_VERIFICATION, NOW);
            attempts.add(() -> store.commit(register(org)));
        }
        int committed = 0;
        for (Future<Outcome> result : pool.invokeAll(attempts)) {
            if (result.get().committed()) committed++;
        }
        pool.shutdown();

        assertThat(committed).isEqualTo(1);
        assertThat(aws.countItems()).isEqualTo(3); // the organisation, its email claim, its audit event
    }

    @Test
    void concurrent_transactions_never_undo_each_other_even_when_some_fail() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Outcome>> attempts = new ArrayList<>();
        List<String> committedIds = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = "R-" + i;
            LegalRequest request = request(id, RequestStatus.SUBMITTED, null, NOW);
            if (i % 2 == 0) {
                committedIds.add(id);
                attempts.add(() -> store.commit(new Transaction().create(RequestItems.toItem(request))));
            } else {
                attempts.add(() -> store.commit(new Transaction()
                        .create(RequestItems.toItem(request))
                        .check(Keys.request("missing-" + id), statusIs(RequestStatus.OFFERED), Failure.NOT_FOUND)));
            }
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> result : pool.invokeAll(attempts)) outcomes.add(result.get());
        pool.shutdown();

        assertThat(outcomes.stream().filter(Outcome::committed).count()).isEqualTo(20);
        for (String id : committedIds)
            assertThat(store.get(Keys.request(id))).as(id).isPresent();
        assertThat(aws.countItems()).isEqualTo(20);
    }

    @Test
    void a_failing_condition_anywhere_leaves_the_whole_transaction_unwritten() {
        LegalRequest request = request("REQ-A", RequestStatus.SUBMITTED, Instant.parse("2026-12-05T00:00:00Z"), NOW);
        store.commit(new Transaction().create(RequestItems.toItem(request)));
        int before = aws.countItems();

        Transaction change = new Transaction()
                .create(OutboxItems.toItem(
                        OutboxMessage.of(ids.next(), EmailTemplate.OFFER, "a@example.org", Language.EN, Map.of(), NOW)))
                .create(AuditItems.toItem(
                        Keys.requestPk(request.id()), new AuditEvent(NOW, "OFFERED", "offered", "test")))
                .check(Keys.request(request.id()), statusIs(RequestStatus.ACCEPTED), Failure.WRONG_STATE);
        Outcome outcome = store.commit(change);

        assertThat(outcome)
                .isEqualTo(new Outcome.Rejected(Failure.WRONG_STATE, "check REQ#REQ-A | REQ #status = :status"));
        assertThat(aws.countItems()).isEqualTo(before);
    }

    @Test
    void a_replace_based_on_a_stale_version_is_a_concurrent_change() {
        LegalRequest request = request("REQ-V", RequestStatus.SUBMITTED, null, NOW);
        store.commit(new Transaction().create(RequestItems.toItem(request)));
        LegalRequest offered = request.offered();
        assertThat(store.commit(new Transaction().replace(RequestItems.toItem(offered), request.version()))
                        .committed())
                .isTrue();

        Outcome stale = store.commit(new Transaction()
                .replace(RequestItems.toItem(request.endedAs(RequestStatus.CLOSED, NOW)), request.version()));

        assertThat(stale).isInstanceOf(Outcome.Rejected.class);
        assertThat(((Outcome.Rejected) stale).failure()).isEqualTo(Failure.CHANGED_CONCURRENTLY);
        assertThat(RequestItems.from(store.get(Keys.request(request.id())).orElseThrow())
                        .status())
                .isEqualTo(RequestStatus.OFFERED);
    }

    @Test
    void the_review_index_lists_pending_registrations_oldest_first_and_only_while_pending() {
        Organisation older =
                organisation("Older", "older@example.org", ProfileStatus.PENDING_REVIEW, NOW.minusSeconds(300));
        Organisation newer =
                organisation("Newer", "newer@example.org", ProfileStatus.PENDING_REVIEW, NOW.minusSeconds(60));
        Organisation unverified =
                organisation("Unverified", "unverified@example.org", ProfileStatus.PENDING_VERIFICATION, NOW);
        Lawyer lawyer = lawyer("Adv. Middle", ProfileStatus.PENDING_REVIEW, NOW.minusSeconds(120));
        store.commit(new Transaction()
                .create(OrganisationItems.toItem(newer))
                .create(OrganisationItems.toItem(older))
                .create(OrganisationItems.toItem(unverified))
                .create(LawyerItems.toItem(lawyer)));

        List<String> pending = store.index(Keys.GSI1, Keys.REVIEW_PENDING, true, 0).stream()
                .map(item -> item.string("name"))
                .toList();
        assertThat(pending).containsExactly("Older", "Adv. Middle", "Newer");

        store.commit(new Transaction()
                .replace(OrganisationItems.toItem(older.withStatus(ProfileStatus.APPROVED)), older.version()));
        assertThat(store.index(Keys.GSI1, Keys.REVIEW_PENDING, true, 0))
                .extracting(item -> item.string("name"))
                .containsExactly("Adv. Middle", "Newer");
    }

    @Test
    void the_open_queue_is_ordered_by_deadline_then_age_and_drops_closed_requests() {
        LegalRequest noDeadline = request("R-none", RequestStatus.SUBMITTED, null, NOW.minusSeconds(900));
        LegalRequest late =
                request("R-late", RequestStatus.OFFERED, Instant.parse("2026-12-20T00:00:00Z"), NOW.minusSeconds(800));
        LegalRequest soonOld = request(
                "R-soon-old", RequestStatus.SUBMITTED, Instant.parse("2026-12-01T00:00:00Z"), NOW.minusSeconds(700));
        LegalRequest soonNew = request(
                "R-soon-new", RequestStatus.SUBMITTED, Instant.parse("2026-12-01T00:00:00Z"), NOW.minusSeconds(100));
        LegalRequest accepted =
                request("R-accepted", RequestStatus.ACCEPTED, Instant.parse("2026-11-30T00:00:00Z"), NOW);
        Transaction all = new Transaction();
        for (LegalRequest r : List.of(noDeadline, late, soonNew, soonOld, accepted)) all.create(RequestItems.toItem(r));
        store.commit(all);

        assertThat(store.index(Keys.GSI2, Keys.QUEUE_OPEN, true, 0))
                .extracting(item -> item.string("id"))
                .containsExactly("R-soon-old", "R-soon-new", "R-late", "R-none");
    }

    @Test
    void an_organisations_requests_list_newest_first() {
        Transaction all = new Transaction();
        all.create(RequestItems.toItem(request("R-1", RequestStatus.SUBMITTED, null, NOW.minusSeconds(30))));
        all.create(RequestItems.toItem(request("R-2", RequestStatus.COMPLETED, null, NOW.minusSeconds(20))));
        all.create(RequestItems.toItem(request("R-3", RequestStatus.WITHDRAWN, null, NOW.minusSeconds(10))));
        store.commit(all);

        assertThat(store.index(Keys.GSI1, Keys.organisationRequestsPk("ORG-1"), false, 2))
                .extracting(i -> i.string("id"))
                .containsExactly("R-3", "R-2");
    }

    @Test
    void times_in_keys_sort_in_time_order_whatever_their_precision() {
        Instant whole = Instant.parse("2026-11-28T10:00:05Z");
        Transaction all = new Transaction();
        all.create(RequestItems.toItem(request("R-whole", RequestStatus.SUBMITTED, whole.plusSeconds(3600), whole)));
        all.create(RequestItems.toItem(
                request("R-later", RequestStatus.SUBMITTED, whole.plusMillis(3600_678), whole.plusMillis(678))));
        store.commit(all);

        assertThat(store.index(Keys.GSI1, Keys.organisationRequestsPk("ORG-1"), false, 0))
                .extracting(i -> i.string("id"))
                .containsExactly("R-later", "R-whole");
        assertThat(store.index(Keys.GSI2, Keys.QUEUE_OPEN, true, 0))
                .extracting(i -> i.string("id"))
                .containsExactly("R-whole", "R-later");
        assertThat(Keys.sortable(whole)).isEqualTo("2026-11-28T10:00:05.000Z");
    }

    @Test
    void pending_offers_are_found_by_respond_by_and_leave_the_index_once_answered() {
        Offer due = offer("R-1", "L-1", NOW.minusSeconds(60));
        Offer later = offer("R-1", "L-2", NOW.plus(Duration.ofHours(5)));
        Offer otherDue = offer("R-2", "L-3", NOW.minusSeconds(3600));
        store.commit(new Transaction()
                .create(OfferItems.toItem(due))
                .create(OfferItems.toItem(later))
                .create(OfferItems.toItem(otherDue)));

        List<Item> expiring = store.indexUpTo(Keys.GSI1, Keys.OFFERS_PENDING, Keys.sortable(NOW), 0);
        assertThat(expiring).extracting(i -> i.string("lawyerId")).containsExactly("L-3", "L-1");

        Offer declined = due.answered(OfferStatus.DECLINED, NOW, "conflict of interest");
        store.commit(new Transaction().replace(OfferItems.toItem(declined), due.version()));
        assertThat(store.indexUpTo(Keys.GSI1, Keys.OFFERS_PENDING, Keys.sortable(NOW), 0))
                .extracting(i -> i.string("lawyerId"))
                .containsExactly("L-3");
        assertThat(store.partition(Keys.requestPk("R-1"), Keys.OFFER_PREFIX))
                .extracting(OfferItems::from)
                .extracting(Offer::status)
                .containsExactly(OfferStatus.DECLINED, OfferStatus.PENDING);
    }

    @Test
    void lawyers_are_found_by_practice_area() {
        Lawyer lawyer = lawyer("Adv. Area", ProfileStatus.APPROVED, NOW);
        store.commit(new Transaction()
                .create(LawyerItems.toItem(lawyer))
                .create(LawyerItems.areaItem(lawyer.id(), Category.CONTRACT_REVIEW))
                .create(LawyerItems.areaItem(lawyer.id(), Category.EMPLOYMENT)));

        assertThat(store.index(Keys.GSI1, Keys.areaIndexPk("EMPLOYMENT"), true, 0))
                .extracting(i -> i.string("lawyerId"))
                .containsExactly(lawyer.id());
        assertThat(store.index(Keys.GSI1, Keys.areaIndexPk("LITIGATION"), true, 0))
                .isEmpty();
    }

    @Test
    void an_expired_token_counts_as_gone_and_carries_the_ttl_attribute() {
        String live = new Secrets().newToken();
        String dead = new Secrets().newToken();
        store.commit(new Transaction()
                .create(TokenItems.toItem(new Token(
                        Secrets.hash(live),
                        Token.Purpose.VERIFY_EMAIL,
                        ProfileKind.ORGANISATION,
                        "ORG-1",
                        null,
                        NOW.plus(Duration.ofHours(48)),
                        null)))
                .create(TokenItems.toItem(new Token(
                        Secrets.hash(dead),
                        Token.Purpose.VERIFY_EMAIL,
                        ProfileKind.ORGANISATION,
                        "ORG-2",
                        null,
                        NOW.minusSeconds(1),
                        null))));

        assertThat(store.get(Keys.token(Secrets.hash(live)))).isPresent();
        assertThat(store.get(Keys.token(Secrets.hash(dead)))).isEmpty();
        Item raw = store.getIncludingExpired(Keys.token(Secrets.hash(dead))).orElseThrow();
        assertThat(raw.number(Keys.EXPIRES_AT)).isEqualTo(NOW.minusSeconds(1).getEpochSecond());
        assertThat(TokenItems.from(
                                Secrets.hash(live),
                                store.get(Keys.token(Secrets.hash(live))).orElseThrow())
                        .subjectId())
                .isEqualTo("ORG-1");
    }

    @Test
    void the_table_has_ttl_on_expires_at_and_a_stream_with_both_images_as_the_template_says() {
        var ttl = aws.dynamoDb()
                .describeTimeToLive(d -> d.tableName(aws.tableName()))
                .timeToLiveDescription();
        var table =
                aws.dynamoDb().describeTable(d -> d.tableName(aws.tableName())).table();

        assertThat(ttl.attributeName()).isEqualTo(Keys.EXPIRES_AT);
        assertThat(table.streamSpecification().streamViewTypeAsString()).isEqualTo("NEW_AND_OLD_IMAGES");
        assertThat(table.globalSecondaryIndexes())
                .extracting(i -> i.indexName())
                .containsExactlyInAnyOrder(Keys.GSI1, Keys.GSI2);
    }

    @Test
    void outbox_data_round_trips_as_a_native_map() {
        OutboxMessage message = new OutboxMessage(
                ids.next(),
                EmailTemplate.OFFER,
                "lawyer@example.org",
                Language.BN,
                Map.of("title", "Muralist contract", "counterparties", List.of("Art Co", "Paint Ltd")),
                "tok",
                null,
                NOW);
        store.commit(new Transaction().create(OutboxItems.toItem(message)));

        Item item = store.get(Keys.outbox(message.id())).orElseThrow();
        assertThat(OutboxItems.from(item)).isEqualTo(message);
        assertThat(aws.dynamoDb()
                        .getItem(g -> g.tableName(aws.tableName())
                                .key(Map.of(
                                        "PK",
                                        AttributeValue.fromS("OUTBOX#" + message.id()),
                                        "SK",
                                        AttributeValue.fromS("OUTBOX"))))
                        .item()
                        .get("data")
                        .hasM())
                .isTrue();
    }

    @Test
    void an_outbox_item_written_before_languages_existed_reads_as_english() {
        OutboxMessage message = OutboxMessage.of(
                ids.next(), EmailTemplate.OFFER_FILLED, "lawyer@example.org", Language.HI, Map.of("title", "T"), NOW);
        var old = OutboxItems.toItem(message).toBuilder().remove("language").build();
        store.commit(new Transaction().create(old));

        assertThat(OutboxItems.from(store.get(Keys.outbox(message.id())).orElseThrow())
                        .language())
                .isEqualTo(Language.EN);
    }

    private Transaction register(Organisation org) {
        return new Transaction()
                .create(
                        EmailClaimItems.toItem(org.contact().email(), ProfileKind.ORGANISATION, org.id()),
                        Failure.ALREADY_EXISTS)
                .create(OrganisationItems.toItem(org))
                .create(AuditItems.toItem(
                        "ORG#" + org.id(), new AuditEvent(NOW, org.status().name(), "registered", "web")));
    }

    private static Expression statusIs(RequestStatus status) {
        return Expression.builder()
                .expression("#status = :status")
                .expressionNames(Map.of("#status", "status"))
                .expressionValues(Map.of(":status", AttributeValue.fromS(status.name())))
                .build();
    }

    private Organisation organisation(String name, String email, ProfileStatus status, Instant createdAt) {
        return new Organisation(
                ids.next(),
                name,
                OrganisationType.TRUST,
                "REG/2020/1",
                "IN-WB",
                "Kolkata",
                null,
                List.of("anti-trafficking"),
                new Contact("Coordinator", email, "+919830012345", Language.BN),
                status,
                createdAt,
                1);
    }

    private Lawyer lawyer(String name, ProfileStatus status, Instant createdAt) {
        return new Lawyer(
                ids.next(),
                name,
                name.replace(' ', '.').toLowerCase() + "@law.example",
                "+919830000000",
                "Firm LLP",
                "WB/123/2015",
                "IN-WB",
                9,
                List.of(Category.CONTRACT_REVIEW),
                List.of("IN-WB"),
                List.of("en", "bn"),
                Language.BN,
                2,
                0,
                false,
                status,
                createdAt,
                1);
    }

    private static LegalRequest request(String id, RequestStatus status, Instant deadline, Instant createdAt) {
        return new LegalRequest(
                id,
                "ORG-1",
                status,
                Category.CONTRACT_REVIEW,
                "Review a muralist contract",
                "summary",
                null,
                "IN-WB",
                "en",
                deadline,
                List.of("Art Co"),
                createdAt,
                null,
                1);
    }

    private static Offer offer(String requestId, String lawyerId, Instant respondBy) {
        return new Offer(
                requestId,
                lawyerId,
                OfferStatus.PENDING,
                NOW.minusSeconds(7200),
                respondBy,
                "hash",
                null,
                null,
                false,
                1);
    }
}
