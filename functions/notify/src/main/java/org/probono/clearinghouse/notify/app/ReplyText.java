package org.probono.clearinghouse.notify.app;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The part of a reply its sender wrote: everything above the first quote header or signature of the
 * common clients. Gmail, Apple Mail and Thunderbird: "On ‹date›, ‹name› wrote:" (Gmail may wrap it over
 * two lines); Outlook desktop: "-----Original Message-----" or a "From:" header block; Outlook on the
 * web: a line of underscores then "From:"; Thunderbird's "-------- Original Message --------"; quoted
 * "&gt;" lines; the "-- " signature delimiter and "Sent from my …" lines.
 */
final class ReplyText {
    private static final List<Pattern> CUT_AT = List.of(
            Pattern.compile("^On\\b.{0,300}\\bwrote:\\s*$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^-{2,}\\s*Original Message\\s*-{2,}\\s*$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^_{10,}\\s*$"),
            Pattern.compile("^(From|De|Von|Van):\\s.*$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^>.*$"),
            Pattern.compile("^--\\s?$"),
            Pattern.compile("^Sent from my .*$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^Get Outlook for .*$", Pattern.CASE_INSENSITIVE));
    private static final Pattern WRAPPED_ON = Pattern.compile("^On\\b.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern WROTE_END = Pattern.compile(".*\\bwrote:\\s*$", Pattern.CASE_INSENSITIVE);

    private ReplyText() {}

    static String visiblePart(String body) {
        String[] lines = body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (cutsHere(line)) break;
            // Gmail wraps a long "On … wrote:" line in two.
            if (WRAPPED_ON.matcher(line).matches() && i + 1 < lines.length
                    && WROTE_END.matcher(lines[i + 1].strip()).matches()) {
                break;
            }
            kept.append(lines[i]).append('\n');
        }
        return kept.toString().strip();
    }

    private static boolean cutsHere(String line) {
        for (Pattern pattern : CUT_AT) {
            if (pattern.matcher(line).matches()) return true;
        }
        return false;
    }
}
