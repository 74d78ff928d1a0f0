package org.probono.clearinghouse.notify.app;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.impact.ImpactFigures;
import org.probono.clearinghouse.impact.ImpactReport;
import org.probono.clearinghouse.impact.RequestRow;
import org.probono.clearinghouse.notify.mail.Attachment;
import org.probono.clearinghouse.notify.mail.ImpactChart;
import org.probono.clearinghouse.notify.mail.ImpactCsv;

/**
 * What the team's monthly report email carries besides its outbox data: the figures (read from the
 * running totals when the email is sent, so a resend shows them as they are then), the CSV with one row
 * per request, and the chart shown inline. The outbox item names only the period: it holds strings, and
 * a month's CSV can outgrow an item.
 */
public final class ImpactReportMail {
    public static final String CHART_ID = "impact-chart";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    /** Template data and files to add to one email. */
    public record Enclosed(Map<String, Object> scope, List<Attachment> attachments) {
        public static final Enclosed NONE = new Enclosed(Map.of(), List.of());
    }

    private final BiFunction<LocalDate, LocalDate, ImpactFigures.Period> figures;
    private final ZoneId zone;

    /** {@code figures}: (from, to) → the period's figures and rows, as the running totals hold them. */
    public ImpactReportMail(BiFunction<LocalDate, LocalDate, ImpactFigures.Period> figures, ZoneId zone) {
        this.figures = figures;
        this.zone = zone;
    }

    public Enclosed enclose(OutboxMessage message) {
        return enclose(message, figures.apply(from(message), to(message)));
    }

    /** The email's additions for figures already read (what the translations test renders with). */
    public Enclosed enclose(OutboxMessage message, ImpactFigures.Period period) {
        LocalDate from = from(message);
        LocalDate to = to(message);
        ImpactReport report = period.report();
        List<Map<String, Object>> weeks = weeks(from, to, period.rows());

        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("received", report.requests().received());
        scope.put("placed", report.requests().placed());
        scope.put("completed", report.requests().completed());
        scope.put("closed", report.requests().closed());
        scope.put("withdrawn", report.requests().withdrawn());
        scope.put("hoursDonated", number(report.hoursDonated()));
        scope.put("medianHoursToFirstOffer", orDash(report.medianHoursToFirstOffer()));
        scope.put("medianHoursToAcceptance", orDash(report.medianHoursToAcceptance()));
        scope.put("offersMade", report.offers().made());
        scope.put("offersAccepted", report.offers().accepted());
        scope.put("offersDeclined", report.offers().declined());
        scope.put("offersExpired", report.offers().expired());
        scope.put("feedbackCount", report.feedback().count());
        scope.put("averageRating", orDash(report.feedback().averageRating()));
        scope.put("weeks", weeks);
        scope.put(
                "categories",
                report.byCategory().stream()
                        .map(c -> Map.<String, Object>of(
                                "category",
                                c.category(),
                                "received",
                                c.received(),
                                "completed",
                                c.completed(),
                                "hours",
                                number(c.hours())))
                        .toList());
        scope.put(
                "lawyers",
                report.lawyers().stream()
                        .map(l -> Map.<String, Object>of(
                                "name", nameOf(l.name(), l.id()), "matters", l.matters(), "hours", number(l.hours())))
                        .toList());
        scope.put(
                "organisations",
                report.organisations().stream()
                        .map(o -> Map.<String, Object>of(
                                "name", nameOf(o.name(), o.id()), "requests", o.requests(), "completed", o.completed()))
                        .toList());
        scope.put(
                "declineReasons",
                report.declineReasons().stream()
                        .map(d -> Map.<String, Object>of("reason", d.reason(), "count", d.count()))
                        .toList());
        scope.put("chartId", CHART_ID);
        scope.put("csvName", csvName(message));
        scope.put("requestRows", period.rows().size());

        byte[] chart = ImpactChart.png(
                weeks.stream()
                        .map(w -> new ImpactChart.Week((long) w.get("received"), (long) w.get("placed")))
                        .toList(),
                report.byCategory().stream()
                        .map(ImpactReport.CategoryFigures::hours)
                        .toList());
        return new Enclosed(
                scope,
                List.of(
                        Attachment.inline(CHART_ID, "impact-chart.png", "image/png", chart),
                        Attachment.file(csvName(message), "text/csv; charset=utf-8", ImpactCsv.of(period.rows()))));
    }

    /** Seven-day weeks from the period's first day; a request counts in the week it was created (and placed). */
    private List<Map<String, Object>> weeks(LocalDate from, LocalDate to, List<RequestRow> rows) {
        int count = (int) (ChronoUnit.DAYS.between(from, to) / 7) + 1;
        long[] received = new long[count];
        long[] placed = new long[count];
        for (RequestRow row : rows) {
            int week = (int)
                    (ChronoUnit.DAYS.between(from, row.createdAt().atZone(zone).toLocalDate()) / 7);
            if (week < 0 || week >= count) continue;
            received[week]++;
            if (row.acceptedAt() != null) placed[week]++;
        }
        List<Map<String, Object>> weeks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate start = from.plusDays(7L * i);
            LocalDate end = start.plusDays(6).isAfter(to) ? to : start.plusDays(6);
            weeks.add(Map.of(
                    "label", DAY.format(start) + "–" + DAY.format(end), "received", received[i], "placed", placed[i]));
        }
        return weeks;
    }

    private static LocalDate from(OutboxMessage message) {
        return LocalDate.parse((String) message.data().get("from"));
    }

    private static LocalDate to(OutboxMessage message) {
        return LocalDate.parse((String) message.data().get("to"));
    }

    private static String csvName(OutboxMessage message) {
        return "impact-report-"
                + message.data().getOrDefault("month", message.data().get("from")) + ".csv";
    }

    private static String nameOf(String name, String id) {
        return name == null ? "(" + id + ")" : name;
    }

    private static String orDash(Double value) {
        return value == null ? "–" : number(value);
    }

    /** 6.5 and 8.75 as people write them; 3 rather than 3.0. */
    private static String number(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
