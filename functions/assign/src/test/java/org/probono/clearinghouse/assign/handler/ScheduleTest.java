package org.probono.clearinghouse.assign.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.OfferStatus;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.ids.Secrets;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.LocalAwsExtension;
import org.probono.clearinghouse.matters.Answer;
import org.probono.clearinghouse.matters.AnswerOutcome;
import org.probono.clearinghouse.store.Keys;

/** The EventBridge schedule: expiry exactly once, a reminder once at half the window. */
@ExtendWith(LocalAwsExtension.class)
class ScheduleTest {
    private Fixture fx;
    private LegalRequest request;
    private Lawyer meera, ravi;

    @BeforeEach
    void setUp(LocalAws aws) {
        fx = new Fixture(aws);
        request = fx.request("Unpaid wages of shelter staff");
        meera = fx.lawyer("Meera Das");
        ravi = fx.lawyer("Ravi Sen");
        fx.invoke(
                "assign-assign.json",
                Map.of(
                        "requestId",
                        request.id(),
                        "lawyerIds",
                        List.of(meera.id(), ravi.id()),
                        "respondWithinHours",
                        24));
    }

    private JsonNode tick() {
        return fx.invoke("assign-schedule.json", Map.of());
    }

    @Test
    void nothing_happens_before_half_the_window() {
        fx.clock.advance(Duration.ofHours(11));
        int before = fx.aws.countItems();

        JsonNode run = tick();

        assertThat(run.path("expired").asInt()).isZero();
        assertThat(run.path("reminded").asInt()).isZero();
        assertThat(run.path("failed").asInt()).isZero();
        assertThat(fx.aws.countItems()).isEqualTo(before);
    }

    @Test
    void one_offer_that_cannot_expire_does_not_hold_up_the_others() {
        LegalRequest other = fx.request("Trademark objection for a survivors' craft label");
        Lawyer gone = fx.lawyer("Anil Roy");
        fx.invoke(
                "assign-assign.json",
                Map.of("requestId", other.id(), "lawyerIds", List.of(gone.id()), "respondWithinHours", 24));
        fx.store.commit(new org.probono.clearinghouse.store.Transaction().delete(Keys.lawyer(gone.id())));
        fx.clock.advance(Duration.ofHours(24).plusSeconds(1));

        JsonNode run = tick();

        assertThat(run.path("failed").asInt()).isEqualTo(1);
        assertThat(run.path("expired").asInt()).isEqualTo(2);
        assertThat(fx.table.readOffer(request.id(), meera.id()).status()).isEqualTo(OfferStatus.EXPIRED);
        assertThat(fx.table.readOffer(other.id(), gone.id()).status()).isEqualTo(OfferStatus.PENDING);
    }

    @Test
    void a_reminder_goes_out_once_at_half_the_window_with_a_fresh_reply_address_that_works() {
        fx.clock.advance(Duration.ofHours(12));

        assertThat(tick().path("reminded").asInt()).isEqualTo(2);
        assertThat(tick().path("reminded").asInt()).isZero();

        List<OutboxMessage> reminders = fx.table.outbox(EmailTemplate.OFFER_REMINDER);
        assertThat(reminders).extracting(OutboxMessage::to).containsExactlyInAnyOrder(meera.email(), ravi.email());
        assertThat(fx.table.readOffer(request.id(), meera.id()).reminded()).isTrue();
        OutboxMessage toMeera = reminders.stream()
                .filter(m -> m.to().equals(meera.email()))
                .findFirst()
                .orElseThrow();
        assertThat(toMeera.toString()).doesNotContain(Fixture.CONFIDENTIAL);
        assertThat(fx.store.get(Keys.token(Secrets.hash(fx.table.tokenOf(toMeera)))))
                .isPresent();
        AnswerOutcome outcome =
                fx.decisions().answerByReply(fx.table.tokenOf(toMeera), meera.email(), new Answer.Accept());
        assertThat(outcome).isInstanceOf(AnswerOutcome.Accepted.class);
    }

    @Test
    void offers_past_respond_by_expire_exactly_once_even_when_the_schedule_runs_twice() {
        fx.clock.advance(Duration.ofHours(24).plusSeconds(1));

        JsonNode first = tick();
        int afterFirst = fx.aws.countItems();
        JsonNode second = tick();

        assertThat(first.path("expired").asInt()).isEqualTo(2);
        assertThat(second.path("expired").asInt()).isZero();
        assertThat(fx.aws.countItems()).isEqualTo(afterFirst);
        assertThat(fx.table.readOffer(request.id(), meera.id()).status()).isEqualTo(OfferStatus.EXPIRED);
        assertThat(fx.table.readOffer(request.id(), ravi.id()).status()).isEqualTo(OfferStatus.EXPIRED);
        assertThat(List.of(fx.load(meera), fx.load(ravi))).containsExactly(0, 0);
        assertThat(fx.table.readRequest(request.id()).status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(fx.inQueue(request.id())).isTrue();
        assertThat(fx.table.outbox(EmailTemplate.ADMIN_OFFER_EXPIRED))
                .hasSize(2)
                .allSatisfy(m -> assertThat(m.to()).isEqualTo(fx.config.adminEmail()));
    }

    @Test
    void a_lapsed_lawyer_is_not_suggested_again_and_a_late_acceptance_changes_nothing() {
        fx.clock.advance(Duration.ofHours(25));
        tick();
        String meeraToken = fx.table.tokenOf(fx.table.outbox(EmailTemplate.OFFER).stream()
                .filter(m -> m.to().equals(meera.email()))
                .findFirst()
                .orElseThrow());
        int before = fx.aws.countItems();

        AnswerOutcome late = fx.decisions().answerByReply(meeraToken, meera.email(), new Answer.Accept());

        assertThat(late).isEqualTo(new AnswerOutcome.NoLongerOpen(request.id(), meera.id(), OfferStatus.EXPIRED));
        assertThat(fx.aws.countItems()).isEqualTo(before);
        assertThat(fx.invoke("assign-suggest.json", Map.of("requestId", request.id()))
                        .path("candidates"))
                .isEmpty();
    }

    @Test
    void confidential_details_of_an_ended_request_are_destroyed_once_the_retention_period_has_passed() {
        LegalRequest closed = fx.request("A request the team closes");
        fx.invoke("assign-close.json", Map.of("requestId", closed.id(), "reason", "No lawyer for this jurisdiction"));
        assertThat(fx.table.readRequest(closed.id()).sealedDetails()).isNotNull();

        fx.clock.advance(Duration.ofDays(180).minusMinutes(1));
        assertThat(tick().path("detailsDestroyed").asInt()).isZero();
        assertThat(fx.table.readRequest(closed.id()).sealedDetails()).isNotNull();

        fx.clock.advance(Duration.ofMinutes(2));
        JsonNode run = tick();

        assertThat(run.path("detailsDestroyed").asInt()).isEqualTo(1);
        LegalRequest after = fx.table.readRequest(closed.id());
        assertThat(after.sealedDetails()).isNull();
        assertThat(after.status()).isEqualTo(RequestStatus.CLOSED);
        assertThat(fx.store.get(Keys.request(closed.id())).orElseThrow().string(Keys.GSI2PK))
                .isNull();
        // The open request keeps its details; a second run changes nothing.
        assertThat(fx.table.readRequest(request.id()).sealedDetails()).isNotNull();
        int before = fx.aws.countItems();
        assertThat(tick().path("detailsDestroyed").asInt()).isZero();
        assertThat(fx.aws.countItems()).isEqualTo(before);
    }
}
