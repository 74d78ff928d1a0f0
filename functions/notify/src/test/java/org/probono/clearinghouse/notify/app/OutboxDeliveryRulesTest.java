package org.probono.clearinghouse.notify.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
    private final OutboxDelivery delivery = new OutboxDelivery(outbox,
            image -> outbox.find(image.path("id").asText()).orElseThrow(), suppressions, TEMPLATES,
            new Wording(ZoneId.of("Asia/Kolkata")), mailer,
            (sealed, requestId) -> {
                detailsOpened.add(requestId);
                return sealed.replace("sealed:", "");
            },
            (sealed, outboxId) -> {
                // A token opens only with the id of the email it was sealed to.
                if (!sealed.endsWith("@" + outboxId)) throw new IllegalStateException("sealed to another email");
                return sealed.substring("sealed:".length(), sealed.indexOf('@'));
            },
            new OutboxDelivery.Settings("offers@mail.clearinghouse.test", TEAM, "reply.clearinghouse.test",
                    "http://localhost:3000"),
            new ImpactReportMail(null, ZoneId.of("Asia/Kolkata")), new Ids(clock), clock);

    private static OutboxMessage offer(String id) {
        return new OutboxMessage(id, EmailTemplate.OFFER, LAWYER, Language.EN, Map.of("lawyerName", "Asha Rao",
                "requestId", "REQ-1", "title", "Review of a muralist's contract", "organisationName", "Shakti Vahini",
                "category", "CONTRACT_REVIEW", "summary", "A commission contract.", "counterparties", List.of("City Arts Trust")),
                "sealed:" + TOKEN + "@" + id, "sealed:NEVER IN AN OFFER", Instant.parse("2026-11-28T10:15:30Z"));
    }

    private static OutboxMessage approval(String id, String to) {
        return OutboxMessage.of(id, EmailTemplate.LAWYER_APPROVED, to, Language.EN, Map.of("name", "Ravi"),
                Instant.parse("2026-11-28T10:15:30Z"));
    }

    private static OutboxDelivery.OutboxRecord record(String sequenceNumber, String outboxId) {
        return new OutboxDelivery.OutboxRecord(sequenceNumber, JsonNodeFactory.instance.objectNode().put("id", outboxId));
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
    void an_email_another_delivery_is_sending_is_retried_and_sent_once_that_claim_lapses() {
        Outbox.Entry entry = outbox.insert(approval("OB-3", "ravi@example.org"));
        outbox.claim(entry, clock.instant(), clock.instant().plus(OutboxDelivery.CLAIM)); // a delivery that then crashed

        OutboxDelivery.Delivery meanwhile = delivery.deliver(entry);
        clock.advance(OutboxDelivery.CLAIM.plus(Duration.ofSeconds(1)));
        OutboxDelivery.Delivery afterItLapsed = delivery.deliver(entry);

        assertThat(meanwhile).isInstanceOf(OutboxDelivery.Delivery.Failed.class);
        assertThat(afterItLapsed).isInstanceOf(OutboxDelivery.Delivery.Sent.class);
        assertThat(mailer.accepted()).hasSize(1);
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

        List<String> failed = delivery.deliverAll(List.of(record("1", "OB-5"), record("2", "OB-6"), record("3", "NO-SUCH")));

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
        assertThat(outbox.stored("OB-7").orElseThrow().entry().message().sealedToken()).isNull();
        assertThat(outbox.queued()).filteredOn(m -> m.template() == EmailTemplate.ADMIN_SUPPRESSED).singleElement()
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
        OutboxMessage details = new OutboxMessage("OB-9", EmailTemplate.MATTER_DETAILS_TO_LAWYER, LAWYER, Language.EN,
                Map.of("requestId", "REQ-9", "title", "Documentary consent", "lawyerName", "Asha Rao",
                        "organisationName", "Shakti Vahini", "contactName", "Meera"),
                null, "sealed:the survivor's name", clock.instant());

        delivery.deliver(outbox.insert(offer("OB-10")));
        delivery.deliver(outbox.insert(details));

        assertThat(detailsOpened).containsExactly("REQ-9");
        assertThat(mailer.accepted().getLast().content().text()).contains("the survivor's name");
        assertThat(mailer.accepted().getLast().replyTo()).isEqualTo(TEAM); // no completion token: replies reach the team
    }
}
