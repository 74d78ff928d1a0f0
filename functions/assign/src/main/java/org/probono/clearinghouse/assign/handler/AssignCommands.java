package org.probono.clearinghouse.assign.handler;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.probono.clearinghouse.assign.app.Offering;
import org.probono.clearinghouse.events.AdminCommand;
import org.probono.clearinghouse.impact.ImpactFigures;
import org.probono.clearinghouse.validation.Validation;

/** AssignFunction's commands' fields, read by {@link AdminCommand#read}; docs/api/assign.md lists them. */
final class AssignCommands {
    static final List<String> NAMES =
            List.of("queue", "show", "suggest", "assign", "withdraw", "complete", "close", "report", "monthly-report");
    /** Free text (outcome, reason, who did it). */
    private static final int MAX_TEXT = 2000;

    private AssignCommands() {}

    record Show(String requestId) implements AdminCommand.Fields<Show> {
        @Override
        public Show checked(Validation check) {
            return new Show(AdminCommand.id(check, "requestId", requestId));
        }
    }

    record Suggest(String requestId, Integer limit) implements AdminCommand.Fields<Suggest> {
        @Override
        public Suggest checked(Validation check) {
            return new Suggest(AdminCommand.id(check, "requestId", requestId), check.integer("limit", limit, 1, 20, 5));
        }
    }

    record Assign(String requestId, List<String> lawyerIds, String assignedBy, Integer respondWithinHours)
            implements AdminCommand.Fields<Assign> {
        @Override
        public Assign checked(Validation check) {
            return new Assign(
                    AdminCommand.id(check, "requestId", requestId),
                    AdminCommand.ids(check, "lawyerIds", lawyerIds, 1, 3),
                    check.text("assignedBy", assignedBy, 1, MAX_TEXT),
                    check.integer("respondWithinHours", respondWithinHours, 1, 168, Offering.DEFAULT_HOURS));
        }
    }

    record Withdraw(String requestId, String lawyerId, String reason, String withdrawnBy)
            implements AdminCommand.Fields<Withdraw> {
        @Override
        public Withdraw checked(Validation check) {
            return new Withdraw(
                    AdminCommand.id(check, "requestId", requestId),
                    AdminCommand.id(check, "lawyerId", lawyerId),
                    orElse(check.optionalText("reason", reason, 1, MAX_TEXT), ""),
                    orElse(check.optionalText("withdrawnBy", withdrawnBy, 1, MAX_TEXT), "admin"));
        }
    }

    record Complete(String requestId, String outcome, Double hoursSpent, String completedBy)
            implements AdminCommand.Fields<Complete> {
        @Override
        public Complete checked(Validation check) {
            return new Complete(
                    AdminCommand.id(check, "requestId", requestId),
                    check.text("outcome", outcome, 1, MAX_TEXT),
                    AdminCommand.number(check, "hoursSpent", hoursSpent, 0, 10_000),
                    orElse(check.optionalText("completedBy", completedBy, 1, MAX_TEXT), "admin"));
        }
    }

    record Close(String requestId, String reason, String closedBy) implements AdminCommand.Fields<Close> {
        @Override
        public Close checked(Validation check) {
            return new Close(
                    AdminCommand.id(check, "requestId", requestId),
                    check.text("reason", reason, 1, MAX_TEXT),
                    orElse(check.optionalText("closedBy", closedBy, 1, MAX_TEXT), "admin"));
        }
    }

    /** {@code from} and {@code to} are days, YYYY-MM-DD; the period's own rule is checked where it is used. */
    record Report(String from, String to) implements AdminCommand.Fields<Report> {
        @Override
        public Report checked(Validation check) {
            return new Report(day(check, "from", from), day(check, "to", to));
        }

        LocalDate fromDay() {
            return LocalDate.parse(from);
        }

        LocalDate toDay() {
            return LocalDate.parse(to);
        }

        private static String day(Validation check, String field, String value) {
            String text = check.text(field, value, 1, 10);
            if (text != null && ImpactFigures.day(text).isEmpty()) check.fail(field, "must be a day, YYYY-MM-DD");
            return text;
        }
    }

    /** {@code month} is optional, YYYY-MM: the month before today when absent. */
    record MonthlyReport(String month) implements AdminCommand.Fields<MonthlyReport> {
        @Override
        public MonthlyReport checked(Validation check) {
            String text = check.optionalText("month", month, 1, 7);
            if (text != null && yearMonth(text).isEmpty()) check.fail("month", "must be a month, YYYY-MM");
            return new MonthlyReport(text);
        }

        Optional<YearMonth> yearMonth() {
            return month == null ? Optional.empty() : yearMonth(month);
        }

        private static Optional<YearMonth> yearMonth(String text) {
            try {
                return text.matches("\\d{4}-\\d{2}") ? Optional.of(YearMonth.parse(text)) : Optional.empty();
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
