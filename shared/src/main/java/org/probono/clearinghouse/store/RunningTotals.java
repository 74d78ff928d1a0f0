package org.probono.clearinghouse.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.impact.Figure;
import org.probono.clearinghouse.impact.Tally;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The impact report's running totals, added to the transaction of each state change it counts, so a
 * figure can never disagree with the state. Everything is counted on the day the request was created
 * (deployment time zone): the report covers requests created in its period, whatever happened to them
 * later. Counters are DynamoDB ADDs, so concurrent changes never lose each other's count; the per-request
 * row keeps the timings the medians need and the CSV's columns. Items: docs/data-model.md.
 */
public final class RunningTotals {
    public static final String ENTITY = "IMPACT";
    /** Decline reasons are counted as attributes named with this prefix and the reason, normalised. */
    public static final String DECLINE_PREFIX = Figure.DECLINE_PREFIX;

    public static final String NO_REASON = "(no reason given)";
    private static final int REASON_MAX = 100;

    private final ZoneId zone;

    public RunningTotals(ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The day a request counts on. */
    public LocalDate dayOf(LegalRequest request) {
        return request.createdAt().atZone(zone).toLocalDate();
    }

    /** Adds what {@code tally} counts to the transaction of the change it counts. */
    public void count(Transaction transaction, Tally tally) {
        switch (tally) {
            case Tally.Received received -> received(transaction, received.request());
            case Tally.Offered offered -> offered(transaction, offered.request(), offered.offers(), offered.at());
            case Tally.Accepted accepted -> accepted(transaction, accepted.request(), accepted.at());
            case Tally.Declined declined -> declined(transaction, declined.request(), declined.reason());
            case Tally.Expired expired -> expired(transaction, expired.request());
            case Tally.Completed completed -> completed(transaction, completed.request());
            case Tally.Ended ended -> ended(transaction, ended.request());
            case Tally.Rated rated -> rated(transaction, rated.request());
        }
    }

    private void received(Transaction transaction, LegalRequest request) {
        LocalDate day = dayOf(request);
        transaction.update(
                Keys.impact(day, Keys.IMPACT_TOTAL),
                new Change().add("received", 1).build());
        transaction.update(
                Keys.impact(day, Keys.IMPACT_CATEGORY_PREFIX + request.category()),
                new Change().add("received", 1).build());
        transaction.update(
                Keys.impact(day, Keys.IMPACT_JURISDICTION_PREFIX + request.jurisdiction()),
                new Change().add("received", 1).build());
        transaction.update(
                Keys.impact(day, Keys.IMPACT_ORGANISATION_PREFIX + request.organisationId()),
                new Change().add("requests", 1).build());
        transaction.update(row(request), rowOf(request).build());
    }

    private void offered(Transaction transaction, LegalRequest request, int offers, Instant at) {
        transaction.update(
                total(request), new Change().add("offersMade", offers).build());
        transaction.update(
                row(request),
                rowOf(request).setIfAbsent("firstOfferAt", at.toString()).build());
    }

    private void accepted(Transaction transaction, LegalRequest accepted, Instant at) {
        transaction.update(
                total(accepted),
                new Change().add("offersAccepted", 1).add("placed", 1).build());
        transaction.update(
                Keys.impact(dayOf(accepted), Keys.IMPACT_LAWYER_PREFIX + accepted.lawyerId()),
                new Change().add("matters", 1).build());
        transaction.update(
                row(accepted), rowOf(accepted).set("acceptedAt", at.toString()).build());
    }

    private void declined(Transaction transaction, LegalRequest request, String reason) {
        transaction.update(
                total(request),
                new Change()
                        .add("offersDeclined", 1)
                        .add(DECLINE_PREFIX + normalisedReason(reason), 1)
                        .build());
    }

    private void expired(Transaction transaction, LegalRequest request) {
        transaction.update(total(request), new Change().add("offersExpired", 1).build());
    }

    private void completed(Transaction transaction, LegalRequest completed) {
        LocalDate day = dayOf(completed);
        double hours = completed.completion().hoursSpent();
        transaction.update(
                total(completed),
                new Change().add("completed", 1).add("hours", hours).build());
        transaction.update(
                Keys.impact(day, Keys.IMPACT_CATEGORY_PREFIX + completed.category()),
                new Change().add("completed", 1).add("hours", hours).build());
        transaction.update(
                Keys.impact(day, Keys.IMPACT_JURISDICTION_PREFIX + completed.jurisdiction()),
                new Change().add("completed", 1).add("hours", hours).build());
        transaction.update(
                Keys.impact(day, Keys.IMPACT_LAWYER_PREFIX + completed.lawyerId()),
                new Change().add("hours", hours).build());
        transaction.update(
                Keys.impact(day, Keys.IMPACT_ORGANISATION_PREFIX + completed.organisationId()),
                new Change().add("completed", 1).build());
        transaction.update(
                row(completed), rowOf(completed).setNumber("hoursSpent", hours).build());
    }

    /** The request ended without a lawyer: CLOSED by the team or WITHDRAWN by its organisation. */
    private void ended(Transaction transaction, LegalRequest ended) {
        String counter = switch (ended.status()) {
            case CLOSED -> "closed";
            case WITHDRAWN -> "withdrawn";
            default -> throw new IllegalArgumentException("a request ends CLOSED or WITHDRAWN, not " + ended.status());
        };
        transaction.update(total(ended), new Change().add(counter, 1).build());
        transaction.update(row(ended), rowOf(ended).build());
    }

    private void rated(Transaction transaction, LegalRequest rated) {
        int rating = rated.feedback().rating();
        transaction.update(
                total(rated),
                new Change().add("feedbackCount", 1).add("ratingSum", rating).build());
        transaction.update(row(rated), rowOf(rated).setNumber("rating", rating).build());
    }

    /** One spelling per reason: trimmed, spaces collapsed, lower case, no final full stop, at most 100 characters. */
    public static String normalisedReason(String reason) {
        String text =
                reason == null ? "" : reason.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        while (!text.isEmpty() && ".।!".indexOf(text.charAt(text.length() - 1)) >= 0) {
            text = text.substring(0, text.length() - 1).strip();
        }
        if (text.isEmpty()) return NO_REASON;
        return text.length() <= REASON_MAX
                ? text
                : text.substring(0, REASON_MAX).strip();
    }

    /**
     * The request's row with what identifies it and its status, written whole by every change: a request
     * created before the totals existed gets a complete row at its first counted change.
     */
    private static Change rowOf(LegalRequest request) {
        Change row = new Change()
                .set("requestId", request.id())
                .set("organisationId", request.organisationId())
                .set("category", request.category().name())
                .set("jurisdiction", request.jurisdiction())
                .set("title", request.title())
                .set("createdAt", request.createdAt().toString())
                .set("status", request.status().name());
        return request.lawyerId() == null ? row : row.set("lawyerId", request.lawyerId());
    }

    private software.amazon.awssdk.enhanced.dynamodb.Key total(LegalRequest request) {
        return Keys.impact(dayOf(request), Keys.IMPACT_TOTAL);
    }

    private software.amazon.awssdk.enhanced.dynamodb.Key row(LegalRequest request) {
        return Keys.impact(dayOf(request), Keys.IMPACT_REQUEST_PREFIX + request.id());
    }

    /** One update expression: ADDs to counters and SETs of the row's fields, names and values as placeholders. */
    private static final class Change {
        private final Map<String, String> names = new LinkedHashMap<>();
        private final Map<String, AttributeValue> values = new LinkedHashMap<>();
        private final StringBuilder adds = new StringBuilder();
        private final StringBuilder sets = new StringBuilder();

        Change add(String attribute, double amount) {
            String n = name(attribute);
            String v = value(AttributeValue.fromN(number(amount)));
            append(adds, n + " " + v);
            return this;
        }

        Change set(String attribute, String text) {
            append(sets, name(attribute) + " = " + value(AttributeValue.fromS(text)));
            return this;
        }

        Change setNumber(String attribute, double number) {
            append(sets, name(attribute) + " = " + value(AttributeValue.fromN(number(number))));
            return this;
        }

        Change setIfAbsent(String attribute, String text) {
            String n = name(attribute);
            append(sets, n + " = if_not_exists(" + n + ", " + value(AttributeValue.fromS(text)) + ")");
            return this;
        }

        Expression build() {
            String entity = name(Keys.ENTITY);
            append(sets, entity + " = " + value(AttributeValue.fromS(ENTITY)));
            String expression = "SET " + sets + (adds.isEmpty() ? "" : " ADD " + adds);
            return Expression.builder()
                    .expression(expression)
                    .expressionNames(names)
                    .expressionValues(values)
                    .build();
        }

        private String name(String attribute) {
            String placeholder = "#n" + names.size();
            names.put(placeholder, attribute);
            return placeholder;
        }

        private String value(AttributeValue value) {
            String placeholder = ":v" + values.size();
            values.put(placeholder, value);
            return placeholder;
        }

        private static void append(StringBuilder clause, String part) {
            if (!clause.isEmpty()) clause.append(", ");
            clause.append(part);
        }

        /** Whole numbers without ".0"; hours keep their fraction. */
        private static String number(double amount) {
            return java.math.BigDecimal.valueOf(amount).stripTrailingZeros().toPlainString();
        }
    }
}
