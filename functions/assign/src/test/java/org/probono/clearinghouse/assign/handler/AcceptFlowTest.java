package org.probono.clearinghouse.assign.handler;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.OfferStatus;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.LocalAwsExtension;
import org.probono.clearinghouse.matters.Answer;
import org.probono.clearinghouse.matters.AnswerOutcome;
import org.probono.clearinghouse.matters.OfferDecisions;

/** Offers made by the assign command, answered through the shared use case with the tokens the offer emails carry. */
@ExtendWith(LocalAwsExtension.class)
class AcceptFlowTest {
    private Fixture fx;
    private LegalRequest request;
    private final List<Lawyer> lawyers = new ArrayList<>();
    private OfferDecisions decisions;

    @BeforeEach
    void setUp(LocalAws aws) {
        fx = new Fixture(aws);
        request = fx.request("Unpaid wages of shelter staff");
        for (String name : List.of("Meera Das", "Ravi Sen", "Kabir Roy")) lawyers.add(fx.lawyer(name));
        fx.invoke(
                "assign-assign.json",
                Map.of(
                        "requestId",
                        request.id(),
                        "lawyerIds",
                        lawyers.stream().map(Lawyer::id).toList()));
        decisions = fx.decisions();
    }

    private String tokenOf(Lawyer lawyer) {
        return fx.table.tokenOf(fx.table.outbox(EmailTemplate.OFFER).stream()
                .filter(m -> m.to().equals(lawyer.email()))
                .findFirst()
                .orElseThrow());
    }

    @Test
    void two_lawyers_accepting_in_parallel_one_wins_and_the_state_and_loads_are_consistent() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<AnswerOutcome>> futures = new ArrayList<>();
        for (Lawyer lawyer : lawyers.subList(0, 2)) {
            String token = tokenOf(lawyer);
            futures.add(pool.submit(() -> {
                start.await();
                return decisions.answerByReply(token, lawyer.email(), new Answer.Accept());
            }));
        }
        start.countDown();
        List<AnswerOutcome> outcomes = new ArrayList<>();
        for (Future<AnswerOutcome> future : futures) outcomes.add(future.get());
        pool.shutdown();

        assertThat(outcomes)
                .as("outcomes: " + outcomes)
                .filteredOn(AnswerOutcome.Accepted.class::isInstance)
                .hasSize(1);
        assertThat(outcomes)
                .as("outcomes: " + outcomes)
                .filteredOn(AnswerOutcome.AlreadyTaken.class::isInstance)
                .hasSize(1);
        Lawyer winner = outcomes.get(0) instanceof AnswerOutcome.Accepted ? lawyers.get(0) : lawyers.get(1);
        LegalRequest accepted = fx.table.readRequest(request.id());
        assertThat(accepted.status()).isEqualTo(RequestStatus.ACCEPTED);
        assertThat(accepted.lawyerId()).isEqualTo(winner.id());
        assertThat(fx.inQueue(request.id())).isFalse();
        for (Lawyer lawyer : lawyers) {
            boolean won = lawyer.equals(winner);
            assertThat(fx.table.readOffer(request.id(), lawyer.id()).status())
                    .isEqualTo(won ? OfferStatus.ACCEPTED : OfferStatus.WITHDRAWN);
            assertThat(fx.load(lawyer)).isEqualTo(won ? 1 : 0);
        }
        assertThat(fx.table.outbox(EmailTemplate.MATTER_DETAILS_TO_LAWYER))
                .extracting(OutboxMessage::to)
                .containsExactly(winner.email());
        assertThat(fx.table.outbox(EmailTemplate.OFFER_FILLED)).hasSize(2);
        assertThat(fx.table.outbox(EmailTemplate.INTRODUCTION_TO_ORGANISATION)).hasSize(1);
        assertThat(fx.table.outbox(EmailTemplate.ADMIN_ACCEPTED)).hasSize(1);
        assertThat(fx.invoke("assign-queue.json", Map.of()).path("items")).isEmpty();
    }

    @Test
    void only_the_accepted_lawyers_email_carries_the_sealed_details() {
        decisions.answerByReply(tokenOf(lawyers.get(2)), lawyers.get(2).email(), new Answer.Accept());

        for (OutboxMessage message : fx.table.outbox()) {
            if (message.template() == EmailTemplate.MATTER_DETAILS_TO_LAWYER) {
                assertThat(message.sealedDetails()).isEqualTo(Fixture.CONFIDENTIAL);
                assertThat(message.data().toString()).doesNotContain(Fixture.CONFIDENTIAL);
            } else {
                assertThat(message.toString()).doesNotContain(Fixture.CONFIDENTIAL);
            }
        }
    }

    @Test
    void when_every_lawyer_declines_the_request_is_back_in_the_queue_with_suggestions_for_the_admin() {
        Lawyer spare = fx.lawyer("Nisha Pal");
        for (Lawyer lawyer : lawyers)
            decisions.answerByReply(tokenOf(lawyer), lawyer.email(), new Answer.Decline("busy"));

        assertThat(fx.table.readRequest(request.id()).status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(lawyers).allSatisfy(l -> assertThat(fx.load(l)).isZero());
        List<OutboxMessage> declined = fx.table.outbox(EmailTemplate.ADMIN_OFFER_DECLINED);
        assertThat(declined).hasSize(3);
        assertThat(declined.getLast().data().get("suggestions").toString()).contains("Nisha Pal (");
        assertThat(fx.invoke("assign-suggest.json", Map.of("requestId", request.id()))
                        .path("candidates")
                        .path(0)
                        .path("lawyerId")
                        .asText())
                .isEqualTo(spare.id());
    }
}
