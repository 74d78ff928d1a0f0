package org.probono.clearinghouse.notify.app;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.probono.clearinghouse.matters.Answer;

/**
 * A lawyer's decision, from the first word of what they wrote (quotes and signatures removed), case and
 * punctuation aside: ACCEPT or YES accept; DECLINE or NO decline, and the rest is the reason. Anything
 * else is not understood. Only the first word counts: "I can't accept" must not accept.
 */
final class ReplyDecision {
    private static final Pattern FIRST_WORD = Pattern.compile("^[\\s\\p{Punct}\\p{IsPunctuation}]*([\\p{L}\\p{M}]+)(.*)$",
            Pattern.DOTALL);
    private static final int MAX_REASON = 2000;

    private ReplyDecision() {}

    static Optional<Answer> of(String body) {
        Matcher matcher = FIRST_WORD.matcher(ReplyText.visiblePart(body));
        if (!matcher.matches()) return Optional.empty();
        String rest = matcher.group(2);
        return switch (matcher.group(1).toUpperCase(Locale.ROOT)) {
            case "ACCEPT", "YES" -> Optional.of(new Answer.Accept());
            case "DECLINE", "NO" -> Optional.of(new Answer.Decline(reason(rest)));
            default -> Optional.empty();
        };
    }

    private static String reason(String rest) {
        String reason = rest.replaceFirst("^[\\s\\p{Punct}\\p{IsPunctuation}]+", "").replaceAll("\\s+", " ").strip();
        return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
    }
}
