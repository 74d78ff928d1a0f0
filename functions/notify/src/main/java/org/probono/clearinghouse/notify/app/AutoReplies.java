package org.probono.clearinghouse.notify.app;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.probono.clearinghouse.notify.mail.InboundMessage;

/**
 * Mail a program sent, not the lawyer: RFC 3834 {@code Auto-Submitted} (anything but "no"),
 * {@code X-Autoreply} / {@code X-Autorespond}, {@code Precedence: bulk, auto_reply, junk, list}, and
 * the subjects out-of-office replies carry.
 */
final class AutoReplies {
    private static final Set<String> PRECEDENCE = Set.of("bulk", "auto_reply", "junk", "list");
    private static final Pattern SUBJECT = Pattern.compile(
            "^\\s*(out of (the )?office|automatic reply|auto[- ]?reply|autoreply|auto[- ]?response|away from (the )?office"
                    + "|on vacation|abwesenheitsnotiz|réponse automatique)\\b.*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private AutoReplies() {}

    static boolean isAutomatic(InboundMessage message) {
        String autoSubmitted = message.header("Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) return true;
        if (message.header("X-Autoreply") != null || message.header("X-Autorespond") != null) return true;
        String precedence = message.header("Precedence");
        if (precedence != null && PRECEDENCE.contains(precedence.strip().toLowerCase(Locale.ROOT))) return true;
        return message.subject() != null && SUBJECT.matcher(message.subject()).matches();
    }
}
