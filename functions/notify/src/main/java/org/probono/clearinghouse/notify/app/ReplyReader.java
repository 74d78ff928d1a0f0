package org.probono.clearinghouse.notify.app;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.probono.clearinghouse.notify.app.ReplyPhrases.Match;
import org.probono.clearinghouse.notify.app.ReplyPhrases.Section;
import org.probono.clearinghouse.notify.app.ReplyReading.Why;

/**
 * Reads a lawyer's reply in English, Hindi (Devanagari or romanised) or Bengali: ACCEPT, DECLINE or
 * UNCLEAR, from the phrases of {@link ReplyPhrases} found in what the lawyer wrote ({@link ReplyText}).
 * A wrong decision is far worse than a question, so anything short of one clear signal is unclear: a
 * question mark, a maybe or condition, accept and decline together, or an accept or decline beside a
 * negation (a leading NO or DECLINE still declines, as the contract keeps it).
 */
final class ReplyReader {
    private static final Pattern QUESTION = Pattern.compile("[?\uff1f\u037e\u061f]");
    // The old one-word answers: after a leading DECLINE or NO, the rest is the reason.
    private static final Pattern LEADING_DECLINE = Pattern.compile(
            "^[\\s\\p{Punct}\\p{IsPunctuation}]*(?i:decline|no)(?![\\p{L}\\p{M}])[\\s\\p{Punct}\\p{IsPunctuation}]*(.*)$",
            Pattern.DOTALL);
    static final int MAX_REASON = 2000;
    static final int MAX_QUOTED = 300;

    private final ReplyPhrases phrases;

    ReplyReader(ReplyPhrases phrases) {
        this.phrases = phrases;
    }

    static ReplyReader builtIn() {
        return new ReplyReader(ReplyPhrases.builtIn());
    }

    /** Reads a reply's body as received (quotes and signature still in it). */
    ReplyReading read(String body) {
        String written = new ReplyText(phrases).writtenPart(body);
        String oneLine = written.replaceAll("\\s+", " ").strip();
        String quoted = shorten(oneLine, MAX_QUOTED);
        if (oneLine.isEmpty()) return new ReplyReading.Unclear(Why.NOTHING_WRITTEN, quoted);
        if (QUESTION.matcher(oneLine).find()) return new ReplyReading.Unclear(Why.QUESTION, quoted);

        Set<Section> found = EnumSet.noneOf(Section.class);
        for (Match match : phrases.find(ReplyPhrases.words(oneLine)))
            found.add(match.phrase().section());
        boolean accept = found.contains(Section.ACCEPT);
        boolean decline = found.contains(Section.DECLINE);
        if (found.contains(Section.UNCLEAR)) return new ReplyReading.Unclear(Why.HEDGE, quoted);
        if (accept && decline) return new ReplyReading.Unclear(Why.ACCEPT_AND_DECLINE, quoted);
        if (accept && found.contains(Section.NEGATION)) return new ReplyReading.Unclear(Why.NEGATED_ACCEPT, quoted);
        // "I'd be happy to, but I'm swamped": a contrast or a regret beside an accept takes it back.
        if (accept && found.contains(Section.CONTRAST)) return new ReplyReading.Unclear(Why.CONTRASTED_ACCEPT, quoted);
        // "I'm not too busy", "I can't see any conflict": a negation beside a decline may turn it into a yes.
        if (decline
                && found.contains(Section.NEGATION)
                && !LEADING_DECLINE.matcher(oneLine).matches()) {
            return new ReplyReading.Unclear(Why.NEGATED_DECLINE, quoted);
        }
        if (accept) return new ReplyReading.Accept(quoted);
        if (decline) return new ReplyReading.Decline(reason(oneLine), quoted);
        return new ReplyReading.Unclear(Why.NO_DECISION, quoted);
    }

    private static String reason(String oneLine) {
        Matcher leading = LEADING_DECLINE.matcher(oneLine);
        String reason = leading.matches() ? leading.group(1).strip() : oneLine;
        return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
    }

    private static String shorten(String text, int max) {
        if (text.length() <= max) return text;
        int cut = text.lastIndexOf(' ', max - 1);
        return text.substring(0, cut > max / 2 ? cut : max - 1).strip() + "…";
    }
}
