package org.probono.clearinghouse.notify.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.probono.clearinghouse.matters.Answer;
import org.probono.clearinghouse.notify.mail.InboundMessage;

class ReplyDecisionTest {
    static InboundMessage fixture(String name) {
        try (InputStream in = ReplyDecisionTest.class.getResourceAsStream("/eml/" + name)) {
            return InboundMessage.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @CsvSource({"gmail-accept.eml", "outlook-web-accept.eml", "apple-mail-accept.eml"})
    void accepting_replies_from_each_client_accept(String file) {
        assertThat(ReplyDecision.of(fixture(file).text())).contains(new Answer.Accept());
    }

    @Test
    void a_gmail_decline_keeps_its_hindi_reason() {
        assertThat(ReplyDecision.of(fixture("gmail-decline-hindi.eml").text()))
                .contains(new Answer.Decline("मेरे पास इस महीने समय नहीं है।"));
    }

    @Test
    void a_thunderbird_decline_keeps_its_bengali_reason_without_signature_or_quote() {
        assertThat(ReplyDecision.of(fixture("thunderbird-decline-bengali.eml").text()))
                .contains(new Answer.Decline("আমি এই ধরনের চুক্তিতে অভিজ্ঞ নই।"));
    }

    @Test
    void an_outlook_decline_stops_at_the_original_message() {
        Optional<Answer> answer = ReplyDecision.of(fixture("outlook-desktop-decline.eml").text());
        assertThat(answer).get().isInstanceOf(Answer.Decline.class);
        assertThat(((Answer.Decline) answer.get()).reason()).startsWith("I act for one of the counterparties.")
                .doesNotContain("Original Message", "ACCEPT");
    }

    @Test
    void html_only_mail_is_read_without_its_quote() {
        InboundMessage message = fixture("outlook-web-accept.eml");
        assertThat(message.text()).startsWith("ACCEPT").doesNotContain("From:", "DECLINE");
    }

    @Test
    void a_question_is_not_a_decision() {
        assertThat(ReplyDecision.of(fixture("ambiguous.eml").text())).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "yes|ACCEPT", "'  Yes, of course'|ACCEPT", "ACCEPT.|ACCEPT", "**accept**|ACCEPT",
            "No|DECLINE", "decline: too busy|DECLINE", "'No. Conflict.'|DECLINE",
            "'I accept'|NONE", "Yesterday I was away|NONE", "Nope|NONE", "''|NONE", "'> ACCEPT'|NONE"})
    void only_the_first_word_decides(String body, String expected) {
        Optional<Answer> answer = ReplyDecision.of(body);
        String actual = answer.map(a -> a instanceof Answer.Accept ? "ACCEPT" : "DECLINE").orElse("NONE");
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void the_decline_reason_is_the_rest_of_the_words() {
        assertThat(ReplyDecision.of("No, conflict with\nthe landlord.\n\n-- \nAsha")).contains(new Answer.Decline("conflict with the landlord."));
    }

    @Test
    void auto_replies_are_recognised_by_header_and_subject() {
        assertThat(AutoReplies.isAutomatic(fixture("out-of-office.eml"))).isTrue();
        assertThat(AutoReplies.isAutomatic(fixture("gmail-accept.eml"))).isFalse();
    }
}
