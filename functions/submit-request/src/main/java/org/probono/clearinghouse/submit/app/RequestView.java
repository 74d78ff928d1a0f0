package org.probono.clearinghouse.submit.app;

import java.time.Instant;
import java.util.List;
import org.probono.clearinghouse.domain.Category;
import org.probono.clearinghouse.domain.RequestStatus;

/**
 * {@code GET /requests/{id}}: the owning organisation's view of its request. It alone carries the
 * confidential details in plain text; {@code lawyer} appears once a lawyer has accepted.
 */
public record RequestView(
        String id,
        RequestStatus status,
        Category category,
        String title,
        String summary,
        String jurisdiction,
        String language,
        Instant deadline,
        Instant createdAt,
        List<String> counterparties,
        String confidentialDetails,
        List<HistoryEntry> history,
        LawyerCard lawyer,
        String outcome,
        Double hoursSpent,
        FeedbackCard feedback) {

    public record FeedbackCard(int rating, String comment) {}

    public record HistoryEntry(Instant at, String status, String note) {}

    public record LawyerCard(String name, String firm, String email) {}

    /** Never prints the confidential details (a record's default toString would). */
    @Override
    public String toString() {
        return "RequestView[id=" + id + ", status=" + status + "]";
    }
}
