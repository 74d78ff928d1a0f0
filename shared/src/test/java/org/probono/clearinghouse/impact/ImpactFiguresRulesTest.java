package org.probono.clearinghouse.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.testkit.InMemoryFigures;

/** A period's report summed from its days' running totals, on an in-memory {@link RunningFigures}: no backend. */
class ImpactFiguresRulesTest {
    private static final LocalDate FIRST = LocalDate.parse("2026-11-01");
    private static final LocalDate SECOND = LocalDate.parse("2026-11-02");

    private final InMemoryFigures figures = new InMemoryFigures()
            .add(
                    FIRST,
                    total(Map.of(
                            "received",
                            2.0,
                            "placed",
                            1.0,
                            "completed",
                            1.0,
                            "hours",
                            6.5,
                            "offersDeclined",
                            1.0,
                            Figure.DECLINE_PREFIX + "conflict of interest",
                            1.0)))
            .add(
                    SECOND,
                    total(Map.of(
                            "received",
                            1.0,
                            "hours",
                            2.25,
                            "offersDeclined",
                            2.0,
                            Figure.DECLINE_PREFIX + "no time",
                            2.0,
                            "feedbackCount",
                            1.0,
                            "ratingSum",
                            4.0)))
            .add(
                    FIRST,
                    new Figure(
                            Figure.Kind.CATEGORY,
                            "CONTRACT_REVIEW",
                            Map.of("received", 2.0, "completed", 1.0),
                            Map.of()))
            .add(SECOND, new Figure(Figure.Kind.CATEGORY, "CONTRACT_REVIEW", Map.of("received", 1.0), Map.of()))
            .add(FIRST, new Figure(Figure.Kind.LAWYER, "L-1", Map.of("matters", 1.0, "hours", 6.5), Map.of()))
            .add(FIRST, row("R-2", "2026-11-01T12:00:00Z", "2026-11-01T16:00:00Z"))
            .add(FIRST, row("R-1", "2026-11-01T10:00:00Z", "2026-11-01T12:00:00Z"))
            .add(LocalDate.parse("2026-11-03"), total(Map.of("received", 100.0)))
            .name("L-1", "Meera Das")
            .name("ORG-1", "Shakti Vahini");

    @Test
    void the_report_sums_the_days_of_the_period_only() {
        ImpactReport report = new ImpactFigures(figures).read(FIRST, SECOND).report();

        assertThat(report.requests()).isEqualTo(new ImpactReport.Requests(3, 1, 1, 0, 0));
        assertThat(report.hoursDonated()).isEqualTo(8.75);
        assertThat(report.declineReasons())
                .containsExactly(
                        new ImpactReport.DeclineReason("no time", 2),
                        new ImpactReport.DeclineReason("conflict of interest", 1));
        assertThat(report.byCategory()).containsExactly(new ImpactReport.CategoryFigures("CONTRACT_REVIEW", 3, 1, 0));
        assertThat(report.lawyers()).containsExactly(new ImpactReport.LawyerFigures("L-1", "Meera Das", 1, 6.5));
        assertThat(report.feedback()).isEqualTo(new ImpactReport.Feedback(1, 4.0));
        assertThat(report.medianHoursToFirstOffer()).isEqualTo(3.0);
    }

    @Test
    void the_rows_are_the_periods_requests_oldest_first_with_their_names() {
        var rows = new ImpactFigures(figures).read(FIRST, SECOND).rows();

        assertThat(rows).extracting(RequestRow::requestId).containsExactly("R-1", "R-2");
        assertThat(rows.getFirst().organisationName()).isEqualTo("Shakti Vahini");
        assertThat(rows.getFirst().firstOfferAt()).isEqualTo(Instant.parse("2026-11-01T12:00:00Z"));
        assertThat(rows.getFirst().hoursSpent()).isNull();
    }

    private static Figure total(Map<String, Double> counters) {
        return new Figure(Figure.Kind.TOTAL, "", counters, Map.of());
    }

    private static Figure row(String requestId, String createdAt, String firstOfferAt) {
        return new Figure(
                Figure.Kind.REQUEST,
                requestId,
                Map.of(),
                Map.of(
                        "requestId",
                        requestId,
                        "createdAt",
                        createdAt,
                        "firstOfferAt",
                        firstOfferAt,
                        "organisationId",
                        "ORG-1",
                        "status",
                        "OFFERED",
                        "category",
                        "CONTRACT_REVIEW"));
    }
}
