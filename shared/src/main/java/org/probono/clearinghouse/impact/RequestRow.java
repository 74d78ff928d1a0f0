package org.probono.clearinghouse.impact;

import java.time.Instant;

/**
 * One request of the period as the report's CSV shows it: what the team may read, never the summary
 * or the confidential details. Times absent when the step was never reached.
 */
public record RequestRow(
        String requestId,
        Instant createdAt,
        String category,
        String jurisdiction,
        String title,
        String organisationId,
        String organisationName,
        String status,
        Instant firstOfferAt,
        Instant acceptedAt,
        String lawyerId,
        String lawyerName,
        Double hoursSpent,
        Integer rating) {}
