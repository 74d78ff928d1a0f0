package org.probono.clearinghouse.notify.mail;

/** Hands a built email to the mail service. */
public interface MailSender {
    /** What the mail service said. */
    sealed interface Result {
        /** Accepted for delivery; {@code messageId} is the service's id. */
        record Accepted(String messageId) implements Result {}

        /** Not accepted (throttled, unavailable, rejected): SES said so; the email stays unsent and is retried. */
        record Failed(String reason) implements Result {}

        /**
         * No answer (a timeout, a broken connection): SES may have accepted it. Retried like a failure, but
         * only once this delivery's claim has lapsed, so an accepted email is not sent again at once.
         */
        record Unknown(String reason) implements Result {}
    }

    Result send(OutgoingMail mail);
}
