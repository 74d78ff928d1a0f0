package org.probono.clearinghouse.notify.app;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.probono.clearinghouse.notify.app.ReplyPhrases.Section;

/**
 * The part of a reply its sender wrote. Top-posted (the common case): everything above the first quote
 * header or signature of the common clients, in English, Hindi and Bengali. Gmail, Apple Mail and
 * Thunderbird: "On ‹date›, ‹name› wrote:", "… ने लिखा:", "… লিখেছেন:" (Gmail may wrap it over two lines);
 * Outlook desktop: "-----Original Message-----" (मूल संदेश, মূল বার্তা) or a "From:" header block
 * (प्रेषक:, থেকে:); Outlook on the web: a line of underscores; "&gt;" lines; forwarded-message lines;
 * the "-- " delimiter, "Sent from my …" and a closing line ("Regards,", "सादर", "শুভেচ্ছা").
 * Bottom-posted (Thunderbird's default): nothing above the quote, so the unquoted lines below it.
 */
final class ReplyText {
    private static final String WROTE = "(wrote|ने लिखा|ने यह लिखा|লিখেছেন|লিখেছে)\\s*:";
    private static final Pattern QUOTE_HEADER = Pattern.compile(
            "^(On\\b.{0,300}\\bwrote\\s*:|.{0,300}[@\\p{Nd}].{0,300}" + WROTE + ")\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final List<Pattern> QUOTE_STARTS = List.of(
            QUOTE_HEADER,
            Pattern.compile(
                    "^-{2,}\\s*(Original Message|मूल संदेश|মূল বার্তা|মূল মেসেজ)\\s*-{2,}\\s*$",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile(
                    "^-{2,}\\s*(Forwarded message|अग्रेषित संदेश|फ़ॉरवर्ड किया गया संदेश|ফরওয়ার্ড করা মেসেজ|ফরোয়ার্ড করা বার্তা)\\s*-{2,}\\s*$",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("^_{10,}\\s*$"),
            Pattern.compile("^(From|De|Von|Van|प्रेषक|से|থেকে|প্রেরক)\\s*:\\s.*$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^>.*$"));
    private static final List<Pattern> SIGNATURE_STARTS = List.of(
            Pattern.compile("^--\\s?$"),
            Pattern.compile("^(Sent from|Sent via|Get Outlook for) .*$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^मेरे .{1,40} से भेजा गया$"),
            Pattern.compile("^আমার .{1,40} থেকে পাঠানো( হয়েছে)?$"));
    private static final Pattern WRAPPED_ON = Pattern.compile("^On\\b.*", Pattern.CASE_INSENSITIVE);
    // Quote headers are short; a long line (an HTML paragraph) is never one, and is not worth a backtracking match.
    private static final int MAX_HEADER = 700;

    private final ReplyPhrases phrases;

    ReplyText(ReplyPhrases phrases) {
        this.phrases = phrases;
    }

    String writtenPart(String body) {
        String[] lines = body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> kept = new ArrayList<>();
        int i = 0;
        for (; i < lines.length; i++) {
            String line = lines[i].strip();
            if (startsQuote(lines, i) || endsText(line, kept)) break;
            kept.add(lines[i]);
        }
        String above = String.join("\n", kept).strip();
        if (!above.isEmpty() || i >= lines.length || !startsQuote(lines, i)) return above;
        return belowTheQuote(lines, i);
    }

    /** A bottom-posted reply: the lines after the quote that are neither quoted nor quote headers. */
    private String belowTheQuote(String[] lines, int from) {
        List<String> kept = new ArrayList<>();
        for (int i = from; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith(">") || isQuoteHeader(line) || wrappedHeader(lines, i)) continue;
            if (line.isEmpty() && kept.isEmpty()) continue;
            if (startsQuote(lines, i) || endsText(line, kept)) break;
            kept.add(lines[i]);
        }
        return String.join("\n", kept).strip();
    }

    private boolean startsQuote(String[] lines, int i) {
        String line = lines[i].strip();
        if (line.length() > MAX_HEADER) return false;
        for (Pattern pattern : QUOTE_STARTS) {
            if (pattern.matcher(line).matches()) return true;
        }
        return wrappedHeader(lines, i);
    }

    private static boolean isQuoteHeader(String line) {
        return line.length() <= MAX_HEADER && QUOTE_HEADER.matcher(line).matches();
    }

    /** Gmail wraps a long quote header, after "On" or before the address's "&lt;". */
    private static boolean wrappedHeader(String[] lines, int i) {
        if (i + 1 >= lines.length) return false;
        String line = lines[i].strip();
        return (WRAPPED_ON.matcher(line).matches() || line.endsWith("<"))
                && isQuoteHeader(line + " " + lines[i + 1].strip());
    }

    /** A signature starts: its delimiter, a "Sent from" line, or a closing once something was written. */
    private boolean endsText(String line, List<String> kept) {
        for (Pattern pattern : SIGNATURE_STARTS) {
            if (pattern.matcher(line).matches()) return true;
        }
        boolean wroteSomething = kept.stream().anyMatch(k -> !k.isBlank());
        return wroteSomething && phrases.isWhole(line, Section.CLOSING);
    }
}
