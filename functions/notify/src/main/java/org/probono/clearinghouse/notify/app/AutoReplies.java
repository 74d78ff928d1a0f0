package org.probono.clearinghouse.notify.app;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.probono.clearinghouse.notify.app.ReplyPhrases.Section;
import org.probono.clearinghouse.notify.mail.InboundMessage;

/**
 * Mail a program sent, not the lawyer, which never decides and is never answered: RFC 3834
 * {@code Auto-Submitted} (anything but "no"), {@code X-Autoreply} / {@code X-Autorespond},
 * {@code Precedence: bulk, auto_reply, junk, list}, delivery reports (multipart/report, an empty
 * Return-Path, mailer-daemon and postmaster senders) and the out-of-office subjects of
 * {@code replies/*.txt} in English, Hindi and Bengali.
 */
final class AutoReplies {
    private static final Set<String> PRECEDENCE = Set.of("bulk", "auto_reply", "junk", "list");
    private static final Set<String> DAEMONS = Set.of("mailer-daemon", "postmaster", "mail-daemon", "mailerdaemon");
    // Reply and forward prefixes a subject may start with, in the clients' languages ("RE:", "AW:", "उत्तर:").
    private static final Set<String> SUBJECT_PREFIXES =
            Set.of("re", "fw", "fwd", "aw", "wg", "sv", "antw", "उत्तर", "জবাব");

    private final ReplyPhrases phrases;

    AutoReplies(ReplyPhrases phrases) {
        this.phrases = phrases;
    }

    static AutoReplies builtIn() {
        return new AutoReplies(ReplyPhrases.builtIn());
    }

    boolean isAutomatic(InboundMessage message) {
        String autoSubmitted = message.header("Auto-Submitted");
        if (autoSubmitted != null
                && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) return true;
        if (message.header("X-Autoreply") != null || message.header("X-Autorespond") != null) return true;
        String precedence = message.header("Precedence");
        if (precedence != null && PRECEDENCE.contains(precedence.strip().toLowerCase(Locale.ROOT))) return true;
        if ("multipart/report".equals(message.contentType())) return true;
        String returnPath = message.header("Return-Path");
        if (returnPath != null && returnPath.replaceAll("[<>\\s]", "").isEmpty()) return true;
        if (message.from() != null
                && DAEMONS.contains(
                        message.from().substring(0, Math.max(0, message.from().indexOf('@'))))) {
            return true;
        }
        return message.subject() != null && isOutOfOfficeSubject(message.subject());
    }

    private boolean isOutOfOfficeSubject(String subject) {
        List<String> words = ReplyPhrases.phraseWords(subject);
        int start = 0;
        while (start < words.size() && SUBJECT_PREFIXES.contains(words.get(start))) start++;
        return phrases.startsWith(words.subList(start, words.size()), Section.AUTO_REPLY_SUBJECT);
    }
}
