package org.probono.clearinghouse.assign.app;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.ids.Ids;
import org.probono.clearinghouse.json.Log;

/**
 * The monthly schedule (the 1st of each month, in the deployment's time zone), or an admin naming a month:
 * one outbox item that asks NotifyFunction to email the team the month's impact report. The item names
 * the period only; the figures, the CSV and the chart are read and built when the email is sent, because
 * the outbox holds strings and a month's CSV can outgrow an item (docs/api/notify.md says more).
 */
public final class MonthlyReport {
    public record Scheduled(String month, String from, String to, String emailedTo) {}

    private final Outbox outbox;
    private final Ids ids;
    private final String adminEmail;
    private final ZoneId zone;
    private final Clock clock;

    public MonthlyReport(Outbox outbox, Ids ids, String adminEmail, ZoneId zone, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
        this.ids = ids;
        this.adminEmail = adminEmail;
        this.zone = zone;
    }

    /** The month before today's (in the deployment's time zone) unless {@code month} names one. */
    public Result schedule(Optional<YearMonth> month) {
        YearMonth reported = month.orElseGet(
                () -> YearMonth.from(LocalDate.ofInstant(clock.instant(), zone)).minusMonths(1));
        LocalDate from = reported.atDay(1);
        LocalDate to = reported.atEndOfMonth();
        OutboxMessage mail = OutboxMessage.toTeam(
                ids.next(),
                EmailTemplate.ADMIN_IMPACT_REPORT,
                adminEmail,
                Map.of("month", reported.toString(), "from", from.toString(), "to", to.toString()),
                clock.instant());
        outbox.queue(mail);
        Log.info("monthly impact report queued", "month", reported.toString(), "outboxId", mail.id());
        return Result.done(new Scheduled(reported.toString(), from.toString(), to.toString(), adminEmail));
    }
}
