package org.probono.clearinghouse.notify.app;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.Language;
import org.probono.clearinghouse.domain.OutboxMessage;

/** Outbox emails as the matching writes them, for notify's tests. */
public final class SampleEmails {
    public static final String LAWYER = "asha.rao@example.org";
    public static final Instant WRITTEN_AT = Instant.parse("2026-11-28T10:15:30Z");

    private SampleEmails() {}

    /** An offer of the muralist's contract to Asha Rao, in English, its reply token and details as given. */
    public static OutboxMessage offer(String id, String summary, String sealedToken, String sealedDetails) {
        Map<String, Object> data = Map.of(
                "lawyerName", "Asha Rao",
                "requestId", "REQ-1",
                "title", "Review of a muralist's contract",
                "organisationName", "Shakti Vahini",
                "category", "CONTRACT_REVIEW",
                "summary", summary,
                "counterparties", List.of("City Arts Trust"));
        return new OutboxMessage(
                id, EmailTemplate.OFFER, LAWYER, Language.EN, data, sealedToken, sealedDetails, WRITTEN_AT);
    }
}
