package org.probono.clearinghouse.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An email to send, written in the same transaction as the state change it reports; the table's stream
 * brings it to NotifyFunction. {@code language} is the recipient's (decided by the writer, which holds the
 * profile; the team's emails are English). {@code data} fills the template (strings and lists of strings
 * only, so what an email can say is visible in the item); times in it are ISO-8601 instants under the
 * keys in {@link #TIME_KEYS}, shown to the reader in their language and the deployment's time zone.
 * {@code sealedToken} is the secret the email carries (a verification link, an org token, the reply address
 * of an offer), sealed to this email's id ({@code ConfidentialBox.sealToken}): only NotifyFunction opens it,
 * and erases it from the item once sent. {@code sealedDetails} is set only on the accepted-lawyer email
 * and decrypted at send time.
 */
public record OutboxMessage(
        String id,
        EmailTemplate template,
        String to,
        Language language,
        Map<String, Object> data,
        String sealedToken,
        String sealedDetails,
        Instant createdAt) {

    /** The data keys whose values are instants ({@code 2026-11-30T10:15:00Z}), never text written for people. */
    public static final Set<String> TIME_KEYS = Set.of("deadline", "respondBy");

    public OutboxMessage {
        if (language == null) language = Language.DEFAULT;
        data = Map.copyOf(data);
        for (Object value : data.values()) {
            if (!(value instanceof String) && !(value instanceof List<?>)) {
                throw new IllegalArgumentException("outbox data holds strings and lists of strings only");
            }
        }
    }

    /** An email with no secret and nothing sealed: the common case. */
    public static OutboxMessage of(
            String id, EmailTemplate template, String to, Language language, Map<String, Object> data, Instant at) {
        return new OutboxMessage(id, template, to, language, data, null, null, at);
    }

    /** An email to the team: always English. */
    public static OutboxMessage toTeam(
            String id, EmailTemplate template, String to, Map<String, Object> data, Instant at) {
        return of(id, template, to, Language.EN, data, at);
    }
}
