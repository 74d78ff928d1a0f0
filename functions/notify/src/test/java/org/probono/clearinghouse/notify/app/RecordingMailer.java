package org.probono.clearinghouse.notify.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.probono.clearinghouse.notify.mail.MailSender;
import org.probono.clearinghouse.notify.mail.OutgoingMail;

/**
 * A mail service that keeps what it accepted, refuses the next {@link #refuseNext} emails (an outage), and
 * takes the next email without answering when {@link #acceptWithoutAnswerNext} (a timeout after SES got it).
 */
final class RecordingMailer implements MailSender {
    private final List<OutgoingMail> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger refusals = new AtomicInteger();
    private volatile boolean silent;

    void acceptWithoutAnswerNext() {
        silent = true;
    }

    void refuseNext(int emails) {
        refusals.set(emails);
    }

    List<OutgoingMail> accepted() {
        return List.copyOf(accepted);
    }

    @Override
    public Result send(OutgoingMail mail) {
        if (refusals.getAndUpdate(left -> Math.max(0, left - 1)) > 0) return new Result.Failed("Throttling");
        accepted.add(mail);
        if (silent) {
            silent = false;
            return new Result.Unknown("ApiCallTimeoutException");
        }
        return new Result.Accepted("ses-" + accepted.size());
    }
}
