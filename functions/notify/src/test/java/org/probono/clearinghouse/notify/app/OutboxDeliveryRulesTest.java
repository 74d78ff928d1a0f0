package org.probono.clearinghouse.notify.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.Language;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.ids.Ids;
import org.probono.clearinghouse.json.Tree;
import org.probono.clearinghouse.notify.mail.EmailTemplates;
import org.probono.clearinghouse.notify.mail.OutgoingMail;
import org.probono.clearinghouse.notify.mail.Wording;
import org.probono.clearinghouse.testkit.MovableClock;

/** Sending the outbox, on in-memory ports: no backend, so every rule runs in milliseconds. */
class OutboxDeliveryRulesTest {
    private static final EmailTemplates TEMPLATES = new EmailTemplates();
    private static final String LAWYER = "asha.rao@example.org";
    private static final String TEAM = "team@clearinghouse.test";
    private static final String TOKEN = "86b1fc9a75cb71c45b2492ec9c298c4816162251d62e0a946559be6e";

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-28T10:15:30Z"));
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final InMemorySuppressions suppressions = new InMemorySuppressions();
    private final RecordingMailer mailer = new RecordingMailer();
    private final List<String> detailsOpened = new ArrayList<>();
    /** Where the delivery waited for another's claim to lapse; the clock stands still meanwhile unless a test moves it. */
    private final List<Instant> pauses = new ArrayList<>();

    private final OutboxDelivery delivery = new OutboxDelivery(
            outbox,
            image -> outbox.find(image.path("id").asText()).orElseThrow(),
            suppressions,
            TEMPLATES,
            new Wording(ZoneId.of("Asia/Kolkata")),
            mailer,
            (sealedText, requestId) -> {
                detailsOpened.add(requestId);
                return sealedText.replace("sealed:", "");
            },
            (sealedText, outboxId) -> {
                // A token opens only with the id of the email it was sealed to.
                if (!sealedText.endsWith("@" + outboxId)) throw new IllegalStateException("sealed to another email");
                return sealedText.substring("sealed:".length(), sealedText.indexOf('@'));
            },
            new OutboxDelivery.Settings(
                    "offers@mail.clearinghouse.test", TEAM, "reply.clearinghouse.test", "http://localhost:3000"),
            new ImpactReportMail(null, ZoneId.of("Asia/Kolkata")),
            new Ids(clock),
            clock,
            at -> {
                pauses.add(at);
                clock.set(at);
            });

    private static OutboxMessage offer(String id) {
        return SampleEmails.offer(
                id, "A commission contract.", "sealed:" + TOKEN + "@" + id, "sealed:NEVER IN AN OFFER");
    }

    private static OutboxMessage approval(String id, String to) {
        return OutboxMessage.of(
                id,
                EmailTemplate.LAWYER_APPROVED,
                to,
                Language.EN,
                Map.of("name", "Ravi"),
                Instant.parse("2026-11-28T10:15:30Z"));
    }

    private static OutboxDelivery.OutboxRecord record(String sequenceNumber, String outboxId) {
        return new OutboxDelivery.OutboxRecord(sequenceNumber, Tree.of(java.util.Map.of("id", outboxId)));
    }

    @Test
    void an_offer_goes_out_with_its_opened_token_as_reply_address_and_is_marked_sent_without_it() {
        Outbox.Entry entry = outbox.insert(offer("OB-1"));

        OutboxDelivery.Delivery result = delivery.deliver(entry);

        assertThat(result).isEqualTo(new OutboxDelivery.Delivery.Sent("ses-1"));
        OutgoingMail mail = mailer.accepted().getFirst();
        assertThat(mail.replyTo()).isEqualTo("reply+" + TOKEN + "@reply.clearinghouse.test");
        assertThat(mail.content().text()).contains("City Arts Trust").doesNotContain("NEVER IN AN OFFER");
        assertThat(detailsOpened).isEmpty();
        InMemoryOutbox.Stored stored = outbox.stored("OB-1").orElseThrow();
        assertThat(stored.entry().status()).isEqualTo(Outbox.Status.SENT);
        assertThat(stored.entry().message().sealedToken()).isNull();
        assertThat(stored.sesMessageId()).isEqualTo("ses-1");
        assertThat(stored.subject()).isEqualTo(mail.content().subject());
        assertThat(stored.claimedUntil()).isNull();
    }

    @Test
    void a_redelivered_record_sends_its_email_once() {
        Outbox.Entry asTheStreamCarriesIt = outbox.insert(offer("OB-2"));

        OutboxDelivery.Delivery first = delivery.deliver(asTheStreamCarriesIt);
        OutboxDelivery.Delivery again = delivery.deliver(asTheStreamCarriesIt);

        assertThat(first).isInstanceOf(OutboxDelivery.Delivery.Sent.class);
        assertThat(again).isInstanceOf(OutboxDelivery.Delivery.AlreadyDone.class);
        assertThat(mailer.accepted()).hasSize(1);
    }

    @Test
    void an_email_held_past_this_invocation_waits_as_long_as_it_can_then_fails_and_is_sent_once_that_claim_lapses() {
        Instant start = clock.instant();
        Outbox.Entry entry = outbox.insert(approval("OB-3", "ravi@example.org"));
        Instant heldUntil = start.plus(Duration.ofSeconds(18)); // a delivery that crashed early in its run
        outbox.claim(entry, start, heldUntil);

        List<String> meanwhile = delivery.deliverAll(List.of(record("3", "OB-3")), OutboxDelivery.INVOCATION);
        clock.set(heldUntil.plusSeconds(1));
        List<String> afterItLapsed = delivery.deliverAll(List.of(record("3", "OB-3")), OutboxDelivery.INVOCATION);

        // It waited until just before its own end (not a millisecond's failure that spends a retry).
        assertThat(pauses).containsExactly(start.plus(OutboxDelivery.INVOCATION).minus(OutboxDelivery.TO_SEND));
        assertThat(meanwhile).containsExactly("3");
        assertThat(afterItLapsed).isEmpty();
        assertThat(mailer.accepted()).hasSize(1);
    }

    @Test
    void a_claim_that_lapses_early_enough_is_waited_for_and_the_email_sent_in_the_same_invocation() {
        Outbox.Entry entry = outbox.insert(approval("OB-3W", "ravi@example.org"));
        outbox.insert(approval("OB-3X", "meera@ngo.example"));
        Instant heldUntil = clock.instant().plus(Duration.ofSeconds(6));
        outbox.claim(entry, clock.instant(), heldUntil);

        List<String> failed =
                delivery.deliverAll(List.of(record("1", "OB-3W"), record("2", "OB-3X")), OutboxDelivery.INVOCATION);

        assertThat(pauses).containsExactly(heldUntil);
        assertThat(failed).isEmpty();
        assertThat(mailer.accepted())
                .extracting(OutgoingMail::to)
                .containsExactly("meera@ngo.example", "ravi@example.org");
    }

    @Test
    void each_claim_lasts_as_long_as_the_invocation_that_holds_it_and_no_longer() {
        outbox.insert(approval("OB-3C", "ravi@example.org"));
        outbox.failNextMark(new IllegalStateException("DynamoDB unreachable"));

        delivery.deliverAll(List.of(record("9", "OB-3C")), Duration.ofSeconds(7));

        assertThat(outbox.stored("OB-3C").orElseThrow().claimedUntil())
                .isEqualTo(clock.instant().plus(Duration.ofSeconds(7)).plus(OutboxDelivery.CLAIM_MARGIN));
    }

    @Test
    void an_email_ses_accepted_but_not_marked_keeps_its_claim_so_the_retry_does_not_send_it_again_at_once() {
        Outbox.Entry entry = outbox.insert(approval("OB-3M", "ravi@example.org"));
        outbox.failNextMark(new IllegalStateException("DynamoDB unreachable"));

        OutboxDelivery.Delivery first = delivery.deliver(entry);
        clock.advance(Duration.ofSeconds(1));
        OutboxDelivery.Delivery retriedAtOnce = delivery.deliver(entry);

        assertThat(first).isInstanceOf(OutboxDelivery.Delivery.Failed.class);
        assertThat(retriedAtOnce).isInstanceOf(OutboxDelivery.Delivery.Held.class);
        assertThat(mailer.accepted()).hasSize(1);
        assertThat(outbox.stored("OB-3M").orElseThrow().entry().isPending()).isTrue();
    }

    @Test
    void an_email_ses_did_not_answer_for_keeps_its_claim_as_it_may_have_been_accepted() {
        Outbox.Entry entry = outbox.insert(approval("OB-3U", "ravi@example.org"));
        mailer.acceptWithoutAnswerNext();

        OutboxDelivery.Delivery first = delivery.deliver(entry);
        OutboxDelivery.Delivery retriedAtOnce = delivery.deliver(entry);

        assertThat(first).isEqualTo(new OutboxDelivery.Delivery.Failed("no answer from SES: ApiCallTimeoutException"));
        assertThat(retriedAtOnce).isInstanceOf(OutboxDelivery.Delivery.Held.class);
        assertThat(mailer.accepted()).hasSize(1);
    }

    @Test
    void a_suppression_that_could_not_be_marked_is_retried_not_reported_done() {
        suppressions.suppress("ravi@example.org", "Bounce", clock.instant());
        outbox.insert(approval("OB-3S", "ravi@example.org"));
        outbox.failNextMark(new IllegalStateException("DynamoDB unreachable"));

        List<String> first = delivery.deliverAll(List.of(record("7", "OB-3S")), OutboxDelivery.INVOCATION);
        List<String> retried = delivery.deliverAll(List.of(record("7", "OB-3S")), OutboxDelivery.INVOCATION);

        assertThat(first).containsExactly("7");
        assertThat(retried).isEmpty();
        assertThat(mailer.accepted()).isEmpty();
        assertThat(outbox.stored("OB-3S").orElseThrow().entry().status()).isEqualTo(Outbox.Status.SUPPRESSED);
    }

    @Test
    void a_refused_send_is_a_failure_that_leaves_the_email_pending_and_free_for_the_retry() {
        Outbox.Entry entry = outbox.insert(approval("OB-4", "ravi@example.org"));
        mailer.refuseNext(1);

        OutboxDelivery.Delivery refused = delivery.deliver(entry);

        assertThat(refused).isEqualTo(new OutboxDelivery.Delivery.Failed("Throttling"));
        assertThat(outbox.stored("OB-4").orElseThrow().entry().isPending()).isTrue();
        assertThat(outbox.stored("OB-4").orElseThrow().claimedUntil()).isNull();
        assertThat(delivery.deliver(entry)).isInstanceOf(OutboxDelivery.Delivery.Sent.class);
    }

    @Test
    void a_batch_names_only_the_records_that_failed_and_an_unreadable_image_fails_alone() {
        outbox.insert(approval("OB-5", "ravi@example.org"));
        outbox.insert(approval("OB-6", "meera@ngo.example"));
        mailer.refuseNext(1);

        List<String> failed = delivery.deliverAll(
                List.of(record("1", "OB-5"), record("2", "OB-6"), record("3", "NO-SUCH")), OutboxDelivery.INVOCATION);

        assertThat(failed).containsExactly("1", "3");
        assertThat(mailer.accepted()).extracting(OutgoingMail::to).containsExactly("meera@ngo.example");
    }

    @Test
    void a_suppressed_recipient_is_not_mailed_and_the_team_is_told_in_english() {
        suppressions.suppress(" Asha.Rao@Example.org ", "Bounce", clock.instant());
        Outbox.Entry entry = outbox.insert(offer("OB-7"));

        OutboxDelivery.Delivery result = delivery.deliver(entry);

        assertThat(result).isInstanceOf(OutboxDelivery.Delivery.Suppressed.class);
        assertThat(mailer.accepted()).isEmpty();
        assertThat(outbox.stored("OB-7").orElseThrow().entry().status()).isEqualTo(Outbox.Status.SUPPRESSED);
        assertThat(outbox.stored("OB-7").orElseThrow().entry().message().sealedToken())
                .isNull();
        assertThat(outbox.queued())
                .filteredOn(m -> m.template() == EmailTemplate.ADMIN_SUPPRESSED)
                .singleElement()
                .satisfies(toTeam -> {
                    assertThat(toTeam.to()).isEqualTo(TEAM);
                    assertThat(toTeam.language()).isEqualTo(Language.EN);
                    assertThat(toTeam.data()).containsEntry("address", LAWYER).containsEntry("template", "OFFER");
                });
    }

    @Test
    void the_team_is_not_told_of_a_suppressed_address_when_its_own_address_is_suppressed() {
        suppressions.suppress(LAWYER, "Bounce", clock.instant());
        suppressions.suppress(TEAM, "Complaint", clock.instant());

        delivery.deliver(outbox.insert(offer("OB-8")));

        assertThat(outbox.queued()).extracting(OutboxMessage::template).containsExactly(EmailTemplate.OFFER);
    }

    @Test
    void confidential_details_are_opened_only_for_the_accepting_lawyers_matter_details() {
        OutboxMessage details = new OutboxMessage(
                "OB-9",
                EmailTemplate.MATTER_DETAILS_TO_LAWYER,
                LAWYER,
                Language.EN,
                Map.of(
                        "requestId",
                        "REQ-9",
                        "title",
                        "Documentary consent",
                        "lawyerName",
                        "Asha Rao",
                        "organisationName",
                        "Shakti Vahini",
                        "contactName",
                        "Meera"),
                null,
                "sealed:the survivor's name",
                clock.instant());

        delivery.deliver(outbox.insert(offer("OB-10")));
        delivery.deliver(outbox.insert(details));

        assertThat(detailsOpened).containsExactly("REQ-9");
        assertThat(mailer.accepted().getLast().content().text()).contains("the survivor's name");
        assertThat(mailer.accepted().getLast().replyTo())
                .isEqualTo(TEAM); // no completion token: replies reach the team
    }
}
