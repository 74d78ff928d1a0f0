package org.probono.clearinghouse.desk;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/** Values of the functions' answers as a person reads them. */
final class Labels {
    private Labels() {}

    /** Words of the enumerations that are names, kept as they are written. */
    private static final Set<String> ACRONYMS = Set.of("FCRA");

    /** {@code CONTRACT_REVIEW} → {@code Contract review}, {@code FCRA_COMPLIANCE} → {@code FCRA compliance}. */
    static String words(String upperSnake) {
        if (upperSnake == null || upperSnake.isBlank()) return "";
        String spaced = String.join(
                " ",
                Arrays.stream(upperSnake.split("_"))
                        .map(word -> ACRONYMS.contains(word) ? word : word.toLowerCase(Locale.ROOT))
                        .toList());
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /** A number without noise: {@code 6.5}, {@code 12}, one decimal at most; {@code none} for null. */
    static String number(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) return "none";
        if (!value.isNumber()) return value.asText();
        return value.decimalValue()
                .setScale(1, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    static String number(double value) {
        return BigDecimal.valueOf(value)
                .setScale(1, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    /** A text field, or {@code fallback} when absent, null or blank. */
    static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() || value.asText().isBlank() ? fallback : value.asText();
    }
}
