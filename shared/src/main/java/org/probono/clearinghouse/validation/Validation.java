package org.probono.clearinghouse.validation;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Collects every bad field of one body, then fails once with all of them ({@link #throwIfInvalid()}):
 * a form can show each error next to its field. Each check returns the cleaned value (trimmed,
 * normalised, converted) or null when the field is bad or absent and optional.
 */
public final class Validation {
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{7,14}");
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s().-]");
    private final List<FieldError> errors = new ArrayList<>();

    public void fail(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) throw new InvalidInput(errors);
    }

    /** Required text, trimmed, {@code min}..{@code max} characters. */
    public String text(String field, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            fail(field, "is required");
            return null;
        }
        return optionalText(field, value, min, max);
    }

    /** Optional text: absent or blank gives null. */
    public String optionalText(String field, String value, int min, int max) {
        if (value == null || value.isBlank()) return null;
        String trimmed = value.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length < min) fail(field, "must be at least " + min + " characters");
        else if (length > max) fail(field, "must be at most " + max + " characters");
        else if (trimmed.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            fail(field, "must not contain control characters");
        } else return trimmed;
        return null;
    }

    /** An email address, trimmed and lower-cased (the contract's normal form). */
    public String email(String field, String value) {
        String text = text(field, value, 3, 254);
        if (text == null) return null;
        String normalised = text.toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(normalised).matches()) {
            fail(field, "must be an email address like name@example.org");
            return null;
        }
        return normalised;
    }

    /** A phone number in international form (+91 98300 12345); spaces, dots, dashes and brackets dropped. */
    public String phone(String field, String value) {
        String text = text(field, value, 8, 32);
        if (text == null) return null;
        String digits = PHONE_SEPARATORS.matcher(text).replaceAll("");
        if (!PHONE.matcher(digits).matches()) {
            fail(field, "must be in international form, starting with + and the country code");
            return null;
        }
        return digits;
    }

    public <E extends Enum<E>> E enumValue(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            fail(field, "is required");
            return null;
        }
        return optionalEnum(field, value, type);
    }

    public <E extends Enum<E>> E optionalEnum(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) return null;
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value.strip())) return constant;
        }
        fail(
                field,
                "must be one of "
                        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        return null;
    }

    /** A required code checked by {@code isValid} (jurisdiction, language...). */
    public String code(String field, String value, Predicate<String> isValid, String expected) {
        if (value == null || value.isBlank()) {
            fail(field, "is required");
            return null;
        }
        String code = value.strip();
        if (!isValid.test(code)) {
            fail(field, "must be " + expected);
            return null;
        }
        return code;
    }

    /** A list of {@code min}..{@code max} entries, each checked by {@code each}; duplicates dropped. */
    public <T> List<T> list(String field, List<String> values, int min, int max, ItemCheck<T> each) {
        if (values == null || values.isEmpty()) {
            if (min > 0) fail(field, "needs at least " + min + (min == 1 ? " entry" : " entries"));
            return List.of();
        }
        if (values.size() > max) {
            fail(field, "takes at most " + max + " entries");
            return List.of();
        }
        List<T> result = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            T value = each.check(field + "[" + i + "]", values.get(i));
            if (value != null && !result.contains(value)) result.add(value);
        }
        return result;
    }

    public int integer(String field, Integer value, int min, int max, Integer fallback) {
        if (value == null) {
            if (fallback == null) fail(field, "is required");
            return fallback == null ? 0 : fallback;
        }
        if (value < min || value > max) {
            fail(field, "must be between " + min + " and " + max);
            return 0;
        }
        return value;
    }

    /** An optional ISO-8601 instant ({@code 2026-12-01T10:00:00Z}) that must lie after {@code notBefore}. */
    public Instant futureInstant(String field, String value, Instant notBefore) {
        if (value == null || value.isBlank()) return null;
        try {
            Instant instant = Instant.parse(value.strip());
            if (!instant.isAfter(notBefore)) {
                fail(field, "must be in the future");
                return null;
            }
            return instant;
        } catch (DateTimeParseException e) {
            fail(field, "must be an ISO-8601 UTC time like 2026-12-01T10:00:00Z");
            return null;
        }
    }

    /** An optional http(s) URL. */
    public String url(String field, String value) {
        String text = optionalText(field, value, 4, 2000);
        if (text == null) return null;
        try {
            java.net.URI uri = new java.net.URI(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null)
                return text;
        } catch (java.net.URISyntaxException ignored) {
            // reported below
        }
        fail(field, "must be a web address starting with https://");
        return null;
    }

    @FunctionalInterface
    public interface ItemCheck<T> {
        T check(String field, String value);
    }
}
