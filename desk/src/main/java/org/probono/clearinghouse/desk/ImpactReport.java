package org.probono.clearinghouse.desk;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * desk report: AssignFunction's {@code report} command (the outside contract fixes its JSON: docs/api/assign.md) as a readable summary or as
 * CSV rows ({@code section,key,name,measure,value}: one figure a row, so a spreadsheet can pivot them).
 */
final class ImpactReport {
    record Period(LocalDate from, LocalDate to) {}

    private final Session session;

    ImpactReport(Session session) {
        this.session = session;
    }

    void run(List<String> words, boolean csv) {
        Period period = period(words);
        JsonNode answer = session.call(
                AdminFunction.ASSIGN,
                DeskJson.command("report")
                        .put("from", period.from().toString())
                        .put("to", period.to().toString()));
        session.print(answer, () -> csv ? csv(answer) : summary(answer));
    }

    /** {@code 2026-11} (a month), {@code 2026-11-01 2026-11-15} (both days included) or one day. */
    static Period period(List<String> words) {
        try {
            if (words.size() == 1 && words.getFirst().matches("\\d{4}-\\d{2}")) {
                YearMonth month = YearMonth.parse(words.getFirst());
                return new Period(month.atDay(1), month.atEndOfMonth());
            }
            if (words.size() == 1 || words.size() == 2) {
                LocalDate from = LocalDate.parse(words.getFirst());
                LocalDate to = LocalDate.parse(words.getLast());
                if (to.isBefore(from))
                    throw DeskFailure.usage("The period ends (" + to + ") before it starts (" + from + ").");
                return new Period(from, to);
            }
        } catch (DateTimeParseException e) {
            throw DeskFailure.usage("'" + String.join(" ", words)
                    + "' is not a period: give a month (2026-11) or two days (2026-11-01 2026-11-15).");
        }
        throw DeskFailure.usage("desk report takes a month (2026-11) or two days (2026-11-01 2026-11-15).");
    }

    static String summary(JsonNode r) {
        StringBuilder text = new StringBuilder();
        text.append("Impact report, ")
                .append(Times.day(LocalDate.parse(r.path("from").asText())))
                .append(" to ")
                .append(Times.day(LocalDate.parse(r.path("to").asText())))
                .append(" (requests created in the period)\n\n");
        JsonNode requests = r.path("requests");
        JsonNode offers = r.path("offers");
        JsonNode feedback = r.path("feedback");
        Table figures = new Table("", "");
        figures.row(
                "Requests",
                "%s received, %s placed with a lawyer, %s completed, %s closed, %s withdrawn"
                        .formatted(
                                n(requests, "received"),
                                n(requests, "placed"),
                                n(requests, "completed"),
                                n(requests, "closed"),
                                n(requests, "withdrawn")));
        figures.row("Hours donated", Labels.number(r.path("hoursDonated")));
        figures.row(
                "Median wait",
                "first offer " + hours(r.path("medianHoursToFirstOffer")) + ", acceptance "
                        + hours(r.path("medianHoursToAcceptance")) + " (from submission)");
        figures.row(
                "Offers",
                "%s made, %s accepted, %s declined, %s expired"
                        .formatted(
                                n(offers, "made"), n(offers, "accepted"), n(offers, "declined"), n(offers, "expired")));
        figures.row(
                "Feedback",
                feedback.path("count").asInt() == 0
                        ? "none yet"
                        : n(feedback, "count") + " ratings, average " + Labels.number(feedback.path("averageRating"))
                                + " of 5");
        text.append(
                figures.render().lines().skip(1).map(line -> "  " + line + "\n").reduce("", String::concat));
        section(
                text,
                "Decline reasons",
                r.path("declineReasons"),
                new Table("REASON", "COUNT"),
                (t, e) -> t.row(e.path("reason").asText(), n(e, "count")));
        section(
                text,
                "By category",
                r.path("byCategory"),
                new Table("CATEGORY", "RECEIVED", "COMPLETED", "HOURS"),
                (t, e) -> t.row(
                        Labels.words(e.path("category").asText()),
                        n(e, "received"),
                        n(e, "completed"),
                        Labels.number(e.path("hours"))));
        section(
                text,
                "By jurisdiction",
                r.path("byJurisdiction"),
                new Table("JURISDICTION", "RECEIVED", "COMPLETED", "HOURS"),
                (t, e) -> t.row(
                        e.path("jurisdiction").asText(),
                        n(e, "received"),
                        n(e, "completed"),
                        Labels.number(e.path("hours"))));
        section(
                text,
                "Lawyers",
                r.path("lawyers"),
                new Table("NAME", "MATTERS", "HOURS"),
                (t, e) -> t.row(e.path("name").asText(), n(e, "matters"), Labels.number(e.path("hours"))));
        section(
                text,
                "Organisations",
                r.path("organisations"),
                new Table("NAME", "REQUESTS", "COMPLETED"),
                (t, e) -> t.row(e.path("name").asText(), n(e, "requests"), n(e, "completed")));
        return text.toString();
    }

    private static void section(
            StringBuilder text,
            String title,
            JsonNode entries,
            Table table,
            java.util.function.BiConsumer<Table, JsonNode> row) {
        text.append('\n').append(title).append('\n');
        entries.forEach(entry -> row.accept(table, entry));
        text.append(
                table.isEmpty()
                        ? "  none\n"
                        : table.render().lines().map(line -> "  " + line + "\n").reduce("", String::concat));
    }

    static String csv(JsonNode r) {
        StringBuilder csv = new StringBuilder("section,key,name,measure,value\r\n");
        csv.append(line("period", "", "", "from", r.path("from").asText()));
        csv.append(line("period", "", "", "to", r.path("to").asText()));
        r.path("requests")
                .properties()
                .forEach(e -> csv.append(
                        line("requests", "", "", e.getKey(), e.getValue().asText())));
        csv.append(line("hours", "", "", "donated", plain(r.path("hoursDonated"))));
        csv.append(line("hours", "", "", "medianToFirstOffer", plain(r.path("medianHoursToFirstOffer"))));
        csv.append(line("hours", "", "", "medianToAcceptance", plain(r.path("medianHoursToAcceptance"))));
        r.path("offers")
                .properties()
                .forEach(e -> csv.append(
                        line("offers", "", "", e.getKey(), e.getValue().asText())));
        r.path("declineReasons")
                .forEach(e -> csv.append(
                        line("declineReason", "", e.path("reason").asText(), "count", plain(e.path("count")))));
        for (String[] group : new String[][] {{"byCategory", "category"}, {"byJurisdiction", "jurisdiction"}}) {
            r.path(group[0])
                    .forEach(e -> List.of("received", "completed", "hours")
                            .forEach(measure -> csv.append(
                                    line(group[1], e.path(group[1]).asText(), "", measure, plain(e.path(measure))))));
        }
        r.path("lawyers")
                .forEach(e -> List.of("matters", "hours")
                        .forEach(measure -> csv.append(line(
                                "lawyer",
                                e.path("id").asText(),
                                e.path("name").asText(),
                                measure,
                                plain(e.path(measure))))));
        r.path("organisations")
                .forEach(e -> List.of("requests", "completed")
                        .forEach(measure -> csv.append(line(
                                "organisation",
                                e.path("id").asText(),
                                e.path("name").asText(),
                                measure,
                                plain(e.path(measure))))));
        csv.append(line("feedback", "", "", "count", plain(r.path("feedback").path("count"))));
        csv.append(line(
                "feedback", "", "", "averageRating", plain(r.path("feedback").path("averageRating"))));
        return csv.toString();
    }

    private static String n(JsonNode node, String field) {
        return node.path(field).asText("0");
    }

    private static String hours(JsonNode value) {
        return value.isNull() || value.isMissingNode() ? "nothing to measure" : Labels.number(value) + " h";
    }

    /** A figure as the function gave it; empty for null (a median with nothing to measure). */
    private static String plain(JsonNode value) {
        return value.isNull() || value.isMissingNode() ? "" : value.asText();
    }

    /** One CSV row (RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled). */
    private static String line(String... fields) {
        return String.join(
                        ",",
                        java.util.Arrays.stream(fields).map(ImpactReport::field).toList()) + "\r\n";
    }

    private static String field(String value) {
        // A leading = + - @ makes spreadsheets run a formula: a name typed by a registrant must stay text.
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?[0-9.]+")
                ? "'" + value
                : value;
        boolean quoted = safe.contains(",") || safe.contains("\"") || safe.contains("\r") || safe.contains("\n");
        return quoted ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
