package org.probono.clearinghouse.notify.mail;

/** Hands a built email to the mail service. */
public interface MailSender {
    /** What the mail service said. */
    sealed interface Result {
        /** Accepted for delivery; {@code messageId} is the service's id. */
        record Accepted(String messageId) implements Result {}

        /** Not accepted (throttled, unavailable, rejected); the email stays unsent and is retried. */
        record Failed(String reason) implements Result {}
    }

    Result send(OutgoingMail mail);
}
