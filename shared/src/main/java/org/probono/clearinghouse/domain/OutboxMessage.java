package org.probono.clearinghouse.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An email to send, written in the same transaction as the state change it reports; the table's stream
 * brings it to NotifyFunction. {@code data} fills the template (strings and lists of strings only, so
 * what an email can say is visible in the item). {@code sealedToken} is the secret the email carries (a
 * verification link, an org token, the reply address of an offer), sealed to this email's id
 * ({@code ConfidentialBox.sealToken}): only NotifyFunction opens it, and erases it from the item once sent. {@code sealedDetails} is set only on the accepted-lawyer email and decrypted at send time.
 */
public record OutboxMessage(
        String id,
        EmailTemplate template,
        String to,
        Map<String, Object> data,
        String sealedToken,
        String sealedDetails,
        Instant createdAt) {

    public OutboxMessage {
        data = Map.copyOf(data);
        for (Object value : data.values()) {
            if (!(value instanceof String) && !(value instanceof List<?>)) {
                throw new IllegalArgumentException("outbox data holds strings and lists of strings only");
            }
        }
    }

    /** An email with no secret and nothing sealed: the common case. */
    public static OutboxMessage of(String id, EmailTemplate template, String to, Map<String, Object> data, Instant at) {
        return new OutboxMessage(id, template, to, data, null, null, at);
    }
}
