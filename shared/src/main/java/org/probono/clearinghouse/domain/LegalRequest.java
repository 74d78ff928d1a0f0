package org.probono.clearinghouse.domain;

import java.time.Instant;
import java.util.List;

/**
 * An organisation's request for legal help. {@code sealedDetails} holds the confidential details
 * encrypted (see {@code ConfidentialBox}); the plain text never lives on this record, so no listing,
 * log line or offer can carry it by accident. {@code lawyerId} is set once a lawyer accepts.
 */
public record LegalRequest(
        String id,
        String organisationId,
        RequestStatus status,
        Category category,
        String title,
        String summary,
        String sealedDetails,
        String jurisdiction,
        String language,
        Instant deadline,
        List<String> counterparties,
        Instant createdAt,
        String lawyerId,
        long version) {

    public LegalRequest {
        counterparties = List.copyOf(counterparties);
    }

    public boolean hasConfidentialDetails() { return sealedDetails != null; }

    public LegalRequest withStatus(RequestStatus newStatus) {
        return new LegalRequest(id, organisationId, newStatus, category, title, summary, sealedDetails,
                jurisdiction, language, deadline, counterparties, createdAt, lawyerId, version + 1);
    }

    public LegalRequest acceptedBy(String acceptingLawyerId) {
        return new LegalRequest(id, organisationId, RequestStatus.ACCEPTED, category, title, summary,
                sealedDetails, jurisdiction, language, deadline, counterparties, createdAt, acceptingLawyerId,
                version + 1);
    }
}
