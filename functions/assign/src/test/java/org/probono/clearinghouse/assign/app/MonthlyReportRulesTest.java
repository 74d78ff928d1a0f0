package org.probono.clearinghouse.assign.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.ids.Ids;
import org.probono.clearinghouse.testkit.MovableClock;

/** The monthly report's request to NotifyFunction, on an in-memory outbox: no backend. */
class MonthlyReportRulesTest {
    /** 1 December 00:30 in Kolkata is still 30 November in UTC: the month reported is Kolkata's previous one. */
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-30T19:00:00Z"));

    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final MonthlyReport monthly =
            new MonthlyReport(outbox, new Ids(clock), "team@clearinghouse.example", ZoneId.of("Asia/Kolkata"), clock);

    @Test
    void the_schedule_reports_the_month_before_today_in_the_deployments_time_zone() {
        Result result = monthly.schedule(Optional.empty());

        assertThat(result)
                .isEqualTo(Result.done(new MonthlyReport.Scheduled(
                        "2026-11", "2026-11-01", "2026-11-30", "team@clearinghouse.example")));
        assertThat(outbox.queued()).singleElement().satisfies(mail -> {
            assertThat(mail.template()).isEqualTo(EmailTemplate.ADMIN_IMPACT_REPORT);
            assertThat(mail.data()).isEqualTo(Map.of("month", "2026-11", "from", "2026-11-01", "to", "2026-11-30"));
        });
    }

    @Test
    void an_admin_may_name_the_month() {
        monthly.schedule(Optional.of(YearMonth.parse("2026-02")));

        assertThat(outbox.queued().getFirst().data()).containsEntry("to", "2026-02-28");
    }
}
