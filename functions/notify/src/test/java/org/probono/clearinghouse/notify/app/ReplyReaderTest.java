package org.probono.clearinghouse.notify.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.probono.clearinghouse.matters.Answer;
import org.probono.clearinghouse.notify.app.ReplyReading.Why;
import org.probono.clearinghouse.notify.mail.InboundMessage;

/** The reading rule alone: no backend. The corpus of whole emails is {@link ReplyCorpusTest}. */
class ReplyReaderTest {
    private final ReplyReader reader = ReplyReader.builtIn();

    static InboundMessage fixture(String name) {
        try (InputStream in = ReplyReaderTest.class.getResourceAsStream("/eml/" + name)) {
            return InboundMessage.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String decision(String body) {
        return switch (reader.read(body)) {
            case ReplyReading.Accept a -> "ACCEPT";
            case ReplyReading.Decline d -> "DECLINE";
            case ReplyReading.Unclear u -> "UNCLEAR";
        };
    }

    @ParameterizedTest
    @CsvSource({
        "gmail-accept.eml",
        "outlook-web-accept.eml",
        "apple-mail-accept.eml",
        "outlook-desktop-accept-ravi-sen.eml"
    })
    void accepting_replies_from_each_client_accept(String file) {
        assertThat(reader.read(fixture(file).text()).answer()).contains(new Answer.Accept());
    }

    @Test
    void a_gmail_decline_keeps_its_hindi_reason() {
        assertThat(reader.read(fixture("gmail-decline-hindi.eml").text()).answer())
                .contains(new Answer.Decline("मेरे पास इस महीने समय नहीं है।"));
    }

    @Test
    void a_thunderbird_decline_keeps_its_bengali_reason_without_signature_or_quote() {
        assertThat(reader.read(fixture("thunderbird-decline-bengali.eml").text())
                        .answer())
                .contains(new Answer.Decline("আমি এই ধরনের চুক্তিতে অভিজ্ঞ নই।"));
    }

    @Test
    void an_outlook_decline_stops_at_the_regards_block_and_the_original_message() {
        assertThat(reader.read(fixture("outlook-desktop-decline.eml").text()).answer())
                .contains(new Answer.Decline("I act for one of the counterparties."));
    }

    @Test
    void html_only_mail_is_read_without_its_quote() {
        InboundMessage message = fixture("outlook-web-accept.eml");
        assertThat(message.text()).startsWith("ACCEPT").doesNotContain("From:", "DECLINE");
    }

    @Test
    void a_question_is_unclear_and_the_words_read_are_kept_for_quoting() {
        assertThat(reader.read(fixture("ambiguous.eml").text()))
                .isEqualTo(new ReplyReading.Unclear(
                        Why.QUESTION, "Could you tell me more about the deadline first? I might accept."));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // the old one-word answers still decide
                "yes|ACCEPT",
                "'  Yes, of course'|ACCEPT",
                "ACCEPT.|ACCEPT",
                "**accept**|ACCEPT",
                "No|DECLINE",
                "decline: too busy|DECLINE",
                "'No. Conflict.'|DECLINE",
                "Nope|DECLINE",
                "Yesterday I was away|UNCLEAR",
                "''|UNCLEAR",
                "'> ACCEPT'|UNCLEAR",
                // ... except where the words after them turn the meaning
                "'No problem, I accept.'|ACCEPT",
                "'No worries, I can take this matter.'|ACCEPT",
                "'Yes, but I cannot start before January.'|UNCLEAR",
                "'No, I accept.'|UNCLEAR",
                // negation and idiom
                "I accept.|ACCEPT",
                "I can't accept this one.|DECLINE",
                "I can’t accept this one.|DECLINE",
                "I am not able to take this on.|DECLINE",
                "I'd need to see the contract before I can say yes.|UNCLEAR",
                "I do not accept.|UNCLEAR",
                "'Sure, I''ll take it.'|ACCEPT",
                "I'm not sure.|UNCLEAR",
                "मैं यह मामला नहीं ले सकती।|DECLINE",
                "मैं यह मामला नहीं ले सकती हूँ।|DECLINE",
                "मैं यह मामला ले सकती हूँ।|ACCEPT",
                "আমি এটা নিতে পারব না।|DECLINE",
                "আমি এটা নিতে পারব।|ACCEPT",
                "কোনো সমস্যা নেই, আমি নেব।|ACCEPT",
                "'Koi problem nahi, main le lunga.'|ACCEPT",
                "'Nahi, main le nahi paunga.'|DECLINE",
                // spelling variants count as one
                "हां, मैं ले लूंगी।|ACCEPT",
                "'ज़रूर'|ACCEPT",
                "'जरूर'|ACCEPT",
                // unclear: a maybe, a let-me-check, a condition, both signals, nothing
                "Maybe next week.|UNCLEAR",
                "Let me check my calendar.|UNCLEAR",
                "I can take it if the deadline moves.|UNCLEAR",
                "'Yes. No.'|UNCLEAR",
                "Thanks for thinking of me.|UNCLEAR",
                "शायद।|UNCLEAR",
                "পরে জানাব।|UNCLEAR",
                // a contrast or a regret takes an accept back (found by a review: each of these once accepted)
                "'I''d be happy to, but I''m swamped this month.'|UNCLEAR",
                "'I would have been happy to help, but I am travelling.'|UNCLEAR",
                "Please go ahead and offer it to another lawyer.|UNCLEAR",
                "Definitely a pass from me.|UNCLEAR",
                "Sure wish I could help.|UNCLEAR",
                "'Sadly I must recuse myself; happy to help another day.'|UNCLEAR",
                "'हाँ, लेकिन अगले महीने से।'|UNCLEAR",
                "'ख़ुशी से, लेकिन इस महीने समय नहीं है।'|DECLINE",
                "'সানন্দে, কিন্তু এই মাসে সময় নেই।'|UNCLEAR",
                "A pass from me this time.|DECLINE",
                "I must recuse myself.|DECLINE",
                "'No, but thank you for asking.'|DECLINE",
                // a negation beside a decline may make it a yes (each of these once declined)
                "'Conflict cleared, happy to proceed.'|ACCEPT",
                "'I''m not too busy right now, send it over.'|UNCLEAR",
                "I can't see any conflict.|UNCLEAR",
                "'No conflict found, I''ll take it.'|ACCEPT"
            })
    void reads_a_decision_only_from_a_clear_signal(String body, String expected) {
        assertThat(decision(body)).as(body + " " + found(body)).isEqualTo(expected);
    }

    @Test
    void the_decline_reason_is_the_rest_after_a_leading_no_and_otherwise_all_that_was_written() {
        assertThat(reader.read("No, conflict with\nthe landlord.\n\n-- \nAsha").answer())
                .contains(new Answer.Decline("conflict with the landlord."));
        assertThat(reader.read("Sorry, I can't take this one.\n\nRegards,\nAsha")
                        .answer())
                .contains(new Answer.Decline("Sorry, I can't take this one."));
    }

    @Test
    void a_long_reply_is_quoted_shortened_at_a_word() {
        String read = reader.read("Maybe " + "a very long thought ".repeat(40)).read();
        assertThat(read)
                .hasSizeLessThanOrEqualTo(ReplyReader.MAX_QUOTED + 1)
                .endsWith("…")
                .doesNotContain("  ");
    }

    @Test
    void a_bottom_posted_thunderbird_reply_is_read_below_the_quote() {
        String body = "On 28/11/26 10:15 am, Pro Bono Clearinghouse wrote:\n> To answer, reply ACCEPT or DECLINE.\n\n"
                + "Happy to help with this one.\n\n-- \nAsha Rao\n";
        assertThat(reader.read(body)).isEqualTo(new ReplyReading.Accept("Happy to help with this one."));
    }

    @Test
    void hindi_and_bengali_quote_headers_and_outlook_blocks_end_what_was_written() {
        assertThat(reader.read("हाँ, मैं ले लूँगी।\n\nशनि, 28 नव॰ 2026 को 10:15 am बजे Pro Bono Clearinghouse <\n"
                                + "clearinghouse@mail.clearinghouse.test> ने लिखा:\n> DECLINE\n")
                        .read())
                .isEqualTo("हाँ, मैं ले लूँगी।");
        assertThat(reader.read(
                                "আমি গ্রহণ করছি।\n\nশনি, ২৮ নভে, ২০২৬ তারিখে ১০:১৫ AM টায় Pro Bono <x@y.test> লিখেছেন:\n> না\n")
                        .read())
                .isEqualTo("আমি গ্রহণ করছি।");
        assertThat(reader.read("हाँ\n\nप्रेषक: Pro Bono Clearinghouse <x@y.test>\nभेजा गया: शनिवार\n\nDECLINE")
                        .read())
                .isEqualTo("हाँ");
        assertThat(reader.read("হ্যাঁ\n\nথেকে: Pro Bono Clearinghouse <x@y.test>\n\nDECLINE")
                        .read())
                .isEqualTo("হ্যাঁ");
        assertThat(reader.read("हाँ\n-----मूल संदेश-----\nना").read()).isEqualTo("हाँ");
        assertThat(reader.read("হ্যাঁ\n\nআমার iPhone থেকে পাঠানো\n").read()).isEqualTo("হ্যাঁ");
        assertThat(reader.read("हाँ\nसादर,\nरवि").read()).isEqualTo("हाँ");
    }

    @Test
    void a_reply_of_one_very_long_line_is_read_quickly() {
        String body = "I am writing at length 12 about the matter, ".repeat(500) + "and I accept.";
        long started = System.nanoTime();
        assertThat(reader.read(body)).isInstanceOf(ReplyReading.Accept.class);
        assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds").isLessThan(1000);
    }

    @Test
    void a_closing_line_alone_is_not_a_signature() {
        assertThat(reader.read("Thanks!\n").read()).isEqualTo("Thanks!");
    }

    @Test
    void a_phrase_listed_as_both_accept_and_decline_is_refused_when_the_lists_are_read() {
        assertThatThrownBy(
                        () -> ReplyPhrases.parse(Map.of("en.txt", "[accept]\nno problem\n[decline]\nNo  Problem!\n")))
                .hasMessageContaining("en.txt:4")
                .hasMessageContaining("[accept]");
        assertThatThrownBy(() -> ReplyPhrases.parse(Map.of("hi.txt", "[maybe]\nशायद\n")))
                .hasMessageContaining("unknown section");
    }

    @Test
    void the_built_in_lists_load_with_every_section_filled() {
        for (ReplyPhrases.Section section : ReplyPhrases.Section.values()) {
            assertThat(ReplyPhrases.builtIn().phrases(section))
                    .as(section.name())
                    .isNotEmpty();
        }
    }

    @Test
    void auto_replies_are_recognised_by_header_and_subject() {
        AutoReplies autoReplies = AutoReplies.builtIn();
        assertThat(autoReplies.isAutomatic(fixture("out-of-office.eml"))).isTrue();
        assertThat(autoReplies.isAutomatic(fixture("gmail-accept.eml"))).isFalse();
    }

    /** The phrases found in a text, to show in a failure why it reads as it does. */
    private static java.util.List<ReplyPhrases.Match> found(String text) {
        return ReplyPhrases.builtIn().find(ReplyPhrases.words(text));
    }
}
