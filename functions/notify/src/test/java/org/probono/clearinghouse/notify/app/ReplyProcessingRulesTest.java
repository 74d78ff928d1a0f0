package org.probono.clearinghouse.notify.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.Language;
import org.probono.clearinghouse.domain.Token;
import org.probono.clearinghouse.ids.Ids;
import org.probono.clearinghouse.matters.Answer;
import org.probono.clearinghouse.matters.AnswerOutcome;
import org.probono.clearinghouse.matters.OfferReplies;
import org.probono.clearinghouse.notify.mail.RawReplies;
import org.probono.clearinghouse.testkit.MovableClock;

/**
 * How a received reply is routed, on in-memory ports: what stops it, what reaches the offer rule, and who
 * is asked again. What the words mean is ReplyReaderTest's; the rule itself is OfferReplies'.
 */
class ReplyProcessingRulesTest {
    /** The fixtures write the reply address in upper case: reply tokens are case-insensitive. */
    private static final String TOKEN = "86b1fc9a75cb71c45b2492ec9c298c4816162251d62e0a946559be6e";

    private static final String REPLY_ADDRESS =
            "reply+" + TOKEN.toUpperCase(java.util.Locale.ROOT) + "@reply.clearinghouse.test";
    private static final String LAWYER = "asha.rao@example.org";
    private static final Map<String, String> PASSED =
            Map.of("spf", "PASS", "dkim", "PASS", "spam", "PASS", "virus", "PASS");

    record Call(String token, String sender, Answer answer) {}

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-28T10:15:30Z"));
    private final Map<String, byte[]> bucket = new ConcurrentHashMap<>();
    private final InMemoryInboundLog log = new InMemoryInboundLog();
    private final InMemoryReplyTokens tokens = new InMemoryReplyTokens();
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private RuntimeException failure;
    private final OfferReplies offerReplies = (token, sender, answer) -> {
        if (failure != null) throw failure;
        calls.add(new Call(token, sender, answer));
        return answer instanceof Answer.Accept
                ? new AnswerOutcome.Accepted("REQ-1", "LAW-1")
                : new AnswerOutcome.Declined("REQ-1", "LAW-1");
    };
    private final RawReplies raw = sesMessageId -> Optional.ofNullable(bucket.get(sesMessageId));
    private final ReplyProcessing replies = new ReplyProcessing(
            raw,
            log,
            offerReplies,
            null,
            tokens,
            outbox,
            "reply.clearinghouse.test",
            (token, outboxId) -> "sealed:" + token + "@" + outboxId,
            new Ids(clock),
            clock);

    private static byte[] fixture(String name) {
        try (InputStream in = ReplyProcessingRulesTest.class.getResourceAsStream("/eml/" + name)) {
            if (in == null) throw new IllegalArgumentException("no fixture eml/" + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As SES delivers it: the raw mail stored under its id, then the receipt naming it. */
    private ReplyResult receive(String sesMessageId, String fixture, String recipient, Map<String, String> verdicts) {
        bucket.put(sesMessageId, fixture(fixture));
        return replies.receive(new ReceivedMail(sesMessageId, List.of(recipient), verdicts));
    }

    private void offered(String email, boolean stillOpen) {
        tokens.give(
                TOKEN,
                new ReplyTokens.Holder("LAW-1", "Asha Rao", email, Language.HI, "REQ-1", "Review of a contract"),
                Token.Purpose.OFFER_REPLY,
                clock.instant().plus(Duration.ofDays(2)),
                stillOpen);
    }

    @Test
    void an_accepting_reply_reaches_the_offer_rule_with_its_token_and_sender_and_is_logged() {
        ReplyResult result = receive("ses-1", "gmail-accept.eml", REPLY_ADDRESS, PASSED);

        assertThat(result).isEqualTo(ReplyResult.ACCEPTED);
        assertThat(calls).containsExactly(new Call(TOKEN, LAWYER, new Answer.Accept()));
        assertThat(log.find("<CAGmail-accept-1@mail.gmail.com>").orElseThrow().result())
                .isEqualTo("ACCEPTED");
    }

    @Test
    void the_same_message_delivered_twice_decides_once() {
        receive("ses-1", "gmail-accept.eml", REPLY_ADDRESS, PASSED);

        ReplyResult again = receive("ses-2", "gmail-accept.eml", REPLY_ADDRESS, PASSED);

        assertThat(again).isEqualTo(ReplyResult.DUPLICATE);
        assertThat(calls).hasSize(1);
    }

    @Test
    void a_failed_or_missing_verdict_an_automatic_reply_and_a_reply_without_our_address_reach_no_rule() {
        assertThat(receive(
                        "ses-1",
                        "gmail-accept.eml",
                        REPLY_ADDRESS,
                        Map.of("spf", "PASS", "dkim", "FAIL", "spam", "PASS")))
                .isEqualTo(ReplyResult.VERDICT_FAILED);
        assertThat(receive("ses-2", "out-of-office.eml", REPLY_ADDRESS, PASSED)).isEqualTo(ReplyResult.AUTO_REPLY);
        assertThat(receive("ses-3", "gmail-accept-from-a-colleague.eml", "someone@reply.clearinghouse.test", PASSED))
                .isEqualTo(ReplyResult.UNKNOWN_TOKEN);

        assertThat(calls).isEmpty();
        assertThat(log.find("<CAGmail-accept-1@mail.gmail.com>").orElseThrow().detail())
                .contains("dkim=FAIL", "virus=MISSING");
    }

    @Test
    void a_receipt_whose_raw_mail_is_missing_changes_nothing() {
        assertThat(replies.receive(new ReceivedMail("ses-gone", List.of(REPLY_ADDRESS), PASSED)))
                .isEqualTo(ReplyResult.RAW_MAIL_MISSING);
        assertThat(calls).isEmpty();
    }

    @Test
    void an_unclear_reply_from_the_offered_lawyer_is_answered_in_their_language_with_the_offers_token() {
        offered(LAWYER, true);

        ReplyResult result = receive("ses-1", "ambiguous.eml", REPLY_ADDRESS, PASSED);

        assertThat(result).isEqualTo(ReplyResult.NOT_UNDERSTOOD);
        assertThat(calls).isEmpty();
        assertThat(outbox.queued()).singleElement().satisfies(answer -> {
            assertThat(answer.template()).isEqualTo(EmailTemplate.REPLY_NOT_UNDERSTOOD);
            assertThat(answer.to()).isEqualTo(LAWYER);
            assertThat(answer.language()).isEqualTo(Language.HI);
            assertThat(answer.sealedToken()).isEqualTo("sealed:" + TOKEN + "@" + answer.id());
            assertThat((String) answer.data().get("quoted")).isNotBlank();
        });
    }

    @Test
    void an_unclear_reply_is_not_answered_when_the_sender_is_not_the_offered_lawyer_or_the_offer_closed() {
        offered("ravi@example.org", true);
        assertThat(receive("ses-1", "ambiguous.eml", REPLY_ADDRESS, PASSED)).isEqualTo(ReplyResult.WRONG_SENDER);

        offered(LAWYER, false);
        byte[] again = new String(fixture("ambiguous.eml"), java.nio.charset.StandardCharsets.UTF_8)
                .replaceFirst("(?im)^Message-ID: <[^>]+>", "Message-ID: <second-ambiguous@mail.gmail.com>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        bucket.put("ses-2", again);
        assertThat(replies.receive(new ReceivedMail("ses-2", List.of(REPLY_ADDRESS), PASSED)))
                .isEqualTo(ReplyResult.UNKNOWN_TOKEN);

        assertThat(outbox.queued()).isEmpty();
    }

    @Test
    void a_reply_whose_decision_failed_is_decided_when_it_is_delivered_again() {
        failure = new IllegalStateException("the table is unreachable");
        assertThatThrownBy(() -> receive("ses-1", "gmail-accept.eml", REPLY_ADDRESS, PASSED))
                .isInstanceOf(IllegalStateException.class);
        assertThat(log.find("<CAGmail-accept-1@mail.gmail.com>")).isEmpty();

        failure = null;
        assertThat(receive("ses-1", "gmail-accept.eml", REPLY_ADDRESS, PASSED)).isEqualTo(ReplyResult.ACCEPTED);
    }
}
