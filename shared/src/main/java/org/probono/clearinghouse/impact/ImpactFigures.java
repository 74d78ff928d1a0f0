package org.probono.clearinghouse.impact;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.probono.clearinghouse.impact.ImpactReport.CategoryFigures;
import org.probono.clearinghouse.impact.ImpactReport.DeclineReason;
import org.probono.clearinghouse.impact.ImpactReport.JurisdictionFigures;
import org.probono.clearinghouse.impact.ImpactReport.LawyerFigures;
import org.probono.clearinghouse.impact.ImpactReport.OrganisationFigures;

/**
 * Reads the impact report of a period from the running totals ({@link RunningFigures}): each day's figures
 * (on DynamoDB one Query per day: the day's partition holds its totals and its requests' timings rows), then
 * the names of the lawyers and organisations that appear (BatchGetItem calls of 100 keys). Never a Scan: the
 * cost grows with the days and the requests, lawyers and organisations of the period, not with the table.
 */
public final class ImpactFigures {
    /** A year and a day: the longest period one report reads (a bound on its cost). */
    public static final int MAX_DAYS = 366;

    /** The report and its requests' rows (for the CSV), read together. */
    public record Period(ImpactReport report, List<RequestRow> rows) {}

    private final RunningFigures figures;

    public ImpactFigures(RunningFigures figures) {
        this.figures = figures;
    }

    /** Why a period cannot be reported on, or empty when it can. */
    public static Optional<String> invalidPeriod(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) return Optional.of("'to' is before 'from'.");
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            return Optional.of("A report covers at most " + MAX_DAYS + " days.");
        }
        return Optional.empty();
    }

    /** A YYYY-MM-DD day, or empty when the text is not one. */
    public static Optional<LocalDate> day(String text) {
        if (text == null || !text.matches("\\d{4}-\\d{2}-\\d{2}")) return Optional.empty();
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    public Period read(LocalDate from, LocalDate to) {
        Sums sums = new Sums();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            figures.day(day).forEach(sums::add);
        }
        Map<String, String> names = figures.names(sums.lawyerIds(), sums.organisationIds());
        return new Period(sums.report(from, to, names), sums.rows(names));
    }

    /** The sums of a period's figures, as they are read. */
    private static final class Sums {
        private final Map<String, Double> totals = new HashMap<>();
        private final Map<String, Long> declines = new HashMap<>();
        private final Map<String, double[]> categories = new TreeMap<>();
        private final Map<String, double[]> jurisdictions = new TreeMap<>();
        private final Map<String, double[]> lawyers = new TreeMap<>();
        private final Map<String, double[]> organisations = new TreeMap<>();
        private final List<Figure> requests = new ArrayList<>();

        void add(Figure figure) {
            switch (figure.kind()) {
                case TOTAL ->
                    figure.numbers().forEach((name, amount) -> {
                        if (name.startsWith(Figure.DECLINE_PREFIX)) {
                            declines.merge(
                                    name.substring(Figure.DECLINE_PREFIX.length()), (long) (double) amount, Long::sum);
                        } else {
                            totals.merge(name, amount, Double::sum);
                        }
                    });
                case CATEGORY -> sum(categories, figure, "received", "completed", "hours");
                case JURISDICTION -> sum(jurisdictions, figure, "received", "completed", "hours");
                case LAWYER -> sum(lawyers, figure, "matters", "hours");
                case ORGANISATION -> sum(organisations, figure, "requests", "completed");
                case REQUEST -> requests.add(figure);
            }
        }

        private static void sum(Map<String, double[]> into, Figure figure, String... counters) {
            double[] sums = into.computeIfAbsent(figure.key(), k -> new double[counters.length]);
            for (int i = 0; i < counters.length; i++) sums[i] += figure.number(counters[i]);
        }

        List<String> lawyerIds() {
            List<String> ids = new ArrayList<>(lawyers.keySet());
            requests.forEach(row -> {
                String id = row.text("lawyerId");
                if (id != null && !ids.contains(id)) ids.add(id);
            });
            return ids;
        }

        List<String> organisationIds() {
            List<String> ids = new ArrayList<>(organisations.keySet());
            requests.forEach(row -> {
                String id = row.text("organisationId");
                if (id != null && !ids.contains(id)) ids.add(id);
            });
            return ids;
        }

        private long count(String name) {
            return Math.round(totals.getOrDefault(name, 0.0));
        }

        ImpactReport report(LocalDate from, LocalDate to, Map<String, String> names) {
            long feedbackCount = count("feedbackCount");
            return new ImpactReport(
                    from.toString(),
                    to.toString(),
                    new ImpactReport.Requests(
                            count("received"),
                            count("placed"),
                            count("completed"),
                            count("closed"),
                            count("withdrawn")),
                    hours(totals.getOrDefault("hours", 0.0)),
                    median(requests, "firstOfferAt"),
                    median(requests, "acceptedAt"),
                    new ImpactReport.Offers(
                            count("offersMade"),
                            count("offersAccepted"),
                            count("offersDeclined"),
                            count("offersExpired")),
                    declines.entrySet().stream()
                            .map(e -> new DeclineReason(e.getKey(), e.getValue()))
                            .sorted(Comparator.comparingLong(DeclineReason::count)
                                    .reversed()
                                    .thenComparing(DeclineReason::reason))
                            .toList(),
                    categories.entrySet().stream()
                            .map(e -> new CategoryFigures(
                                    e.getKey(), (long) e.getValue()[0], (long) e.getValue()[1], hours(e.getValue()[2])))
                            .sorted(Comparator.comparingLong(CategoryFigures::received)
                                    .reversed()
                                    .thenComparing(CategoryFigures::category))
                            .toList(),
                    jurisdictions.entrySet().stream()
                            .map(e -> new JurisdictionFigures(
                                    e.getKey(), (long) e.getValue()[0], (long) e.getValue()[1], hours(e.getValue()[2])))
                            .sorted(Comparator.comparingLong(JurisdictionFigures::received)
                                    .reversed()
                                    .thenComparing(JurisdictionFigures::jurisdiction))
                            .toList(),
                    lawyers.entrySet().stream()
                            .map(e -> new LawyerFigures(
                                    e.getKey(), names.get(e.getKey()), (long) e.getValue()[0], hours(e.getValue()[1])))
                            .sorted(Comparator.comparingDouble(LawyerFigures::hours)
                                    .reversed()
                                    .thenComparing(Comparator.comparingLong(LawyerFigures::matters)
                                            .reversed())
                                    .thenComparing(LawyerFigures::id))
                            .toList(),
                    organisations.entrySet().stream()
                            .map(e -> new OrganisationFigures(
                                    e.getKey(), names.get(e.getKey()), (long) e.getValue()[0], (long) e.getValue()[1]))
                            .sorted(Comparator.comparingLong(OrganisationFigures::requests)
                                    .reversed()
                                    .thenComparing(OrganisationFigures::id))
                            .toList(),
                    new ImpactReport.Feedback(
                            feedbackCount,
                            feedbackCount == 0 ? null : round(totals.getOrDefault("ratingSum", 0.0) / feedbackCount)));
        }

        /** Hours from submission to {@code step}, over the requests that reached it; null when none did. */
        private static Double median(List<Figure> requests, String step) {
            List<Double> hours = requests.stream()
                    .filter(row -> row.text(step) != null && row.text("createdAt") != null)
                    .map(row -> Duration.between(row.time("createdAt"), row.time(step))
                                    .toMillis()
                            / 3_600_000.0)
                    .sorted()
                    .toList();
            if (hours.isEmpty()) return null;
            int middle = hours.size() / 2;
            double median = hours.size() % 2 == 1 ? hours.get(middle) : (hours.get(middle - 1) + hours.get(middle)) / 2;
            return round(median);
        }

        List<RequestRow> rows(Map<String, String> names) {
            return requests.stream()
                    .map(row -> new RequestRow(
                            row.text("requestId"),
                            row.time("createdAt"),
                            row.text("category"),
                            row.text("jurisdiction"),
                            row.text("title"),
                            row.text("organisationId"),
                            names.get(row.text("organisationId")),
                            row.text("status"),
                            row.time("firstOfferAt"),
                            row.time("acceptedAt"),
                            row.text("lawyerId"),
                            names.get(row.text("lawyerId")),
                            row.optionalNumber("hoursSpent").orElse(null),
                            row.optionalNumber("rating").map(Double::intValue).orElse(null)))
                    .sorted(Comparator.comparing(RequestRow::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
                            .thenComparing(RequestRow::requestId))
                    .toList();
        }

        /** Sums of decimal hours read back exactly as people write them (6.5 + 2.25 = 8.75, not 8.749999). */
        private static double hours(double value) {
            return Math.round(value * 100) / 100.0;
        }

        private static double round(double value) {
            return Math.round(value * 100) / 100.0;
        }
    }
}
