package org.probono.clearinghouse.assign.handler;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads an admin command's fields, rejecting unknown ones (a typo is a 400 naming it, not ignored). */
final class CommandReader {
    private static final int MAX_TEXT = 2000;
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private final JsonNode command;

    CommandReader(JsonNode command, String... allowed) {
        this.command = command;
        Set<String> known = new LinkedHashSet<>(List.of(allowed));
        known.add("command");
        command.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                throw new BadCommand("Unknown field '" + name + "'; this command takes " + String.join(", ", known) + ".");
            }
        });
    }

    String text(String name) {
        JsonNode value = command.get(name);
        if (value == null || value.isNull()) throw new BadCommand("'" + name + "' is required.");
        if (!value.isTextual() || value.asText().isBlank()) throw new BadCommand("'" + name + "' must be a non-empty string.");
        String text = value.asText().strip();
        if (text.length() > MAX_TEXT) throw new BadCommand("'" + name + "' is longer than " + MAX_TEXT + " characters.");
        return text;
    }

    /** An id (request, lawyer): letters, digits, '-' and '_', at most 100, so it always fits in a key. */
    String id(String name) {
        String text = text(name);
        if (!ID.matcher(text).matches()) throw new BadCommand("'" + name + "' is not an id.");
        return text;
    }

    String optionalText(String name, String fallback) {
        JsonNode value = command.get(name);
        return value == null || value.isNull() ? fallback : text(name);
    }

    int integer(String name, int min, int max, int fallback) {
        JsonNode value = command.get(name);
        if (value == null || value.isNull()) return fallback;
        if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            throw new BadCommand("'" + name + "' must be a whole number from " + min + " to " + max + ".");
        }
        return value.asInt();
    }

    double number(String name, double min, double max) {
        JsonNode value = command.get(name);
        if (value == null || value.isNull()) throw new BadCommand("'" + name + "' is required.");
        if (!value.isNumber() || value.asDouble() < min || value.asDouble() > max) {
            throw new BadCommand("'" + name + "' must be a number from " + (int) min + " to " + (int) max + ".");
        }
        return value.asDouble();
    }

    /** A day, YYYY-MM-DD. */
    java.time.LocalDate day(String name) {
        return org.probono.clearinghouse.impact.ImpactFigures.day(text(name))
                .orElseThrow(() -> new BadCommand("'" + name + "' must be a day, YYYY-MM-DD."));
    }

    /** An optional month, YYYY-MM. */
    java.util.Optional<java.time.YearMonth> optionalMonth(String name) {
        JsonNode value = command.get(name);
        if (value == null || value.isNull()) return java.util.Optional.empty();
        String text = text(name);
        try {
            if (!text.matches("\\d{4}-\\d{2}")) throw new java.time.DateTimeException(text);
            return java.util.Optional.of(java.time.YearMonth.parse(text));
        } catch (java.time.DateTimeException e) {
            throw new BadCommand("'" + name + "' must be a month, YYYY-MM.");
        }
    }

    /** Distinct ids, {@code min} to {@code max} of them. */
    List<String> ids(String name, int min, int max) {
        JsonNode value = command.get(name);
        if (value == null || !value.isArray() || value.size() < min || value.size() > max) {
            throw new BadCommand("'" + name + "' must be a list of " + min + " to " + max + " ids.");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isTextual() || !ID.matcher(element.asText().strip()).matches()) {
                throw new BadCommand("'" + name + "' holds ids only.");
            }
            if (texts.contains(element.asText().strip())) throw new BadCommand("'" + name + "' names " + element.asText() + " twice.");
            texts.add(element.asText().strip());
        }
        return texts;
    }
}
