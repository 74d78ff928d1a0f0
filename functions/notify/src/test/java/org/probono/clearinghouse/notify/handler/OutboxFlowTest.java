package org.probono.clearinghouse.notify.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.probono.clearinghouse.notify.handler.NotifyTestKit.invoke;
import static org.probono.clearinghouse.notify.handler.NotifyTestKit.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.probono.clearinghouse.crypto.ConfidentialBox;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.Language;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.ids.Secrets;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.LocalAwsExtension;
import org.probono.clearinghouse.local.backend.SentMail;
import org.probono.clearinghouse.local.backend.StreamPump;
import org.probono.clearinghouse.notify.app.SampleEmails;
import org.probono.clearinghouse.store.Item;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.OutboxItems;
import org.probono.clearinghouse.store.Store;
import org.probono.clearinghouse.testkit.TestEvents;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

@ExtendWith(LocalAwsExtension.class)
class OutboxFlowTest {
    private static final String LAWYER = "asha.rao@example.org";
    private static final Secrets SECRETS = new Secrets();

    private static OutboxMessage offer(String id, String token) {
        return SampleEmails.offer(id, "A muralist's commission contract needs review.", token, null);
    }

    /** SES on the test backend refusing the first {@code times} calls with {@code error}; {@code calls} counts them all. */
    private static SesV2Client sesRefusing(LocalAws aws, int times, String error, AtomicInteger calls) {
        AtomicInteger refusalsLeft = new AtomicInteger(times);
        return SesV2Client.builder()
                .endpointOverride(aws.backend().endpoint())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        calls.incrementAndGet();
                        // SES answering 429 (throttled) or 5xx: it said no, so nothing was sent.
                        if (refusalsLeft.getAndDecrement() > 0) {
                            throw SesV2Exception.builder()
                                    .message(error)
                                    .statusCode(429)
                                    .awsErrorDetails(AwsErrorDetails.builder()
                                            .errorCode("TooManyRequestsException")
                                            .errorMessage(error)
                                            .build())
                                    .build();
                        }
                    }
                }))
                .build();
    }

    private static StreamPump pump(LocalAws aws, NotifyHandler handler) {
        return StreamPump.forNotify(aws, StreamPump.StartingPosition.TRIM_HORIZON, event -> invoke(handler, event));
    }

    @Test
    void an_offer_goes_out_once_with_its_reply_address_our_message_id_and_auto_submitted(LocalAws aws)
            throws Exception {
        NotifyHandler handler = NotifyTestKit.handler(aws, aws.sesV2(), NotifyTestKit.NO_REPLIES);
        Store store = NotifyTestKit.table(aws).store();
        String token = SECRETS.newReplyToken();
        NotifyTestKit.table(aws).outbox(offer("OB-1", token));

        try (StreamPump pump = pump(aws, handler)) {
            assertThat(pump.pollOnce()).isEqualTo(1);
        }

        List<SentMail.Mail> sent = SentMail.of(aws).all();
        assertThat(sent).singleElement().satisfies(mail -> {
            assertThat(mail.to()).containsExactly(LAWYER);
            assertThat(mail.replyTo()).containsExactly("reply+" + token.toLowerCase() + "@reply.clearinghouse.test");
            assertThat(mail.subject()).isEqualTo("Pro bono offer: Review of a muralist's contract (CONTRACT_REVIEW)");
            assertThat(mail.text()).contains("City Arts Trust", "ACCEPT or DECLINE");
            assertThat(mail.html()).contains("Review of a muralist&#39;s contract");
        });
        MimeMessage raw = NotifyTestKit.rawSent(aws).getFirst();
        assertThat(raw.getHeader("Reply-To", ",")).isEqualTo("reply+" + token + "@reply.clearinghouse.test");
        assertThat(raw.getMessageID()).isEqualTo("<outbox-OB-1@mail.clearinghouse.test>");
        assertThat(raw.getHeader("Auto-Submitted", ",")).isEqualTo("auto-generated");

        Item item = store.getIncludingExpired(Keys.outbox("OB-1")).orElseThrow();
        assertThat(item.string("status")).isEqualTo("SENT");
        assertThat(item.string("sesMessageId")).isEqualTo(sent.getFirst().id());
        assertThat(item.string("sealedToken")).isNull();
        assertThat(OutboxItems.from(item).data()).isEqualTo(offer("OB-1", token).data());
    }

    @Test
    void a_redelivered_record_sends_nothing_twice(LocalAws aws) {
        NotifyHandler handler = NotifyTestKit.handler(aws, aws.sesV2(), NotifyTestKit.NO_REPLIES);
        NotifyTestKit.table(aws).outbox(offer("OB-2", SECRETS.newReplyToken()));
        String event =
                NotifyTestKit.streamEvent(aws, "OB-2"); // the image says PENDING both times, as Lambda's retry would

        String first = invoke(handler, event);
        String second = invoke(handler, event);

        assertThat(json(first).path("batchItemFailures")).isEmpty();
        assertThat(json(second).path("batchItemFailures")).isEmpty();
        assertThat(SentMail.of(aws).all()).hasSize(1);
    }

    @Test
    void a_batch_redelivered_from_the_stream_after_a_failure_sends_only_what_was_not_sent(LocalAws aws) {
        SesV2Client failingOnce = sesRefusing(aws, 1, "Rate exceeded", new AtomicInteger());
        NotifyHandler handler = NotifyTestKit.handler(aws, failingOnce, NotifyTestKit.NO_REPLIES);
        Store store = NotifyTestKit.table(aws).store();
        NotifyTestKit.table(aws)
                .outbox(
                        offer("OB-11", SECRETS.newReplyToken()),
                        OutboxMessage.of(
                                "OB-12",
                                EmailTemplate.LAWYER_APPROVED,
                                "ravi@example.org",
                                Language.EN,
                                Map.of("name", "Ravi"),
                                Instant.now()));

        try (StreamPump first = pump(aws, handler)) {
            first.pollOnce(); // OB-11 refused, OB-12 sent
        }
        try (StreamPump again = pump(aws, handler)) {
            again.pollOnce(); // both records again, from the stream's start: OB-11 sent, OB-12 already SENT
        }

        assertThat(SentMail.of(aws).all())
                .extracting(m -> m.to().getFirst())
                .containsExactlyInAnyOrder(LAWYER, "ravi@example.org");
        assertThat(store.get(Keys.outbox("OB-11")).orElseThrow().string("status"))
                .isEqualTo("SENT");
        assertThat(store.get(Keys.outbox("OB-11")).orElseThrow().string("claimedUntil"))
                .isNull();
    }

    @Test
    void an_ses_outage_leaves_the_item_pending_and_it_is_sent_exactly_once_after_recovery(LocalAws aws) {
        AtomicInteger calls = new AtomicInteger();
        SesV2Client failingSes =
                sesRefusing(aws, 3, "Unable to execute HTTP request: Connection refused (SES outage)", calls);
        NotifyHandler handler = NotifyTestKit.handler(aws, failingSes, NotifyTestKit.NO_REPLIES);
        Store store = NotifyTestKit.table(aws).store();
        NotifyTestKit.table(aws)
                .outbox(
                        offer("OB-3", SECRETS.newReplyToken()),
                        OutboxMessage.of(
                                "OB-4",
                                EmailTemplate.LAWYER_APPROVED,
                                "ravi@example.org",
                                Language.EN,
                                Map.of("name", "Ravi"),
                                Instant.now()));

        try (StreamPump pump = pump(aws, handler)) {
            pump.pollOnce();
            assertThat(store.get(Keys.outbox("OB-3")).orElseThrow().string("status"))
                    .isEqualTo("PENDING");
            assertThat(SentMail.of(aws).all()).isEmpty();
            pump.pollOnce(); // OB-3 refused again, OB-4 sent
            assertThat(SentMail.of(aws).all())
                    .extracting(m -> m.to().getFirst())
                    .containsExactly("ravi@example.org");
            pump.pollOnce(); // recovered: OB-3 sent, OB-4 skipped as SENT
            assertThat(pump.pollOnce()).isZero();
        }

        assertThat(SentMail.of(aws).all())
                .extracting(m -> m.to().getFirst())
                .containsExactlyInAnyOrder(LAWYER, "ravi@example.org");
        assertThat(store.get(Keys.outbox("OB-3")).orElseThrow().string("status"))
                .isEqualTo("SENT");
        assertThat(store.get(Keys.outbox("OB-4")).orElseThrow().string("status"))
                .isEqualTo("SENT");
        assertThat(calls.get()).isEqualTo(5); // three refused, then one send each
    }

    @Test
    void the_batch_response_names_only_the_failed_record(LocalAws aws) {
        SesV2Client failingOnce = sesRefusing(aws, 1, "Rate exceeded", new AtomicInteger());
        NotifyHandler handler = NotifyTestKit.handler(aws, failingOnce, NotifyTestKit.NO_REPLIES);
        NotifyTestKit.table(aws)
                .outbox(
                        offer("OB-5", SECRETS.newReplyToken()),
                        OutboxMessage.of(
                                "OB-13",
                                EmailTemplate.LAWYER_APPROVED,
                                "ravi@example.org",
                                Language.EN,
                                Map.of("name", "Ravi"),
                                Instant.now()));

        String answer = invoke(handler, NotifyTestKit.streamEvent(aws, "OB-5", "OB-13"));

        assertThat(json(answer).path("batchItemFailures"))
                .singleElement()
                .satisfies(failure ->
                        assertThat(failure.path("itemIdentifier").asText()).isEqualTo("1"));
    }

    @Test
    void a_suppressed_recipient_is_not_mailed_and_the_admin_is_told(LocalAws aws) {
        NotifyHandler handler = NotifyTestKit.handler(aws, aws.sesV2(), NotifyTestKit.NO_REPLIES);
        Store store = NotifyTestKit.table(aws).store();
        invoke(handler, TestEvents.file("notify-sns-bounce.json").text()); // gone.lawyer@example.org bounced
        OutboxMessage toGone = new OutboxMessage(
                "OB-6",
                EmailTemplate.OFFER,
                "gone.lawyer@example.org",
                Language.EN,
                Map.of("title", "T"),
                SECRETS.newReplyToken(),
                null,
                Instant.now());
        NotifyTestKit.table(aws).outbox(toGone);

        try (StreamPump pump = pump(aws, handler)) {
            pump.pollOnce(); // the offer: suppressed; queues the admin's email
            pump.pollOnce(); // the admin's email
        }

        assertThat(store.get(Keys.outbox("OB-6")).orElseThrow().string("status"))
                .isEqualTo("SUPPRESSED");
        assertThat(SentMail.of(aws).all()).singleElement().satisfies(mail -> {
            assertThat(mail.to()).containsExactly("team@clearinghouse.test");
            assertThat(mail.text()).contains("gone.lawyer@example.org", "OFFER");
        });
    }

    @Test
    void a_complaint_suppresses_too_and_a_transient_bounce_does_not(LocalAws aws) {
        NotifyHandler handler = NotifyTestKit.handler(aws, aws.sesV2(), NotifyTestKit.NO_REPLIES);
        Store store = NotifyTestKit.table(aws).store();
        ObjectNode event = TestEvents.file("notify-sns-bounce.json").json();
        ObjectNode sns = (ObjectNode) event.path("Records").path(0).path("Sns");
        sns.put(
                "Message",
                "{\"notificationType\":\"Complaint\",\"complaint\":{\"complainedRecipients\":[{\"emailAddress\":\"angry@example.org\"}]}}");
        invoke(handler, event.toString());
        sns.put(
                "Message",
                "{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Transient\",\"bouncedRecipients\":[{\"emailAddress\":\"full@example.org\"}]}}");
        invoke(handler, event.toString());

        assertThat(store.get(Keys.suppression("angry@example.org"))).isPresent();
        assertThat(store.get(Keys.suppression("full@example.org"))).isEmpty();
    }

    @Test
    void confidential_details_appear_only_in_the_accepted_lawyer_email(LocalAws aws) {
        NotifyHandler handler = NotifyTestKit.handler(aws, aws.sesV2(), NotifyTestKit.NO_REPLIES);
        String marker = "CONFIDENTIAL-MARKER-7f3a <survivor's name>";
        String sealed = new ConfidentialBox(aws.kms(), aws.environment().get("KMS_KEY_ID")).seal(marker, "REQ-9");
        Map<String, Object> common = Map.of(
                "requestId",
                "REQ-9",
                "title",
                "Documentary consent",
                "lawyerName",
                "Asha Rao",
                "organisationName",
                "Shakti Vahini",
                "contactName",
                "Meera");
        NotifyTestKit.table(aws)
                .outbox(
                        new OutboxMessage(
                                "OB-7",
                                EmailTemplate.OFFER,
                                LAWYER,
                                Language.EN,
                                common,
                                SECRETS.newReplyToken(),
                                sealed,
                                Instant.now()),
                        new OutboxMessage(
                                "OB-8",
                                EmailTemplate.MATTER_DETAILS_TO_LAWYER,
                                LAWYER,
                                Language.EN,
                                common,
                                null,
                                sealed,
                                Instant.now()),
                        new OutboxMessage(
                                "OB-9",
                                EmailTemplate.INTRODUCTION_TO_ORGANISATION,
                                "meera@ngo.example",
                                Language.EN,
                                common,
                                null,
                                sealed,
                                Instant.now()),
                        OutboxMessage.toTeam(
                                "OB-10",
                                EmailTemplate.ADMIN_ACCEPTED,
                                "team@clearinghouse.test",
                                common,
                                Instant.now()));

        try (StreamPump pump = pump(aws, handler)) {
            pump.pollOnce();
        }

        List<SentMail.Mail> sent = SentMail.of(aws).all();
        assertThat(sent).hasSize(4);
        List<SentMail.Mail> withMarker = sent.stream()
                .filter(m -> m.text().contains("CONFIDENTIAL-MARKER-7f3a")
                        || m.html().contains("CONFIDENTIAL-MARKER-7f3a"))
                .toList();
        assertThat(withMarker).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Matter details: Documentary consent");
            assertThat(mail.text()).contains(marker);
            assertThat(mail.html()).contains("CONFIDENTIAL-MARKER-7f3a &lt;survivor&#39;s name&gt;");
        });
    }
}
