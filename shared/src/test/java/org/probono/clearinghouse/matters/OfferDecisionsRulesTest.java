package org.probono.clearinghouse.matters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Offer;
import org.probono.clearinghouse.domain.OfferStatus;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.domain.Token;
import org.probono.clearinghouse.ids.Ids;
import org.probono.clearinghouse.ids.Secrets;
import org.probono.clearinghouse.impact.Tally;
import org.probono.clearinghouse.testkit.InMemoryMatters;
import org.probono.clearinghouse.testkit.MatterSamples;
import org.probono.clearinghouse.testkit.MovableClock;

/** Accepting and declining offers, decided on the in-memory ports: no backend. */
class OfferDecisionsRulesTest {
    private static final Instant OFFERED_AT = Instant.parse("2026-11-28T10:00:00Z");
    private static final Duration WINDOW = Duration.ofHours(24);

    private final MovableClock clock = new MovableClock(OFFERED_AT.plus(Duration.ofHours(3)));
    private final InMemoryMatters table = new InMemoryMatters(clock);
    private final Secrets secrets = new Secrets();
    private final List<Lawyer> lawyers = new ArrayList<>();
    private final List<String> tokens = new ArrayList<>();
    private OfferDecisions decisions;
    private LegalRequest request;

    @BeforeEach
    void setUp() {
        decisions = new OfferDecisions(
                table,
                table,
                table,
                new MatterEmails(new Ids(clock), "team@clearinghouse.example"),
                (token, outboxId) -> "sealed:" + token,
                clock);
        Organisation org = MatterSamples.organisation("ORG-1");
        request = MatterSamples.request("REQ-1", org, RequestStatus.OFFERED, OFFERED_AT.minus(Duration.ofDays(1)));
        table.put(org).put(request);
        for (String name : List.of("Meera Das", "Ravi Sen", "Kabir Roy")) {
            Lawyer lawyer = MatterSamples.lawyer("L-" + name.charAt(0), name, 1);
            String token = secrets.newReplyToken();
            Offer offer = MatterSamples.pendingOffer(request, lawyer, OFFERED_AT, WINDOW, token);
            table.put(lawyer).put(offer).put(MatterSamples.offerToken(offer, token));
            lawyers.add(lawyer);
            tokens.add(token);
        }
    }

    @Test
    void the_first_acceptance_takes_the_matter_withdraws_the_other_offers_and_releases_their_load() {
        AnswerOutcome outcome =
                decisions.answerByReply(tokens.get(0), lawyers.get(0).email(), new Answer.Accept());

        assertThat(outcome)
                .isEqualTo(
                        new AnswerOutcome.Accepted(request.id(), lawyers.get(0).id()));
        LegalRequest after = table.request(request.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(RequestStatus.ACCEPTED);
        assertThat(after.lawyerId()).isEqualTo(lawyers.get(0).id());
        assertThat(List.of(offer(0).status(), offer(1).status(), offer(2).status()))
                .containsExactly(OfferStatus.ACCEPTED, OfferStatus.WITHDRAWN, OfferStatus.WITHDRAWN);
        assertThat(List.of(load(0), load(1), load(2))).containsExactly(1, 0, 0);
        assertThat(templates())
                .containsExactlyInAnyOrder(
                        EmailTemplate.MATTER_DETAILS_TO_LAWYER,
                        EmailTemplate.INTRODUCTION_TO_ORGANISATION,
                        EmailTemplate.ADMIN_ACCEPTED,
                        EmailTemplate.OFFER_FILLED,
                        EmailTemplate.OFFER_FILLED);
        assertThat(table.tallies()).containsExactly(new Tally.Accepted(after, clock.instant()));
        assertThat(table.tokens().values())
                .filteredOn(t -> t.purpose() == Token.Purpose.COMPLETION_REPLY)
                .singleElement()
                .extracting(Token::lawyerId)
                .isEqualTo(lawyers.get(0).id());
        assertThat(table.stats(lawyers.get(0).id()).averageResponse()).contains(Duration.ofHours(3));
        assertThat(table.history(request.id())).extracting(e -> e.status()).containsExactly("ACCEPTED");
    }

    @Test
    void a_second_acceptance_changes_nothing_but_a_polite_email_to_that_lawyer() {
        decisions.answerByReply(tokens.get(0), lawyers.get(0).email(), new Answer.Accept());
        LegalRequest accepted = table.request(request.id()).orElseThrow();
        int emails = table.emails().size();

        AnswerOutcome outcome =
                decisions.answerByReply(tokens.get(1), lawyers.get(1).email(), new Answer.Accept());

        assertThat(outcome)
                .isEqualTo(new AnswerOutcome.AlreadyTaken(
                        request.id(), lawyers.get(1).id()));
        assertThat(table.request(request.id())).contains(accepted);
        assertThat(table.emails()).hasSize(emails + 1);
        assertThat(table.emails().getLast().template()).isEqualTo(EmailTemplate.ALREADY_TAKEN);
        assertThat(table.emails().getLast().to()).isEqualTo(lawyers.get(1).email());
    }

    @Test
    void an_acceptance_that_loses_the_race_is_decided_again_and_told_the_matter_is_taken() {
        table.beforeNextCommit(
                () -> decisions.answer(request.id(), lawyers.get(1).id(), new Answer.Accept(), "test"));

        AnswerOutcome outcome =
                decisions.answerByReply(tokens.get(0), lawyers.get(0).email(), new Answer.Accept());

        assertThat(outcome)
                .isEqualTo(new AnswerOutcome.AlreadyTaken(
                        request.id(), lawyers.get(0).id()));
        assertThat(table.request(request.id()).orElseThrow().lawyerId())
                .isEqualTo(lawyers.get(1).id());
        assertThat(List.of(load(0), load(1), load(2))).containsExactly(0, 1, 0);
    }

    @Test
    void a_decline_while_other_offers_are_pending_keeps_the_request_offered() {
        AnswerOutcome outcome = decisions.answerByReply(
                tokens.get(1), lawyers.get(1).email(), new Answer.Decline(" I act for Paint Co's parent "));

        assertThat(outcome)
                .isEqualTo(
                        new AnswerOutcome.Declined(request.id(), lawyers.get(1).id()));
        assertThat(offer(1).status()).isEqualTo(OfferStatus.DECLINED);
        assertThat(offer(1).note()).isEqualTo("I act for Paint Co's parent");
        assertThat(load(1)).isZero();
        LegalRequest after = table.request(request.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(RequestStatus.OFFERED);
        assertThat(after.version()).isEqualTo(request.version() + 1);
        assertThat(table.tallies()).containsExactly(new Tally.Declined(after, "I act for Paint Co's parent"));
        OutboxMessage email = table.emails().getFirst();
        assertThat(email.template()).isEqualTo(EmailTemplate.ADMIN_OFFER_DECLINED);
        assertThat(email.data()).containsEntry("suggestions", List.of());
    }

    @Test
    void the_last_decline_sends_the_request_back_to_the_queue_with_the_next_suggestions() {
        decisions.answer(request.id(), lawyers.get(0).id(), new Answer.Decline("busy"), "test");
        decisions.answer(request.id(), lawyers.get(1).id(), new Answer.Decline("busy"), "test");
        Lawyer fresh = MatterSamples.lawyer("L-N", "Nisha Paul", 0);
        table.put(fresh);

        decisions.answer(request.id(), lawyers.get(2).id(), new Answer.Decline("busy"), "test");

        assertThat(table.request(request.id()).orElseThrow().status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(table.emails().getLast().data().get("suggestions"))
                .asList()
                .singleElement()
                .asString()
                .startsWith("Nisha Paul (");
        assertThat(table.history(request.id()).getLast().note()).isEqualTo("An offer was declined; back in the queue");
    }

    @Test
    void a_reply_after_the_offer_lapsed_is_answered_as_no_longer_open_and_changes_nothing() {
        Offer lapsed = offer(0).answered(OfferStatus.EXPIRED, OFFERED_AT.plus(WINDOW), "no answer");
        table.put(lapsed);
        int commits = table.commits();

        AnswerOutcome outcome =
                decisions.answerByReply(tokens.get(0), lawyers.get(0).email(), new Answer.Accept());

        assertThat(outcome)
                .isEqualTo(new AnswerOutcome.NoLongerOpen(
                        request.id(), lawyers.get(0).id(), OfferStatus.EXPIRED));
        assertThat(table.commits()).isEqualTo(commits);
        assertThat(table.request(request.id())).contains(request);
    }

    @Test
    void a_reply_from_another_address_than_the_lawyers_changes_nothing() {
        AnswerOutcome outcome = decisions.answerByReply(tokens.get(0), "someone@else.example", new Answer.Accept());

        assertThat(outcome).isEqualTo(new AnswerOutcome.WrongSender(request.id()));
        assertThat(table.commits()).isZero();
    }

    @Test
    void an_unknown_malformed_used_or_expired_token_changes_nothing() {
        table.put(MatterSamples.offerToken(offer(1), tokens.get(1)).usedAt(OFFERED_AT));

        assertThat(decisions.answerByReply(
                        secrets.newReplyToken(), lawyers.get(0).email(), new Answer.Accept()))
                .isEqualTo(new AnswerOutcome.UnknownToken());
        assertThat(decisions.answerByReply("not a token", lawyers.get(0).email(), new Answer.Accept()))
                .isEqualTo(new AnswerOutcome.UnknownToken());
        assertThat(decisions.answerByReply(tokens.get(1), lawyers.get(1).email(), new Answer.Accept()))
                .isEqualTo(new AnswerOutcome.UnknownToken());
        clock.set(OFFERED_AT.plus(WINDOW).plus(MatterSamples.REPLY_GRACE));
        assertThat(decisions.answerByReply(tokens.get(2), lawyers.get(2).email(), new Answer.Accept()))
                .isEqualTo(new AnswerOutcome.UnknownToken());
        assertThat(table.commits()).isZero();
    }

    @Test
    void a_request_that_keeps_changing_is_given_up_on_after_a_few_fresh_decisions() {
        // Before every commit another change to the request lands: each attempt re-reads, and loses again.
        Runnable keepRacing = new Runnable() {
            @Override
            public void run() {
                table.put(table.request(request.id()).orElseThrow().offerEnded(true));
                table.beforeNextCommit(this);
            }
        };
        table.beforeNextCommit(keepRacing);

        assertThatThrownBy(() -> decisions.answer(request.id(), lawyers.get(0).id(), new Answer.Accept(), "test"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kept changing");
        assertThat(table.commits()).isZero();
    }

    private Offer offer(int lawyer) {
        return table.offer(request.id(), lawyers.get(lawyer).id());
    }

    private int load(int lawyer) {
        return table.lawyer(lawyers.get(lawyer).id()).orElseThrow().activeMatters();
    }

    private List<EmailTemplate> templates() {
        return table.emails().stream().map(OutboxMessage::template).toList();
    }
}
