package org.probono.clearinghouse.notify.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.notify.mail.InboundMessage;

/**
 * Every reply of the corpus (replies/corpus.txt, wrapped by {@link ReplyCorpus} as its client sends it),
 * parsed and read as ReplyProcessing does: automatic mail first, then the reader. One wrong decision fails.
 */
class ReplyCorpusTest {
    private final ReplyReader reader = ReplyReader.builtIn();
    private final AutoReplies autoReplies = AutoReplies.builtIn();

    @Test
    void every_reply_in_the_corpus_is_read_as_expected() {
        List<ReplyCorpus.Reply> replies = ReplyCorpus.replies();
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> byExpected = new TreeMap<>();
        long started = System.nanoTime();
        for (ReplyCorpus.Reply reply : replies) {
            InboundMessage message = InboundMessage.parse(ReplyCorpus.raw(reply));
            String actual = autoReplies.isAutomatic(message) ? "AUTOMATIC" : decision(reader.read(message.text()));
            byExpected.merge(reply.expected(), 1, Integer::sum);
            if (!actual.equals(reply.expected())) {
                wrong.add(reply.label() + " read as " + actual + ": \""
                        + reader.read(message.text()).read() + "\" "
                        + found(reader.read(message.text()).read()));
            } else if (reply.reason() != null
                    && !(reader.read(message.text()) instanceof ReplyReading.Decline(String reason, String read)
                            && reason.equals(reply.reason()))) {
                wrong.add(reply.label() + " declined with another reason: " + reader.read(message.text()));
            }
        }
        long micros = (System.nanoTime() - started) / 1000;
        System.out.printf(
                "corpus: %d replies, %d understood as expected, %d wrong %s (%d µs each, parsing included)%n",
                replies.size(), replies.size() - wrong.size(), wrong.size(), byExpected, micros / replies.size());
        wrong.forEach(w -> System.out.println("  wrong: " + w));

        assertThat(wrong).isEmpty();
        assertThat(replies).hasSizeGreaterThanOrEqualTo(80);
    }

    @Test
    void the_corpus_covers_every_client_language_and_decision() {
        List<ReplyCorpus.Reply> replies = ReplyCorpus.replies();
        assertThat(replies)
                .extracting(ReplyCorpus.Reply::client)
                .contains(
                        "gmail",
                        "outlook-desktop",
                        "outlook-web",
                        "apple-mail",
                        "thunderbird",
                        "thunderbird-bottom",
                        "dsn",
                        "eml");
        for (String language : List.of("en", "hi", "bn")) {
            for (String expected : List.of("ACCEPT", "DECLINE", "UNCLEAR", "AUTOMATIC")) {
                assertThat(replies)
                        .as(language + " " + expected)
                        .anyMatch(r ->
                                r.language().equals(language) && r.expected().equals(expected));
            }
        }
    }

    private static String decision(ReplyReading reading) {
        return switch (reading) {
            case ReplyReading.Accept a -> "ACCEPT";
            case ReplyReading.Decline d -> "DECLINE";
            case ReplyReading.Unclear u -> "UNCLEAR";
        };
    }

    /** The phrases found in a text, to show in a failure why it reads as it does. */
    private static java.util.List<ReplyPhrases.Match> found(String text) {
        return ReplyPhrases.builtIn().find(ReplyPhrases.words(text));
    }
}
