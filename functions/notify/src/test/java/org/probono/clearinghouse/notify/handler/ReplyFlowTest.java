package org.probono.clearinghouse.notify.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.probono.clearinghouse.notify.handler.NotifyTestKit.invoke;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.probono.clearinghouse.domain.Category;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Offer;
import org.probono.clearinghouse.domain.OfferStatus;
import org.probono.clearinghouse.domain.ProfileKind;
import org.probono.clearinghouse.domain.ProfileStatus;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.domain.Token;
import org.probono.clearinghouse.ids.Secrets;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.LocalAwsExtension;
import org.probono.clearinghouse.local.backend.SentMail;
import org.probono.clearinghouse.local.backend.StreamPump;
import org.probono.clearinghouse.matters.Answer;
import org.probono.clearinghouse.matters.AnswerOutcome;
import org.probono.clearinghouse.matters.OfferReplies;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.LawyerItems;
import org.probono.clearinghouse.store.OfferItems;
import org.probono.clearinghouse.store.RequestItems;
import org.probono.clearinghouse.store.Store;
import org.probono.clearinghouse.store.TokenItems;
import org.probono.clearinghouse.store.Transaction;

/**
 * Lawyers' replies, from real .eml fixtures in S3, through the SES receipt event. The accept/decline rule
 * itself is {@code OfferReplies}; here a recording implementation shows what the pipeline asked it.
 */
@ExtendWith(LocalAwsExtension.class)
class ReplyFlowTest {
    /** The fixtures write the reply address in upper case: reply tokens are case-insensitive. */
    static final String TOKEN = "86b1fc9a75cb71c45b2492ec9c298c4816162251d62e0a946559be6e";

    static final String REPLY_ADDRESS =
            "reply+" + TOKEN.toUpperCase(java.util.Locale.ROOT) + "@reply.clearinghouse.test";
    static final String LAWYER = "asha.rao@example.org";

    record Call(String token, String sender, Answer answer) {}

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private Function<Call, AnswerOutcome> outcome = call -> call.answer() instanceof Answer.Accept
            ? new AnswerOutcome.Accepted("REQ-1", "LAW-1")
            : new AnswerOutcome.Declined("REQ-1", "LAW-1");

    private NotifyHandler handler(LocalAws aws) {
        OfferReplies recording = (token, sender, answer) -> {
            Call call = new Call(token, sender, answer);
            calls.add(call);
            return outcome.apply(call);
        };
        return NotifyTestKit.handler(aws, aws.sesV2(), recording);
    }

    private static byte[] fixture(String name) {
        return NotifyTestKit.fixture(name);
    }

    private static String deliver(
            LocalAws aws, NotifyHandler handler, byte[] raw, String recipient, Map<String, String> verdicts) {
        return NotifyTestKit.deliverReply(aws, handler, raw, recipient, verdicts);
    }

    private static String deliver(LocalAws aws, NotifyHandler handler, String fixture) {
        return deliver(aws, handler, fixture(fixture), REPLY_ADDRESS, Map.of());
    }

    @ParameterizedTest
    @CsvSource({"gmail-accept.eml", "outlook-web-accept.eml", "apple-mail-accept.eml"})
    void an_accepting_reply_from_each_client_accepts(String fixture, LocalAws aws) {
        String result = deliver(aws, handler(aws), fixture);

        assertThat(result).isEqualTo("ACCEPTED");
        assertThat(calls).containsExactly(new Call(TOKEN, LAWYER, new Answer.Accept()));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "gmail-decline-hindi.eml|मेरे पास इस महीने समय नहीं है।",
                "thunderbird-decline-bengali.eml|আমি এই ধরনের চুক্তিতে অভিজ্ঞ নই।",
                "outlook-desktop-decline.eml|I act for one of the counterparties."
            })
    void a_declining_reply_from_each_client_declines_with_its_reason(String fixture, String reason, LocalAws aws) {
        String result = deliver(aws, handler(aws), fixture);

        assertThat(result).isEqualTo("DECLINED");
        assertThat(calls).containsExactly(new Call(TOKEN, LAWYER, new Answer.Decline(reason)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"spf", "dkim", "spam", "virus", "dmarc"})
    void a_failed_ses_verdict_changes_nothing_and_is_recorded(String verdict, LocalAws aws) {
        NotifyHandler handler = handler(aws);
        int before = aws.countItems();

        String result = deliver(aws, handler, fixture("gmail-accept.eml"), REPLY_ADDRESS, Map.of(verdict, "FAIL"));

        assertThat(result).isEqualTo("VERDICT_FAILED");
        assertThat(calls).isEmpty();
        assertThat(aws.countItems()).isEqualTo(before + 1); // only the INBOUND record of why
        assertThat(NotifyTestKit.table(aws)
                        .store()
                        .get(Keys.inbound("<CAGmail-accept-1@mail.gmail.com>"))
                        .orElseThrow()
                        .string("detail"))
                .contains(verdict + "=FAIL");
    }

    @Test
    void a_gray_dmarc_verdict_from_a_domain_without_a_policy_still_decides(LocalAws aws) {
        String result = deliver(aws, handler(aws), fixture("gmail-accept.eml"), REPLY_ADDRESS, Map.of("dmarc", "GRAY"));

        assertThat(result).isEqualTo("ACCEPTED");
        assertThat(calls).containsExactly(new Call(TOKEN, LAWYER, new Answer.Accept()));
    }

    @Test
    void a_message_id_longer_than_a_key_allows_is_still_deduplicated(LocalAws aws) throws Exception {
        String raw = new String(fixture("gmail-accept.eml"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("<CAGmail-accept-1@mail.gmail.com>", "<" + "x".repeat(3000) + "@mail.gmail.com>");
        NotifyHandler handler = handler(aws);

        assertThat(deliver(
                        aws, handler, raw.getBytes(java.nio.charset.StandardCharsets.UTF_8), REPLY_ADDRESS, Map.of()))
                .isEqualTo("ACCEPTED");
        assertThat(deliver(
                        aws, handler, raw.getBytes(java.nio.charset.StandardCharsets.UTF_8), REPLY_ADDRESS, Map.of()))
                .isEqualTo("DUPLICATE");
        assertThat(calls).hasSize(1);
    }

    @Test
    void an_out_of_office_reply_is_ignored(LocalAws aws) {
        assertThat(deliver(aws, handler(aws), "out-of-office.eml")).isEqualTo("AUTO_REPLY");
        assertThat(calls).isEmpty();
    }

    @Test
    void the_same_message_delivered_twice_is_processed_once(LocalAws aws) {
        NotifyHandler handler = handler(aws);
        assertThat(deliver(aws, handler, "gmail-accept.eml")).isEqualTo("ACCEPTED");
        assertThat(deliver(aws, handler, "gmail-accept.eml")).isEqualTo("DUPLICATE");
        assertThat(calls).hasSize(1);
    }

    @Test
    void a_reply_to_an_address_without_a_token_changes_nothing(LocalAws aws) {
        int before = aws.countItems();
        String result = deliver(
                aws, handler(aws), fixture("gmail-accept.eml"), "reply+short@reply.clearinghouse.test", Map.of());

        assertThat(result).isEqualTo("UNKNOWN_TOKEN");
        assertThat(calls).isEmpty();
        assertThat(aws.countItems()).isEqualTo(before + 1);
    }

    @Test
    void what_the_offer_rule_refuses_is_recorded_as_such(LocalAws aws) {
        NotifyHandler handler = handler(aws);
        outcome = call -> new AnswerOutcome.UnknownToken();
        assertThat(deliver(aws, handler, "gmail-accept.eml")).isEqualTo("UNKNOWN_TOKEN");
        outcome = call -> new AnswerOutcome.WrongSender("REQ-1");
        assertThat(deliver(aws, handler, "apple-mail-accept.eml")).isEqualTo("WRONG_SENDER");
        outcome = call ->
                new AnswerOutcome.NoLongerOpen("REQ-1", "LAW-1", org.probono.clearinghouse.domain.OfferStatus.EXPIRED);
        assertThat(deliver(aws, handler, "outlook-web-accept.eml")).isEqualTo("NO_LONGER_OPEN");
    }

    private static void seedOffer(Store store, String lawyerEmail, Instant tokenExpiry) {
        seedOffer(store, lawyerEmail, tokenExpiry, OfferStatus.PENDING);
    }

    private static void seedOffer(Store store, String lawyerEmail, Instant tokenExpiry, OfferStatus offerStatus) {
        Instant now = Instant.now();
        Lawyer lawyer = new Lawyer(
                "LAW-1",
                "Asha Rao",
                lawyerEmail,
                "+919830000000",
                "Rao & Sen",
                "WB/1/2010",
                "IN-WB",
                12,
                List.of(Category.CONTRACT_REVIEW),
                List.of("IN-WB"),
                List.of("en", "bn"),
                2,
                1,
                false,
                ProfileStatus.APPROVED,
                now,
                1);
        LegalRequest request = new LegalRequest(
                "REQ-1",
                "ORG-1",
                RequestStatus.OFFERED,
                Category.CONTRACT_REVIEW,
                "Review of a muralist's contract",
                "summary",
                null,
                "IN-WB",
                "en",
                null,
                List.of(),
                now,
                null,
                1);
        Token token = new Token(
                Secrets.hash(TOKEN),
                Token.Purpose.OFFER_REPLY,
                ProfileKind.LAWYER,
                "REQ-1",
                "LAW-1",
                tokenExpiry,
                null);
        Offer offer = new Offer(
                "REQ-1",
                "LAW-1",
                offerStatus,
                now,
                now.plus(1, ChronoUnit.DAYS),
                Secrets.hash(TOKEN),
                null,
                null,
                false,
                1);
        store.commit(new Transaction()
                .create(LawyerItems.toItem(lawyer))
                .create(RequestItems.toItem(request))
                .create(TokenItems.toItem(token))
                .create(OfferItems.toItem(offer)));
    }

    @Test
    void a_reply_without_a_decision_asks_the_lawyer_to_reply_accept_or_decline_quoting_what_was_read(LocalAws aws) {
        NotifyHandler handler = handler(aws);
        Store store = NotifyTestKit.table(aws).store();
        seedOffer(store, LAWYER, Instant.now().plus(1, ChronoUnit.DAYS));

        assertThat(deliver(aws, handler, "ambiguous.eml")).isEqualTo("NOT_UNDERSTOOD");
        try (StreamPump pump =
                StreamPump.forNotify(aws, StreamPump.StartingPosition.TRIM_HORIZON, e -> invoke(handler, e))) {
            pump.pollOnce();
        }

        assertThat(calls).isEmpty();
        assertThat(SentMail.of(aws).all()).singleElement().satisfies(mail -> {
            assertThat(mail.to()).containsExactly(LAWYER);
            assertThat(mail.subject()).isEqualTo("Please reply ACCEPT or DECLINE: Review of a muralist's contract");
            assertThat(mail.replyTo()).containsExactly(REPLY_ADDRESS.toLowerCase());
            assertThat(mail.text())
                    .contains(
                            "\"Could you tell me more about the deadline first? I might accept.\"",
                            "ACCEPT (or YES)",
                            "DECLINE (or NO)");
            assertThat(mail.html())
                    .contains(
                            "<blockquote>Could you tell me more about the deadline first? I might accept.</blockquote>");
        });
        assertThat(NotifyTestKit.table(aws)
                        .store()
                        .get(Keys.inbound("<CAGmail-question-1@mail.gmail.com>"))
                        .orElseThrow()
                        .string("detail"))
                .isEqualTo("request REQ-1, QUESTION");
    }

    @Test
    void an_unclear_reply_from_someone_else_gets_no_answer(LocalAws aws) {
        NotifyHandler handler = handler(aws);
        seedOffer(
                NotifyTestKit.table(aws).store(),
                "another.lawyer@example.org",
                Instant.now().plus(1, ChronoUnit.DAYS));
        int before = aws.countItems();

        assertThat(deliver(aws, handler, "ambiguous.eml")).isEqualTo("WRONG_SENDER");
        assertThat(aws.countItems()).isEqualTo(before + 1);
    }

    @Test
    void an_unclear_reply_about_an_offer_already_filled_gets_no_answer(LocalAws aws) {
        seedOffer(
                NotifyTestKit.table(aws).store(),
                LAWYER,
                Instant.now().plus(1, ChronoUnit.DAYS),
                OfferStatus.WITHDRAWN);
        NotifyHandler handler = handler(aws);
        int before = aws.countItems();

        assertThat(deliver(aws, handler, "ambiguous.eml")).isEqualTo("UNKNOWN_TOKEN");
        assertThat(aws.countItems()).isEqualTo(before + 1); // the INBOUND record only: no "please reply" email
    }

    @Test
    void an_unclear_reply_on_an_expired_token_gets_no_answer(LocalAws aws) {
        NotifyHandler handler = handler(aws);
        seedOffer(NotifyTestKit.table(aws).store(), LAWYER, Instant.now().minus(1, ChronoUnit.HOURS));
        int before = aws.countItems();

        assertThat(deliver(aws, handler, "ambiguous.eml")).isEqualTo("UNKNOWN_TOKEN");
        assertThat(aws.countItems()).isEqualTo(before + 1);
    }

    @Test
    void a_failure_while_deciding_releases_the_message_for_the_retry(LocalAws aws) {
        NotifyHandler handler = handler(aws);
        outcome = call -> {
            throw new IllegalStateException("DynamoDB unavailable");
        };
        try {
            deliver(aws, handler, "gmail-accept.eml");
        } catch (IllegalStateException expected) {
            // Lambda retries an asynchronous invocation that failed
        }
        outcome = call -> new AnswerOutcome.Accepted("REQ-1", "LAW-1");
        assertThat(deliver(aws, handler, "gmail-accept.eml")).isEqualTo("ACCEPTED");
    }
}
