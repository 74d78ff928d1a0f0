package org.probono.clearinghouse.notify.app;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a lawyer's reply to the matter-details email: is the matter done, in how many hours, with what
 * outcome? "DONE 6.5 hours: contract signed", "Completed, 6 hrs 30 min. Trademark objection answered.",
 * "हो गया, 6,5 घंटे: अनुबंध पर हस्ताक्षर हो गए", "সম্পন্ন, ৪ ঘণ্টা: চুক্তি সই হয়েছে". A wrong completion is
 * worse than a question, so all three must be there and unambiguous: a word saying it is done, exactly
 * one amount of time, and an outcome in words; a question, a negation ("not done yet", "नहीं", "হয়নি")
 * or anything missing is unclear, and the lawyer is asked again.
 */
final class CompletionReply {
    /** What the lawyer reported. */
    record Done(double hours, String outcome) {}

    static final double MAX_HOURS = 1000;
    static final int MAX_OUTCOME = 2000;

    private static final String HOUR_UNITS =
            "hours|hour|hrs|hr|h|घंटे|घंटा|घण्टे|घण्टा|ghante|ghanta|ghante|ঘণ্টা|ঘন্টা|ghonta";
    private static final String MINUTE_UNITS = "minutes|minute|mins|min|m|मिनट|minat|মিনিট|minit";
    private static final String NUMBER = "(\\d+(?:[.,]\\d+)?)";
    /** "6.5 hours", "6,5 घंटे", "6 hrs 30 min", "6 hours and 15 minutes": the minutes need their unit. */
    private static final Pattern HOURS =
            pattern("(?<![\\p{L}\\d.,])" + NUMBER + "\\s*(?:" + HOUR_UNITS + ")(?![\\p{L}\\p{M}])"
                    + "(?:\\s*(?:and|,|और|aur|ও|এবং)?\\s*(\\d{1,2})\\s*(?:" + MINUTE_UNITS + ")(?![\\p{L}\\p{M}]))?");
    /** Minutes alone: "45 min". */
    private static final Pattern MINUTES =
            pattern("(?<![\\p{L}\\d.,])(\\d+)\\s*(?:" + MINUTE_UNITS + ")(?![\\p{L}\\p{M}])");

    private static final Pattern DONE = pattern(
            "(?<![\\p{L}\\p{M}])(?:done|completed|complete|finished|closed|हो गया|हो गई|हो गयी|पूरा|पूर्ण|समाप्त"
                    + "|ho gaya|ho gayi|pura|poora|সম্পন্ন|শেষ|হয়ে গেছে|হয়েছে|hoye geche)(?![\\p{L}\\p{M}])");
    /**
     * A negation, a question, or work that goes on ("so far", "still", "half", "first", "more to come"):
     * not a completion, however many hours it names.
     */
    private static final Pattern DOUBT = pattern(
            "\\?|(?<![\\p{L}\\p{M}])(?:not|isn't|isnt|hasn't|hasnt|haven't|havent|yet|almost|nearly|will|once|when|if"
                    + "|so far|still|half|partly|partially|part of|first|more to come|remaining|pending|ongoing|in progress"
                    + "|waiting|next|continue|continuing"
                    + "|नहीं|नही|nahi|nahin|अभी|जब|अगर|आधा|आधी|बाकी|बाक़ी|अब तक|अभी तक|पहला|पहली|जारी|लंबित"
                    + "|হয়নি|হয় নি|না|নি|এখনও|যখন|যদি|অর্ধেক|বাকি|এখন পর্যন্ত|প্রথম|চলছে)(?![\\p{L}\\p{M}])");

    private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[\\s\\p{Punct}\\p{IsPunctuation}–—]+");
    /** The reply without its quote and signature, cut as offer replies are. */
    private static final ReplyText WRITTEN = new ReplyText(ReplyPhrases.builtIn());

    private CompletionReply() {}

    /** Patterns and text are compared in NFC: Bengali's য় has two spellings in Unicode. */
    private static Pattern pattern(String regex) {
        return Pattern.compile(
                Normalizer.normalize(regex, Normalizer.Form.NFC), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /**
     * The completion the reply reports, or empty when it is not clearly one. The outcome is the rest of
     * the line that says done (or, when nothing is left there, of the next line): a sign-off below it
     * ("Asha") is not part of the outcome.
     */
    static Optional<Done> of(String body) {
        String visible = asciiDigits(Normalizer.normalize(written(body), Normalizer.Form.NFC));
        String text = visible.replaceAll("\\s+", " ").strip();
        if (text.isEmpty() || DOUBT.matcher(text).find() || !DONE.matcher(text).find()) return Optional.empty();

        List<double[]> amounts = new ArrayList<>();
        removeAll(MINUTES.matcher(removeAll(HOURS.matcher(text), amounts, true)), amounts, false);
        if (amounts.size() != 1) return Optional.empty();
        double hours = Math.round(amounts.getFirst()[0] * 100) / 100.0; // hundredths: what is stored and shown
        if (hours <= 0 || hours > MAX_HOURS) return Optional.empty();

        List<String> lines = visible.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
        int doneLine = 0;
        while (doneLine < lines.size() && !DONE.matcher(lines.get(doneLine)).find()) doneLine++;
        if (doneLine == lines.size()) return Optional.empty();
        String outcome = outcomeIn(lines.get(doneLine));
        if (outcome.isEmpty() && doneLine + 1 < lines.size()) outcome = outcomeIn(lines.get(doneLine + 1));
        // An outcome is words, not what is left of a sentence once its time is cut out ("Draft , so far;").
        if (outcome.codePoints().filter(Character::isLetter).count() < 3) return Optional.empty();
        if (outcome.length() > MAX_OUTCOME)
            outcome = outcome.substring(0, MAX_OUTCOME).strip();
        return Optional.of(new Done(hours, outcome));
    }

    /** What the lawyer wrote above the quoted email: what an unclear reply quotes back. */
    static String written(String body) {
        return WRITTEN.writtenPart(body);
    }

    /** What follows a time and a colon or dash: "काम पूरा हो गया, 6,5 घंटे: <outcome>". */
    private static final Pattern AFTER_TIME = Pattern.compile("^\\s*[:\\-–—]\\s*(.+)$", Pattern.DOTALL);

    /**
     * The outcome on a line: what follows the time after a colon or dash when the line has that shape,
     * else the line without its done word and its time, and without what only joins them ("in", ":", "-").
     */
    private static String outcomeIn(String line) {
        Matcher time = HOURS.matcher(line);
        if (time.find()) {
            Matcher after = AFTER_TIME.matcher(line.substring(time.end()));
            if (after.matches()
                    && after.group(1).codePoints().filter(Character::isLetter).count() >= 3) {
                return after.group(1).strip();
            }
        }
        String rest = removeAll(
                MINUTES.matcher(removeAll(HOURS.matcher(line), new ArrayList<>(), true)), new ArrayList<>(), false);
        String outcome =
                DONE.matcher(rest).replaceFirst("").replaceAll("\\s+", " ").strip();
        outcome = LEADING_PUNCTUATION.matcher(outcome).replaceFirst("").strip();
        outcome = outcome.replaceAll("^(?i)(?:in|for|spent|मैंने|लगे|লেগেছে)(?:\\s+|$)", "")
                .strip();
        return LEADING_PUNCTUATION.matcher(outcome).replaceFirst("").strip();
    }

    /** Removes every match from the text, adding the hours each names. */
    private static String removeAll(Matcher matcher, List<double[]> amounts, boolean hoursFirst) {
        StringBuilder kept = new StringBuilder();
        while (matcher.find()) {
            double hours;
            if (hoursFirst) {
                hours = Double.parseDouble(matcher.group(1).replace(',', '.'));
                if (matcher.group(2) != null) {
                    int minutes = Integer.parseInt(matcher.group(2));
                    // "6 hours 75 minutes" is not a way anyone writes a time: unclear.
                    hours = minutes >= 60 ? -1 : hours + minutes / 60.0;
                }
            } else {
                hours = Integer.parseInt(matcher.group(1)) / 60.0;
            }
            amounts.add(new double[] {hours});
            matcher.appendReplacement(kept, " ");
        }
        matcher.appendTail(kept);
        return kept.toString();
    }

    /** Devanagari and Bengali digits as ASCII ones, so "৪ ঘণ্টা" reads as 4 hours. */
    private static String asciiDigits(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isDigit(c) && c > '9') out.append((char) ('0' + Character.digit(c, 10)));
            else out.appendCodePoint(c);
        });
        return out.toString();
    }
}
