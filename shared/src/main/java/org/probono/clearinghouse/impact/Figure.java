package org.probono.clearinghouse.impact;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One running total of one day as the report reads it: the day's {@link Kind#TOTAL} counters, the counters of
 * one category, jurisdiction, lawyer or organisation ({@code key} names it), or one request's row of timings.
 * {@code numbers} are counters and sums; {@code texts} the row's fields (ids, status, ISO-8601 times).
 */
public record Figure(Kind kind, String key, Map<String, Double> numbers, Map<String, String> texts) {
    /** The day's total counts each decline reason as a counter named with this prefix and the reason, normalised. */
    public static final String DECLINE_PREFIX = "decline:";

    public enum Kind {
        TOTAL,
        CATEGORY,
        JURISDICTION,
        LAWYER,
        ORGANISATION,
        REQUEST
    }

    public Figure {
        numbers = Map.copyOf(numbers);
        texts = Map.copyOf(texts);
    }

    /** A counter or sum; 0 when it was never counted. */
    public double number(String name) {
        return numbers.getOrDefault(name, 0.0);
    }

    public Optional<Double> optionalNumber(String name) {
        return Optional.ofNullable(numbers.get(name));
    }

    public String text(String name) {
        return texts.get(name);
    }

    public Instant time(String name) {
        String value = texts.get(name);
        return value == null ? null : Instant.parse(value);
    }
}
