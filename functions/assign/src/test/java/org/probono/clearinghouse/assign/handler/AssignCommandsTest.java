package org.probono.clearinghouse.assign.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.probono.clearinghouse.domain.Category;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.OfferStatus;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.domain.Token;
import org.probono.clearinghouse.ids.Secrets;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.LocalAwsExtension;
import org.probono.clearinghouse.matters.Answer;
import org.probono.clearinghouse.matters.OfferDecisions;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.TokenItems;
import org.probono.clearinghouse.testkit.TestEvents;

@ExtendWith(LocalAwsExtension.class)
class AssignCommandsTest {
    private Fixture fx;
    private LegalRequest request;
    private Lawyer meera, ravi;

    @BeforeEach
    void setUp(LocalAws aws) {
        fx = new Fixture(aws);
        request = fx.request("Unpaid wages of shelter staff");
        meera = fx.lawyer("Meera Das");
        ravi = fx.lawyer("Ravi Sen");
    }

    private JsonNode assign(LegalRequest which, List<String> lawyerIds) {
        return fx.invoke("assign-assign.json", Map.of("requestId", which.id(), "lawyerIds", lawyerIds));
    }

    @Test
    void assigning_offers_the_request_to_each_lawyer_in_one_change() {
        JsonNode result = assign(request, List.of(meera.id(), ravi.id()));

        Instant respondBy = Fixture.START.plusSeconds(1).plus(Duration.ofHours(24));
        assertThat(result.path("requestId").asText()).isEqualTo(request.id());
        assertThat(result.path("status").asText()).isEqualTo("OFFERED");
        assertThat(result.path("offers")).hasSize(2);
        assertThat(result.path("offers").path(0).path("respondBy").asText()).isEqualTo(respondBy.toString());
        assertThat(fx.table.readRequest(request.id()).status()).isEqualTo(RequestStatus.OFFERED);
        assertThat(fx.inQueue(request.id())).isTrue();
        assertThat(fx.table.readOffer(request.id(), meera.id()).status()).isEqualTo(OfferStatus.PENDING);
        assertThat(List.of(fx.load(meera), fx.load(ravi))).containsExactly(1, 1);

        List<OutboxMessage> offers = fx.table.outbox(EmailTemplate.OFFER);
        assertThat(offers).extracting(OutboxMessage::to).containsExactlyInAnyOrder(meera.email(), ravi.email());
        OutboxMessage toMeera = offers.stream()
                .filter(m -> m.to().equals(meera.email()))
                .findFirst()
                .orElseThrow();
        assertThat(toMeera.data())
                .containsEntry("organisationName", "Shakti Vahini")
                .containsEntry("counterparties", List.of("Acme Pvt Ltd"))
                .containsEntry("respondBy", respondBy.toString())
                .containsEntry("title", "Unpaid wages of shelter staff");
        assertThat(toMeera.toString()).doesNotContain(Fixture.CONFIDENTIAL);
        assertThat(toMeera.sealedDetails()).isNull();
        // The raw token rides only sealed on the outbox item; the offer and the token item keep its hash.
        String tokenHash = Secrets.hash(fx.table.tokenOf(toMeera));
        assertThat(toMeera.sealedToken()).startsWith("v1.").doesNotContain(fx.table.tokenOf(toMeera));
        assertThat(fx.table.readOffer(request.id(), meera.id()).replyTokenHash())
                .isEqualTo(tokenHash);
        Token token =
                TokenItems.from(tokenHash, fx.store.get(Keys.token(tokenHash)).orElseThrow());
        assertThat(token.purpose()).isEqualTo(Token.Purpose.OFFER_REPLY);
        assertThat(token.subjectId()).isEqualTo(request.id());
        assertThat(token.lawyerId()).isEqualTo(meera.id());
        assertThat(token.expiresAt()).isEqualTo(respondBy.plus(Duration.ofDays(7)));
    }

    @Test
    void the_response_window_is_shortened_to_a_sooner_deadline() {
        Instant deadline = Fixture.START.plus(Duration.ofHours(6));
        LegalRequest urgent = fx.request("Urgent", Category.EMPLOYMENT, "IN-WB", "bn", deadline, List.of());

        JsonNode result = assign(urgent, List.of(meera.id()));

        assertThat(result.path("offers").path(0).path("respondBy").asText()).isEqualTo(deadline.toString());
    }

    @Test
    void the_queue_lists_open_requests_most_urgent_first_with_pending_offers_and_nothing_confidential() {
        LegalRequest later = fx.request(
                "Later deadline",
                Category.EMPLOYMENT,
                "IN-WB",
                "bn",
                Fixture.START.plus(Duration.ofDays(10)),
                List.of());
        LegalRequest sooner = fx.request(
                "Sooner deadline",
                Category.EMPLOYMENT,
                "IN-WB",
                "bn",
                Fixture.START.plus(Duration.ofDays(2)),
                List.of());
        LegalRequest closed = fx.request("Closed one");
        fx.invoke("assign-close.json", Map.of("requestId", closed.id()));
        assign(request, List.of(meera.id()));

        JsonNode items = fx.invoke("assign-queue.json", Map.of()).path("items");

        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.path("id").asText()));
        assertThat(ids).containsExactly(sooner.id(), later.id(), request.id());
        JsonNode offered = items.path(2);
        assertThat(offered.path("status").asText()).isEqualTo("OFFERED");
        assertThat(offered.path("organisation").path("name").asText()).isEqualTo("Shakti Vahini");
        assertThat(offered.path("offers").path(0).path("lawyerId").asText()).isEqualTo(meera.id());
        assertThat(offered.path("offers").path(0).path("status").asText()).isEqualTo("PENDING");
        assertThat(items.path(0).path("deadline").asText())
                .isEqualTo(sooner.deadline().toString());
    }

    @Test
    void assigning_a_request_that_is_not_open_is_a_conflict_and_writes_nothing() {
        fx.invoke("assign-close.json", Map.of("requestId", request.id()));
        int before = fx.aws.countItems();

        JsonNode result = assign(request, List.of(meera.id()));

        assertThat(result.path("error").path("status").asInt()).isEqualTo(409);
        assertThat(fx.aws.countItems()).isEqualTo(before);
    }

    @Test
    void re_offering_to_a_lawyer_who_declined_is_a_conflict_and_writes_nothing() {
        assign(request, List.of(meera.id()));
        OfferDecisions decisions = fx.decisions();
        decisions.answer(request.id(), meera.id(), new Answer.Decline("conflict of interest"), "test");
        int before = fx.aws.countItems();

        JsonNode result = assign(request, List.of(meera.id(), ravi.id()));

        assertThat(result.path("error").path("status").asInt()).isEqualTo(409);
        assertThat(result.path("error").path("detail").asText()).contains("declined");
        assertThat(fx.aws.countItems()).isEqualTo(before);
        assertThat(fx.load(ravi)).isZero();
    }

    @Test
    void bad_commands_are_refused_with_a_400_and_write_nothing() {
        int before = fx.aws.countItems();

        List<JsonNode> results = List.of(
                fx.invoke("{\"command\":\"reassign\"}"),
                fx.invoke("assign-assign.json", Map.of("requestId", request.id(), "lawyerIds", List.of())),
                fx.invoke(
                        "assign-assign.json",
                        Map.of("requestId", request.id(), "lawyerIds", List.of("a", "b", "c", "d"))),
                fx.invoke(
                        "assign-assign.json",
                        Map.of("requestId", request.id(), "lawyerIds", List.of(meera.id(), meera.id()))),
                fx.invoke("assign-assign.json", Map.of("requestId", request.id(), "respondWithinHours", 169)),
                fx.invoke("assign-assign.json", Map.of("requestId", request.id(), "assignedBy", "")),
                fx.invoke("assign-complete.json", Map.of("requestId", request.id(), "hoursSpent", -1)),
                fx.invoke("assign-close.json", Map.of("requestId", request.id(), "reasn", "typo")),
                fx.invoke("{\"command\":\"close\",\"requestId\":\"" + request.id() + "\"}"));

        assertThat(results)
                .allSatisfy(result ->
                        assertThat(result.path("error").path("status").asInt()).isEqualTo(400));
        assertThat(fx.aws.countItems()).isEqualTo(before);
        assertThat(fx.table.readRequest(request.id()).status()).isEqualTo(RequestStatus.SUBMITTED);
    }

    @Test
    void the_no_argument_constructor_lambda_calls_reads_its_configuration_from_the_environment() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        new AssignHandler()
                .handleRequest(new java.io.ByteArrayInputStream("{\"command\":\"queue\"}".getBytes()), out, null);

        assertThat(out.toString()).contains(request.id()).doesNotContain(Fixture.CONFIDENTIAL);
    }

    @Test
    void an_event_of_another_shape_is_answered_with_an_error_not_a_stack_trace() {
        JsonNode result = fx.invoke("{\"Records\":[]}");

        assertThat(result.path("error").path("status").asInt()).isEqualTo(400);
    }

    @Test
    void two_admins_assigning_the_same_request_at_once_exactly_one_wins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<JsonNode>> results = new ArrayList<>();
        for (Lawyer lawyer : List.of(meera, ravi)) {
            results.add(pool.submit(() -> {
                start.await();
                return assign(request, List.of(lawyer.id()));
            }));
        }
        start.countDown();
        List<JsonNode> answers = new ArrayList<>();
        for (Future<JsonNode> result : results) answers.add(result.get());
        pool.shutdown();

        assertThat(answers)
                .filteredOn(a -> a.path("status").asText().equals("OFFERED"))
                .hasSize(1);
        assertThat(answers)
                .filteredOn(a -> a.path("error").path("status").asInt() == 409)
                .hasSize(1);
        assertThat(fx.load(meera) + fx.load(ravi)).isEqualTo(1);
        assertThat(fx.table.outbox(EmailTemplate.OFFER)).hasSize(1);
    }

    @Test
    void withdrawing_the_only_offer_releases_the_load_and_puts_the_request_back_in_the_queue() {
        assign(request, List.of(meera.id()));

        JsonNode result = fx.invoke("assign-withdraw.json", Map.of("requestId", request.id(), "lawyerId", meera.id()));

        assertThat(result.path("offerStatus").asText()).isEqualTo("WITHDRAWN");
        assertThat(result.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(fx.table.readOffer(request.id(), meera.id()).status()).isEqualTo(OfferStatus.WITHDRAWN);
        assertThat(fx.load(meera)).isZero();
        assertThat(fx.table.readRequest(request.id()).status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(fx.inQueue(request.id())).isTrue();
        assertThat(fx.table.outbox(EmailTemplate.OFFER_WITHDRAWN))
                .extracting(OutboxMessage::to)
                .containsExactly(meera.email());
    }

    @Test
    void withdrawing_an_offer_that_is_not_pending_is_a_conflict_and_writes_nothing() {
        assign(request, List.of(meera.id()));
        fx.invoke("assign-withdraw.json", Map.of("requestId", request.id(), "lawyerId", meera.id()));
        int before = fx.aws.countItems();

        assertThat(fx.invoke("assign-withdraw.json", Map.of("requestId", request.id(), "lawyerId", meera.id()))
                        .path("error")
                        .path("status")
                        .asInt())
                .isEqualTo(409);
        assertThat(fx.invoke("assign-withdraw.json", Map.of("requestId", request.id(), "lawyerId", ravi.id()))
                        .path("error")
                        .path("status")
                        .asInt())
                .isEqualTo(404);
        assertThat(fx.aws.countItems()).isEqualTo(before);
    }

    @Test
    void a_withdrawn_lawyer_can_be_offered_the_request_again() {
        assign(request, List.of(meera.id()));
        fx.invoke("assign-withdraw.json", Map.of("requestId", request.id(), "lawyerId", meera.id()));

        JsonNode result = assign(request, List.of(meera.id()));

        assertThat(result.path("status").asText()).isEqualTo("OFFERED");
        assertThat(fx.table.readOffer(request.id(), meera.id()).status()).isEqualTo(OfferStatus.PENDING);
        assertThat(fx.load(meera)).isEqualTo(1);
    }

    @Test
    void closing_an_open_request_withdraws_its_offers_and_tells_the_organisation() {
        assign(request, List.of(meera.id(), ravi.id()));

        JsonNode result = fx.invoke("assign-close.json", Map.of("requestId", request.id()));

        assertThat(result.path("status").asText()).isEqualTo("CLOSED");
        assertThat(fx.table.readRequest(request.id()).status()).isEqualTo(RequestStatus.CLOSED);
        assertThat(fx.inQueue(request.id())).isFalse();
        assertThat(List.of(fx.load(meera), fx.load(ravi))).containsExactly(0, 0);
        assertThat(fx.table.readOffer(request.id(), ravi.id()).status()).isEqualTo(OfferStatus.WITHDRAWN);
        assertThat(fx.table.outbox(EmailTemplate.OFFER_WITHDRAWN)).hasSize(2);
        OutboxMessage told = fx.table.outbox(EmailTemplate.REQUEST_CLOSED).getFirst();
        assertThat(told.to()).isEqualTo("asha@shakti.example");
        assertThat(told.data())
                .containsEntry(
                        "reason",
                        TestEvents.command("assign-close.json")
                                .json()
                                .path("reason")
                                .asText());

        int before = fx.aws.countItems();
        assertThat(fx.invoke("assign-close.json", Map.of("requestId", request.id()))
                        .path("error")
                        .path("status")
                        .asInt())
                .isEqualTo(409);
        assertThat(fx.aws.countItems()).isEqualTo(before);
    }

    @Test
    void completing_an_accepted_matter_releases_the_load_and_asks_the_organisation_for_feedback() {
        int beforeAny = fx.aws.countItems();
        assertThat(fx.invoke("assign-complete.json", Map.of("requestId", request.id()))
                        .path("error")
                        .path("status")
                        .asInt())
                .isEqualTo(409);
        assertThat(fx.aws.countItems()).isEqualTo(beforeAny);
        assign(request, List.of(meera.id()));
        fx.decisions().answer(request.id(), meera.id(), new Answer.Accept(), "test");
        assertThat(fx.load(meera)).isEqualTo(1);

        JsonNode result = fx.invoke("assign-complete.json", Map.of("requestId", request.id()));

        assertThat(result.path("status").asText()).isEqualTo("COMPLETED");
        LegalRequest completed = fx.table.readRequest(request.id());
        assertThat(completed.status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(completed.lawyerId()).isEqualTo(meera.id());
        assertThat(fx.store.get(Keys.request(request.id())).orElseThrow().string("outcome"))
                .startsWith("Contract reviewed");
        assertThat(fx.load(meera)).isZero();
        OutboxMessage feedback =
                fx.table.outbox(EmailTemplate.REQUEST_COMPLETED).getFirst();
        assertThat(feedback.to()).isEqualTo("asha@shakti.example");
        assertThat(feedback.data()).containsEntry("lawyerName", "Meera Das");

        int before = fx.aws.countItems();
        assertThat(fx.invoke("assign-complete.json", Map.of("requestId", request.id()))
                        .path("error")
                        .path("status")
                        .asInt())
                .isEqualTo(409);
        assertThat(fx.aws.countItems()).isEqualTo(before);
    }
}
