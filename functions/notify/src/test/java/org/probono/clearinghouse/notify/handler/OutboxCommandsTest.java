package org.probono.clearinghouse.notify.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.probono.clearinghouse.notify.handler.NotifyTestKit.invoke;
import static org.probono.clearinghouse.notify.handler.NotifyTestKit.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
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
import org.probono.clearinghouse.store.Item;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.OutboxItems;
import org.probono.clearinghouse.store.Store;
import org.probono.clearinghouse.store.Transaction;
import org.probono.clearinghouse.testkit.TestEvents;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** The team's outbox commands, pending-emails and resend, through the entry class against moto. */
@ExtendWith(LocalAwsExtension.class)
class OutboxCommandsTest {
    private static final String LAWYER = "asha.rao@example.org";
    private static final String DATA_MARKER = "DATA-MARKER-5c1e";
    private static final String SEALED_MARKER = "SEALED-MARKER-5c1e";
    private static final Secrets SECRETS = new Secrets();

    private static OutboxMessage email(String id, EmailTemplate template, String token, String sealed, Duration age) {
        return new OutboxMessage(
                id,
                template,
                LAWYER,
                Language.EN,
                Map.of(
                        "lawyerName",
                        "Asha Rao",
                        "requestId",
                        "REQ-1",
                        "title",
                        "Review of a muralist's contract",
                        "organisationName",
                        "Shakti Vahini",
                        "contactName",
                        "Meera",
                        "summary",
                        "A commission contract " + DATA_MARKER),
                token,
                sealed,
                Instant.now().minus(age));
    }

    /** An events/ file with some fields changed, as an admin edits a copy of it. */
    private static String command(String eventFile, Map<String, Object> changes) {
        TestEvents.Event event = TestEvents.command(eventFile);
        changes.forEach(event::with);
        return event.text();
    }

    private static StreamPump pump(LocalAws aws, NotifyHandler handler) {
        return StreamPump.forNotify(aws, StreamPump.StartingPosition.TRIM_HORIZON, event -> invoke(handler, event));
    }

    /** Polls until the stream has nothing more to deliver. */
    private static void drain(StreamPump pump) {
        for (int i = 0; i < 10 && pump.pollOnce() > 0; i++) {
            // each poll delivers what is there now
        }
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    @Test
    void pending_emails_lists_only_old_enough_pending_outbox_items_oldest_first_and_never_their_data_token_or_details(
            LocalAws aws) {
        NotifyHandler handler = NotifyTestKit.handler(aws, aws.sesV2(), NotifyTestKit.NO_REPLIES);
        Store store = NotifyTestKit.table(aws).store();
        String token = SECRETS.newReplyToken();
        NotifyTestKit.table(aws)
                .outbox(
                        email("OB-TWO-HOURS", EmailTemplate.OFFER, token, null, Duration.ofHours(2)),
                        email(
                                "OB-THREE-HOURS",
                                EmailTemplate.MATTER_DETAILS_TO_LAWYER,
                                null,
                                SEALED_MARKER,
                                Duration.ofHours(3)),
                        email("OB-ONE-MINUTE", EmailTemplate.OFFER_FILLED, null, null, Duration.ofMinutes(1)));
        OutboxMessage sent = email("OB-SENT", EmailTemplate.OFFER_FILLED, null, null, Duration.ofHours(4));
        store.commit(new Transaction()
                .put(OutboxItems.toItem(sent).toBuilder()
                        .putString(OutboxItems.STATUS, OutboxItems.SENT)
                        .build())
                .put(Item.write("OFFER", Keys.offer("REQ-1", "LAWYER-1"))
                        .string("id", "NOT-AN-EMAIL")
                        .string(OutboxItems.STATUS, "PENDING")
                        .time("createdAt", Instant.now().minus(Duration.ofDays(1)))
                        .build()));

        String answer =
                invoke(handler, TestEvents.file("notify-pending-emails.json").text());
        String everything = invoke(handler, command("notify-pending-emails.json", Map.of("olderThanMinutes", 0)));

        JsonNode items = json(answer).path("items");
        assertThat(ids(items)).containsExactly("OB-THREE-HOURS", "OB-TWO-HOURS");
        assertThat(items.get(0).properties())
                .extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("id", "template", "to", "createdAt");
        assertThat(items.get(0).path("template").asText()).isEqualTo("MATTER_DETAILS_TO_LAWYER");
        assertThat(items.get(0).path("to").asText()).isEqualTo(LAWYER);
        assertThat(Instant.parse(items.get(0).path("createdAt").asText()))
                .isBefore(Instant.now().minus(Duration.ofMinutes(179)));
        assertThat(ids(json(everything).path("items")))
                .containsExactly("OB-THREE-HOURS", "OB-TWO-HOURS", "OB-ONE-MINUTE");
        for (String result : List.of(answer, everything)) {
            assertThat(result)
                    .doesNotContain(DATA_MARKER, SEALED_MARKER, token, "data", "token", "sealedDetails", "muralist");
        }
    }

    @Test
    void a_resend_replaces_the_stuck_email_by_a_copy_that_the_stream_sends_exactly_once(LocalAws aws) throws Exception {
        AtomicBoolean sesDown = new AtomicBoolean(true);
        AtomicInteger sesCalls = new AtomicInteger();
        SesV2Client ses = SesV2Client.builder()
                .endpointOverride(aws.backend().endpoint())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        sesCalls.incrementAndGet();
                        // SES unreachable: the connection is refused, so nothing reached it.
                        if (sesDown.get()) {
                            throw SdkClientException.create(
                                    "Unable to execute HTTP request (SES outage)",
                                    new java.net.ConnectException("Connection refused"));
                        }
                    }
                }))
                .build();
        NotifyHandler handler = NotifyTestKit.handler(aws, ses, NotifyTestKit.NO_REPLIES);
        Store store = NotifyTestKit.table(aws).store();
        String confidential = "CONFIDENTIAL-MARKER-5c1e";
        String sealed = new ConfidentialBox(aws.kms(), aws.environment().get("KMS_KEY_ID")).seal(confidential, "REQ-1");
        OutboxMessage stuck =
                email("OB-STUCK", EmailTemplate.MATTER_DETAILS_TO_LAWYER, null, sealed, Duration.ofHours(7));
        NotifyTestKit.table(aws).outbox(stuck);

        try (StreamPump pump = pump(aws, handler)) {
            pump.pollOnce(); // SES refuses: the item stays PENDING, the record is left for a retry
            assertThat(ids(json(invoke(
                                    handler,
                                    TestEvents.file("notify-pending-emails.json")
                                            .text()))
                            .path("items")))
                    .containsExactly("OB-STUCK");
            int itemsBefore = aws.countItems();

            JsonNode resent = json(invoke(handler, command("notify-resend.json", Map.of("outboxId", "OB-STUCK"))));

            String copyId = resent.path("outboxId").asText();
            assertThat(copyId).isNotBlank().isNotEqualTo("OB-STUCK");
            assertThat(resent.path("resendOf").asText()).isEqualTo("OB-STUCK");
            assertThat(resent.path("status").asText()).isEqualTo("PENDING");
            assertThat(aws.countItems()).isEqualTo(itemsBefore);
            assertThat(store.getIncludingExpired(Keys.outbox("OB-STUCK"))).isEmpty();
            Item copy = store.get(Keys.outbox(copyId)).orElseThrow();
            assertThat(copy.string("status")).isEqualTo("PENDING");
            assertThat(copy.string("resendOf")).isEqualTo("OB-STUCK");
            assertThat(copy.time("createdAt")).isAfter(Instant.now().minus(Duration.ofMinutes(1)));
            OutboxMessage copied = OutboxItems.from(copy);
            assertThat(copied.template()).isEqualTo(stuck.template());
            assertThat(copied.to()).isEqualTo(stuck.to());
            assertThat(copied.data()).isEqualTo(stuck.data());
            assertThat(copied.sealedDetails()).isEqualTo(sealed);

            sesDown.set(false);
            drain(pump); // the old record's retry finds its item gone; the copy's insert is sent

            List<SentMail.Mail> sent = SentMail.of(aws).all();
            assertThat(sent).singleElement().satisfies(mail -> {
                assertThat(mail.to()).containsExactly(LAWYER);
                assertThat(mail.subject()).isEqualTo("Matter details: Review of a muralist's contract");
                assertThat(mail.text()).contains(confidential);
            });
            assertThat(NotifyTestKit.rawSent(aws).getFirst().getMessageID())
                    .isEqualTo("<outbox-" + copyId + "@mail.clearinghouse.test>");
            Item done = store.getIncludingExpired(Keys.outbox(copyId)).orElseThrow();
            assertThat(done.string("status")).isEqualTo("SENT");
            assertThat(done.string("resendOf")).isEqualTo("OB-STUCK");
            assertThat(ids(json(invoke(handler, command("notify-pending-emails.json", Map.of("olderThanMinutes", 0))))
                            .path("items")))
                    .isEmpty();
            drain(pump);
            assertThat(SentMail.of(aws).all()).hasSize(1);
        }
    }

    @Test
    void a_resent_offer_keeps_its_reply_token(LocalAws aws) {
        NotifyHandler handler = NotifyTestKit.handler(aws, aws.sesV2(), NotifyTestKit.NO_REPLIES);
        String token = SECRETS.newReplyToken();
        NotifyTestKit.table(aws).outbox(email("OB-OFFER", EmailTemplate.OFFER, token, null, Duration.ofHours(1)));

        String copyId = json(invoke(handler, command("notify-resend.json", Map.of("outboxId", "OB-OFFER"))))
                .path("outboxId")
                .asText();
        try (StreamPump pump = pump(aws, handler)) {
            drain(pump);
        }

        assertThat(SentMail.of(aws).all())
                .singleElement()
                .satisfies(mail -> assertThat(mail.replyTo())
                        .containsExactly("reply+" + token.toLowerCase() + "@reply.clearinghouse.test"));
        assertThat(NotifyTestKit.table(aws)
                        .store()
                        .getIncludingExpired(Keys.outbox(copyId))
                        .orElseThrow()
                        .string("sealedToken"))
                .isNull();
    }

    @Test
    void resending_a_sent_email_is_a_409_and_writes_nothing(LocalAws aws) {
        NotifyHandler handler = NotifyTestKit.handler(aws, aws.sesV2(), NotifyTestKit.NO_REPLIES);
        Store store = NotifyTestKit.table(aws).store();
        NotifyTestKit.table(aws).outbox(email("OB-DONE", EmailTemplate.OFFER_FILLED, null, null, Duration.ofHours(1)));
        try (StreamPump pump = pump(aws, handler)) {
            drain(pump);
            long version = store.get(Keys.outbox("OB-DONE")).orElseThrow().version();
            int itemsBefore = aws.countItems();

            JsonNode answer = json(invoke(handler, command("notify-resend.json", Map.of("outboxId", "OB-DONE"))));

            assertThat(answer.path("error").path("status").asInt()).isEqualTo(409);
            assertThat(answer.path("error").path("detail").asText()).contains("SENT");
            assertThat(aws.countItems()).isEqualTo(itemsBefore);
            assertThat(store.get(Keys.outbox("OB-DONE")).orElseThrow().version())
                    .isEqualTo(version);
            drain(pump);
        }
        assertThat(SentMail.of(aws).all()).hasSize(1);
    }

    @Test
    void resending_an_unknown_email_is_a_404_and_writes_nothing(LocalAws aws) {
        NotifyHandler handler = NotifyTestKit.handler(aws, aws.sesV2(), NotifyTestKit.NO_REPLIES);
        NotifyTestKit.table(aws).outbox(email("OB-OTHER", EmailTemplate.OFFER_FILLED, null, null, Duration.ofHours(1)));
        int itemsBefore = aws.countItems();

        JsonNode answer =
                json(invoke(handler, TestEvents.file("notify-resend.json").text()));

        assertThat(answer.path("error").path("status").asInt()).isEqualTo(404);
        assertThat(answer.path("error").path("detail").asText()).contains("019ad0a4-1f2e-7a3b-8c4d-5e6f7a8b9c0d");
        assertThat(aws.countItems()).isEqualTo(itemsBefore);
        assertThat(NotifyTestKit.table(aws)
                        .store()
                        .get(Keys.outbox("OB-OTHER"))
                        .orElseThrow()
                        .string("status"))
                .isEqualTo("PENDING");
    }

    @Test
    void bad_commands_are_a_400_naming_the_problem_and_write_nothing(LocalAws aws) {
        NotifyHandler handler = NotifyTestKit.handler(aws, aws.sesV2(), NotifyTestKit.NO_REPLIES);
        NotifyTestKit.table(aws).outbox(email("OB-KEEP", EmailTemplate.OFFER_FILLED, null, null, Duration.ofHours(1)));
        int itemsBefore = aws.countItems();
        Map<String, String> badCommands = Map.of(
                "{\"command\":\"resend-all\"}", "pending-emails, resend",
                "{\"command\":\"resend\",\"outboxID\":\"OB-KEEP\"}", "outboxID is not a known field",
                "{\"command\":\"resend\"}", "outboxId is required",
                "{\"command\":\"resend\",\"outboxId\":\"  \"}", "outboxId is required",
                "{\"command\":\"resend\",\"outboxId\":[\"OB-KEEP\"]}", "outboxId must be a string",
                "{\"command\":\"pending-emails\",\"olderThanMinutes\":-1}", "between 0 and 10080",
                "{\"command\":\"pending-emails\",\"olderThanMinutes\":10081}", "between 0 and 10080",
                "{\"command\":\"pending-emails\",\"olderThanMinutes\":1.5}", "olderThanMinutes must be a whole number",
                "{\"command\":\"pending-emails\",\"olderThan\":15}",
                        "olderThan is not a known field; pending-emails takes olderThanMinutes");

        badCommands.forEach((command, detail) -> {
            JsonNode error = json(invoke(handler, command)).path("error");
            assertThat(error.path("status").asInt()).as(command).isEqualTo(400);
            assertThat(error.path("detail").asText()).as(command).contains(detail);
        });

        assertThat(aws.countItems()).isEqualTo(itemsBefore);
        assertThat(NotifyTestKit.table(aws)
                        .store()
                        .get(Keys.outbox("OB-KEEP"))
                        .orElseThrow()
                        .string("status"))
                .isEqualTo("PENDING");
    }
}
