package org.probono.clearinghouse.notify.app;

import java.util.Optional;
import org.probono.clearinghouse.matters.Answer;

/**
 * What a lawyer's reply says, with the words that were read ({@code read}: the reply's own text, quotes
 * and signature removed, on one line), which an unclear reply's answer quotes back.
 */
sealed interface ReplyReading {
    String read();

    /** The answer to give the offer rule; none when the reply is unclear. */
    default Optional<Answer> answer() {
        return switch (this) {
            case Accept a -> Optional.of(new Answer.Accept());
            case Decline d -> Optional.of(new Answer.Decline(d.reason()));
            case Unclear u -> Optional.empty();
        };
    }

    record Accept(String read) implements ReplyReading {}

    /** {@code reason}: what the lawyer wrote after a leading DECLINE or NO, else all they wrote. */
    record Decline(String reason, String read) implements ReplyReading {}

    record Unclear(Why why, String read) implements ReplyReading {}

    /** Why a reply decides nothing: recorded on the INBOUND item, never the words themselves. */
    enum Why {
        NOTHING_WRITTEN,
        NO_DECISION,
        QUESTION,
        HEDGE,
        ACCEPT_AND_DECLINE,
        NEGATED_ACCEPT,
        NEGATED_DECLINE,
        CONTRASTED_ACCEPT
    }
}
