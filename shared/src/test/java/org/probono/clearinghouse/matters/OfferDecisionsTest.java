package org.probono.clearinghouse.matters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.probono.clearinghouse.config.Config;
import org.probono.clearinghouse.crypto.ConfidentialBox;
import org.probono.clearinghouse.domain.Category;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LawyerStats;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Offer;
import org.probono.clearinghouse.domain.OfferStatus;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.domain.ProfileStatus;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.domain.Token;
import org.probono.clearinghouse.ids.Ids;
import org.probono.clearinghouse.ids.Secrets;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.LocalAwsExtension;
import org.probono.clearinghouse.store.Item;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.LawyerItems;
import org.probono.clearinghouse.store.LawyerStatsItems;
import org.probono.clearinghouse.store.OfferItems;
import org.probono.clearinghouse.store.OrganisationItems;
import org.probono.clearinghouse.store.OutboxItems;
import org.probono.clearinghouse.store.RequestItems;
import org.probono.clearinghouse.store.RunningTotals;
import org.probono.clearinghouse.store.Store;
import org.probono.clearinghouse.store.TableLawyers;
import org.probono.clearinghouse.store.TableMatters;
import org.probono.clearinghouse.store.TableOffers;
import org.probono.clearinghouse.store.TokenItems;
import org.probono.clearinghouse.store.Transaction;
import org.probono.clearinghouse.testkit.MatterSamples;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(LocalAwsExtension.class)
class OfferDecisionsTest {
    private static final Instant OFFERED_AT = Instant.parse("2026-11-28T10:00:00Z");
    private static final Instant NOW = OFFERED_AT.plus(Duration.ofHours(3));
    private static final String SEALED = MatterSamples.SEALED;
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Ids ids = new Ids(clock);
    private final Secrets secrets = new Secrets();
    private LocalAws aws;
    private Store store;
    private OfferDecisions decisions;
    private Organisation org;
    private LegalRequest request;
    private final List<Lawyer> lawyers = new ArrayList<>();
    private final List<String> tokens = new ArrayList<>();

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        store = new Store(aws.dynamoDb(), aws.tableName(), clock);
        decisions = decisions(store, ids, clock);
        org = MatterSamples.organisation(ids.next());
        request = MatterSamples.request(ids.next(), org, RequestStatus.OFFERED, OFFERED_AT);
        Transaction setup =
                new Transaction().create(OrganisationItems.toItem(org)).create(RequestItems.toItem(request));
        for (String name : List.of("Meera Das", "Ravi Sen", "Kabir Roy")) {
            Lawyer lawyer = new Lawyer(
                    ids.next(),
                    name,
                    name.replace(' ', '.').toLowerCase() + "@law.example",
                    "+919830000000",
                    "Firm LLP",
                    "WB/1/2020",
                    "IN-WB",
                    5,
                    List.of(Category.CONTRACT_REVIEW),
                    List.of("IN-WB"),
                    List.of("en"),
                    2,
                    1,
                    false,
                    ProfileStatus.APPROVED,
                    OFFERED_AT,
                    3);
            String token = secrets.newReplyToken();
            Offer offer = MatterSamples.pendingOffer(request, lawyer, OFFERED_AT, Duration.ofHours(24), token);
            setup.create(LawyerItems.toItem(lawyer))
                    .create(LawyerItems.areaItem(lawyer.id(), Category.CONTRACT_REVIEW))
                    .create(OfferItems.toItem(offer))
                    .create(TokenItems.toItem(MatterSamples.offerToken(offer, token)));
            lawyers.add(lawyer);
            tokens.add(token);
        }
        assertThat(store.commit(setup).committed()).isTrue();
    }

    @Test
    void the_first_acceptance_gets_the_matter_and_withdraws_the_other_offers() {
        AnswerOutcome outcome =
                decisions.answerByReply(tokens.get(0), lawyers.get(0).email(), new Answer.Accept());

        assertThat(outcome)
                .isEqualTo(
                        new AnswerOutcome.Accepted(request.id(), lawyers.get(0).id()));
        LegalRequest after = request();
        assertThat(after.status()).isEqualTo(RequestStatus.ACCEPTED);
        assertThat(after.lawyerId()).isEqualTo(lawyers.get(0).id());
        assertThat(offer(0).status()).isEqualTo(OfferStatus.ACCEPTED);
        assertThat(offer(1).status()).isEqualTo(OfferStatus.WITHDRAWN);
        assertThat(offer(2).status()).isEqualTo(OfferStatus.WITHDRAWN);
        assertThat(List.of(load(0), load(1), load(2))).containsExactly(1, 0, 0);
        assertThat(store.get(Keys.request(request.id())).orElseThrow().string(Keys.GSI2PK))
                .isNull();
        assertThat(templates())
                .containsExactlyInAnyOrder(
                        EmailTemplate.MATTER_DETAILS_TO_LAWYER,
                        EmailTemplate.INTRODUCTION_TO_ORGANISATION,
                        EmailTemplate.ADMIN_ACCEPTED,
                        EmailTemplate.OFFER_FILLED,
                        EmailTemplate.OFFER_FILLED);
        OutboxMessage details = outbox(EmailTemplate.MATTER_DETAILS_TO_LAWYER).getFirst();
        assertThat(details.to()).isEqualTo(lawyers.get(0).email());
        assertThat(details.sealedDetails()).isEqualTo(SEALED);
        OutboxMessage intro = outbox(EmailTemplate.INTRODUCTION_TO_ORGANISATION).getFirst();
        assertThat(intro.to()).isEqualTo("asha@shakti.example");
        assertThat(intro.data())
                .containsEntry("lawyerEmail", lawyers.get(0).email())
                .containsEntry("lawyerFirm", "Firm LLP");
        assertThat(outbox(EmailTemplate.OFFER_FILLED))
                .extracting(OutboxMessage::to)
                .containsExactlyInAnyOrder(
                        lawyers.get(1).email(), lawyers.get(2).email());
        assertThat(outbox(EmailTemplate.INTRODUCTION_TO_ORGANISATION).toString())
                .doesNotContain(SEALED);
    }

    @Test
    void acceptance_records_how_long_the_lawyer_took_to_answer() {
        decisions.answerByReply(tokens.get(0), lawyers.get(0).email(), new Answer.Accept());

        LawyerStats stats = LawyerStatsItems.from(
                store.get(Keys.lawyerStats(lawyers.get(0).id())).orElseThrow());
        assertThat(stats.averageResponse()).contains(Duration.ofHours(3));
    }

    @Test
    void a_second_acceptance_changes_nothing_and_tells_that_lawyer_politely() {
        decisions.answerByReply(tokens.get(0), lawyers.get(0).email(), new Answer.Accept());
        LegalRequest accepted = request();
        int before = aws.countItems();

        AnswerOutcome outcome =
                decisions.answerByReply(tokens.get(1), lawyers.get(1).email(), new Answer.Accept());

        assertThat(outcome)
                .isEqualTo(new AnswerOutcome.AlreadyTaken(
                        request.id(), lawyers.get(1).id()));
        assertThat(request()).isEqualTo(accepted);
        assertThat(offer(1).status()).isEqualTo(OfferStatus.WITHDRAWN);
        assertThat(aws.countItems()).isEqualTo(before + 1);
        assertThat(outbox(EmailTemplate.ALREADY_TAKEN))
                .extracting(OutboxMessage::to)
                .containsExactly(lawyers.get(1).email());
    }

    @Test
    void the_accepting_lawyer_replying_again_changes_nothing() {
        decisions.answerByReply(tokens.get(0), lawyers.get(0).email(), new Answer.Accept());
        int before = aws.countItems();

        AnswerOutcome outcome =
                decisions.answerByReply(tokens.get(0), lawyers.get(0).email(), new Answer.Accept());

        assertThat(outcome)
                .isEqualTo(new AnswerOutcome.NoLongerOpen(
                        request.id(), lawyers.get(0).id(), OfferStatus.ACCEPTED));
        assertThat(aws.countItems()).isEqualTo(before);
    }

    @Test
    void two_lawyers_accepting_at_once_give_the_matter_to_exactly_one() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<AnswerOutcome>> answers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            int who = i;
            Callable<AnswerOutcome> accept = () -> {
                start.await();
                return decisions.answerByReply(tokens.get(who), lawyers.get(who).email(), new Answer.Accept());
            };
            answers.add(pool.submit(accept));
        }
        start.countDown();
        List<AnswerOutcome> outcomes = new ArrayList<>();
        for (Future<AnswerOutcome> answer : answers) outcomes.add(answer.get());
        pool.shutdown();

        assertThat(outcomes)
                .filteredOn(AnswerOutcome.Accepted.class::isInstance)
                .hasSize(1);
        assertThat(outcomes)
                .filteredOn(AnswerOutcome.AlreadyTaken.class::isInstance)
                .hasSize(1);
        int winner = outcomes.get(0) instanceof AnswerOutcome.Accepted ? 0 : 1;
        LegalRequest after = request();
        assertThat(after.status()).isEqualTo(RequestStatus.ACCEPTED);
        assertThat(after.lawyerId()).isEqualTo(lawyers.get(winner).id());
        assertThat(List.of(offer(0).status(), offer(1).status(), offer(2).status()))
                .containsExactlyInAnyOrder(OfferStatus.ACCEPTED, OfferStatus.WITHDRAWN, OfferStatus.WITHDRAWN);
        assertThat(load(0) + load(1) + load(2)).isEqualTo(1);
        assertThat(load(winner)).isEqualTo(1);
        assertThat(outbox(EmailTemplate.MATTER_DETAILS_TO_LAWYER)).hasSize(1);
        assertThat(outbox(EmailTemplate.ALREADY_TAKEN))
                .extracting(OutboxMessage::to)
                .containsExactly(lawyers.get(1 - winner).email());
    }

    @Test
    void a_decline_releases_the_load_and_keeps_the_request_offered_while_others_are_pending() {
        AnswerOutcome outcome = decisions.answerByReply(
                tokens.get(1), lawyers.get(1).email(), new Answer.Decline("I act for Paint Co's parent"));

        assertThat(outcome)
                .isEqualTo(
                        new AnswerOutcome.Declined(request.id(), lawyers.get(1).id()));
        assertThat(offer(1).status()).isEqualTo(OfferStatus.DECLINED);
        assertThat(offer(1).note()).isEqualTo("I act for Paint Co's parent");
        assertThat(load(1)).isZero();
        assertThat(request().status()).isEqualTo(RequestStatus.OFFERED);
        OutboxMessage email = outbox(EmailTemplate.ADMIN_OFFER_DECLINED).getFirst();
        assertThat(email.data())
                .containsEntry("reason", "I act for Paint Co's parent")
                .containsEntry("lawyerName", "Ravi Sen")
                .containsEntry("suggestions", List.of());
    }

    @Test
    void the_last_decline_puts_the_request_back_in_the_queue_and_tells_the_admin_the_next_suggestions() {
        Lawyer spare = new Lawyer(
                ids.next(),
                "Nisha Pal",
                "nisha@law.example",
                "+919830000009",
                null,
                "WB/9/2019",
                "IN-WB",
                7,
                List.of(Category.CONTRACT_REVIEW),
                List.of("IN-WB"),
                List.of("en"),
                2,
                0,
                false,
                ProfileStatus.APPROVED,
                OFFERED_AT,
                1);
        store.commit(new Transaction()
                .create(LawyerItems.toItem(spare))
                .create(LawyerItems.areaItem(spare.id(), Category.CONTRACT_REVIEW)));

        for (int i = 0; i < 3; i++) {
            decisions.answerByReply(tokens.get(i), lawyers.get(i).email(), new Answer.Decline("busy"));
        }

        LegalRequest after = request();
        assertThat(after.status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(store.get(Keys.request(request.id())).orElseThrow().string(Keys.GSI2PK))
                .isEqualTo(Keys.QUEUE_OPEN);
        List<OutboxMessage> declined = outbox(EmailTemplate.ADMIN_OFFER_DECLINED);
        assertThat(declined).hasSize(3);
        assertThat(declined)
                .extracting(m -> m.data().get("suggestions"))
                .containsOnlyOnce(List.of("Nisha Pal ("
                        + Ranking.score(after, new LawyerProfile(spare, LawyerStats.none(spare.id())), NOW)
                                .score() + ")"));
    }

    @Test
    void concurrent_declines_of_the_last_two_offers_still_put_the_request_back_in_the_queue() throws Exception {
        decisions.answerByReply(tokens.get(0), lawyers.get(0).email(), new Answer.Decline("busy"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<AnswerOutcome>> answers = new ArrayList<>();
        for (int i = 1; i < 3; i++) {
            int who = i;
            answers.add(pool.submit(() -> {
                start.await();
                return decisions.answerByReply(tokens.get(who), lawyers.get(who).email(), new Answer.Decline("no"));
            }));
        }
        start.countDown();
        for (Future<AnswerOutcome> answer : answers)
            assertThat(answer.get()).isInstanceOf(AnswerOutcome.Declined.class);
        pool.shutdown();

        assertThat(request().status()).isEqualTo(RequestStatus.SUBMITTED);
    }

    @Test
    void a_reply_from_another_address_changes_nothing() {
        int before = aws.countItems();

        AnswerOutcome outcome = decisions.answerByReply(tokens.get(0), "someone@else.example", new Answer.Accept());

        assertThat(outcome).isEqualTo(new AnswerOutcome.WrongSender(request.id()));
        assertThat(aws.countItems()).isEqualTo(before);
        assertThat(request().status()).isEqualTo(RequestStatus.OFFERED);
    }

    @Test
    void an_unknown_or_malformed_token_changes_nothing() {
        int before = aws.countItems();

        assertThat(decisions.answerByReply(
                        secrets.newReplyToken(), lawyers.get(0).email(), new Answer.Accept()))
                .isEqualTo(new AnswerOutcome.UnknownToken());
        assertThat(decisions.answerByReply("not a token", lawyers.get(0).email(), new Answer.Accept()))
                .isEqualTo(new AnswerOutcome.UnknownToken());
        assertThat(aws.countItems()).isEqualTo(before);
    }

    @Test
    void an_expired_reply_token_is_unknown() {
        Clock later = Clock.fixed(OFFERED_AT.plus(Duration.ofDays(9)), ZoneOffset.UTC);
        OfferDecisions lateDecisions =
                decisions(new Store(aws.dynamoDb(), aws.tableName(), later), new Ids(later), later);

        assertThat(lateDecisions.answerByReply(tokens.get(0), lawyers.get(0).email(), new Answer.Accept()))
                .isEqualTo(new AnswerOutcome.UnknownToken());
    }

    @Test
    void a_used_reply_token_is_unknown() {
        String hash = Secrets.hash(tokens.get(0));
        Token token = TokenItems.from(hash, store.get(Keys.token(hash)).orElseThrow());
        store.commit(new Transaction().put(TokenItems.toItem(token.usedAt(NOW.minus(Duration.ofHours(1))))));
        int before = aws.countItems();

        assertThat(decisions.answerByReply(tokens.get(0), lawyers.get(0).email(), new Answer.Accept()))
                .isEqualTo(new AnswerOutcome.UnknownToken());
        assertThat(aws.countItems()).isEqualTo(before);
        assertThat(request().status()).isEqualTo(RequestStatus.OFFERED);
        assertThat(offer(0).status()).isEqualTo(OfferStatus.PENDING);
    }

    private LegalRequest request() {
        return RequestItems.from(store.get(Keys.request(request.id())).orElseThrow());
    }

    private Offer offer(int lawyer) {
        return OfferItems.from(
                store.get(Keys.offer(request.id(), lawyers.get(lawyer).id())).orElseThrow());
    }

    private int load(int lawyer) {
        return LawyerItems.from(store.get(Keys.lawyer(lawyers.get(lawyer).id())).orElseThrow())
                .activeMatters();
    }

    private List<OutboxMessage> outbox(EmailTemplate template) {
        return allOutbox().stream().filter(m -> m.template() == template).toList();
    }

    private List<EmailTemplate> templates() {
        return allOutbox().stream().map(OutboxMessage::template).toList();
    }

    private List<OutboxMessage> allOutbox() {
        return aws
                .dynamoDb()
                .scanPaginator(s -> s.tableName(aws.tableName())
                        .filterExpression("entity = :outbox")
                        .expressionAttributeValues(Map.of(":outbox", AttributeValue.fromS(OutboxItems.ENTITY))))
                .items()
                .stream()
                .map(item -> OutboxItems.from(Item.of(EnhancedDocument.fromAttributeValueMap(item))))
                .toList();
    }

    private OfferDecisions decisions(Store on, Ids ids, Clock clock) {
        Config config = Config.from(aws.environment());
        return new OfferDecisions(
                new TableMatters(on, new RunningTotals(config.timeZone())),
                new TableLawyers(on),
                new TableOffers(on),
                new MatterEmails(ids, config.adminEmail()),
                box()::sealToken,
                clock);
    }

    private ConfidentialBox box() {
        return new ConfidentialBox(aws.kms(), aws.environment().get("KMS_KEY_ID"));
    }
}
