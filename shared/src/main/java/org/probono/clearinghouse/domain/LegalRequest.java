package org.probono.clearinghouse.domain;

import java.time.Instant;
import java.util.List;

/**
 * An organisation's request for legal help. {@code sealedDetails} holds the confidential details
 * encrypted (see {@code ConfidentialBox}); the plain text never lives on this record, so no listing,
 * log line or offer can carry it by accident. {@code lawyerId} is set once a lawyer accepts.
 * {@code organisationName} is a copy kept for the team's queue, which reads no organisation item.
 */
public record LegalRequest(
        String id,
        String organisationId,
        String organisationName,
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

    /** Without the organisation's name: the queue then reads it from the organisation (tests, older items). */
    public LegalRequest(String id, String organisationId, RequestStatus status, Category category, String title,
                        String summary, String sealedDetails, String jurisdiction, String language, Instant deadline,
                        List<String> counterparties, Instant createdAt, String lawyerId, long version) {
        this(id, organisationId, null, status, category, title, summary, sealedDetails, jurisdiction, language, deadline,
                counterparties, createdAt, lawyerId, version);
    }

    public boolean hasConfidentialDetails() { return sealedDetails != null; }

    public LegalRequest withStatus(RequestStatus newStatus) {
        return new LegalRequest(id, organisationId, organisationName, newStatus, category, title, summary, sealedDetails,
                jurisdiction, language, deadline, counterparties, createdAt, lawyerId, version + 1);
    }

    public LegalRequest acceptedBy(String acceptingLawyerId) {
        return new LegalRequest(id, organisationId, organisationName, RequestStatus.ACCEPTED, category, title, summary,
                sealedDetails, jurisdiction, language, deadline, counterparties, createdAt, acceptingLawyerId,
                version + 1);
    }
}
