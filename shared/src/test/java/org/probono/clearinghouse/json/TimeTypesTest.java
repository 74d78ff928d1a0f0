package org.probono.clearinghouse.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one ObjectMapper registers the java.time types our records carry, not Jackson's whole JavaTimeModule
 * (a cold-start saving): each reads and writes exactly as under JavaTimeModule, as values, inside records and
 * lists, and as map keys, and refuses what JavaTimeModule refuses.
 */
class TimeTypesTest {
    /** The same mapper with JavaTimeModule registered last, so its (de)serializers win. */
    private static final ObjectMapper WITH_MODULE = Json.MAPPER.copy().registerModule(new JavaTimeModule());

    record Holder<T>(T value, List<T> values) {}

    static List<Arguments> samples() {
        return List.of(
                Arguments.of(
                        Instant.class,
                        Instant.parse("2026-11-29T21:50:55.123Z"),
                        List.of(
                                "\"2026-11-29T21:50:55Z\"",
                                "\"2026-11-29T21:50:55.123456789Z\"",
                                "\"2026-11-30T03:20:55+05:30\"",
                                "1764453055",
                                "1764453055.5",
                                "\"1764453055\"",
                                "-1",
                                "\"\"",
                                "null",
                                "\"yesterday\"",
                                "true")),
                Arguments.of(
                        LocalDate.class,
                        LocalDate.of(2026, 11, 29),
                        List.of(
                                "\"2026-11-29\"",
                                "\"2026-11-29T10:00:00\"",
                                "\"2026-11-29T22:00:00Z\"",
                                "\"\"",
                                "[2026,11,29]",
                                "\"29/11/2026\"",
                                "20261129")),
                Arguments.of(
                        YearMonth.class,
                        YearMonth.of(2026, 11),
                        List.of("\"2026-11\"", "[2026,11]", "\"2026-13\"", "\"November\"")),
                Arguments.of(
                        Duration.class,
                        Duration.ofMinutes(90),
                        List.of("\"PT1H30M\"", "5400", "5400.25", "\"5400\"", "\"90 minutes\"")),
                Arguments.of(
                        Period.class, Period.ofDays(180), List.of("\"P180D\"", "\"P1Y2M\"", "\"half a year\"", "180")),
                Arguments.of(
                        ZoneId.class,
                        ZoneId.of("Asia/Kolkata"),
                        List.of("\"Asia/Kolkata\"", "\"UTC\"", "\"+05:30\"", "\"Mars/Olympus\"", "5")));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void each_time_type_reads_and_writes_as_under_java_time_module(Class<?> type, Object sample, List<String> inputs)
            throws Exception {
        assertThat(Json.TIME_TYPES).contains(type);
        Holder<Object> holder = new Holder<>(sample, List.of(sample, sample));
        assertThat(Json.write(sample)).isEqualTo(WITH_MODULE.writeValueAsString(sample));
        assertThat(Json.write(holder)).isEqualTo(WITH_MODULE.writeValueAsString(holder));
        assertThat(Json.write(Map.of(sample, 1))).isEqualTo(WITH_MODULE.writeValueAsString(Map.of(sample, 1)));

        JavaType holderType = Json.MAPPER.getTypeFactory().constructParametricType(Holder.class, type);
        JavaType keyed = Json.MAPPER.getTypeFactory().constructMapType(TreeMap.class, type, Integer.class);
        assertThat((Object) Json.MAPPER.readValue(Json.write(holder), holderType))
                .isEqualTo(holder);
        for (String input : inputs) {
            assertSameOutcome(Json.MAPPER, WITH_MODULE, input, Json.MAPPER.constructType(type));
            assertSameOutcome(
                    Json.MAPPER, WITH_MODULE, "{\"value\":" + input + ",\"values\":[" + input + "]}", holderType);
            if (input.startsWith("\"")) assertSameOutcome(Json.MAPPER, WITH_MODULE, "{" + input + ":1}", keyed);
        }
    }

    private static void assertSameOutcome(ObjectMapper ours, ObjectMapper reference, String json, JavaType type) {
        Object expected;
        try {
            expected = reference.readValue(json, type);
        } catch (JsonProcessingException refused) {
            assertThatThrownBy(() -> ours.readValue(json, type))
                    .as("%s as %s is refused as JavaTimeModule refuses it", json, type)
                    .isInstanceOf(JsonProcessingException.class);
            return;
        }
        try {
            assertThat((Object) ours.readValue(json, type))
                    .as("%s as %s", json, type)
                    .isEqualTo(expected);
        } catch (JsonProcessingException e) {
            throw new AssertionError(json + " as " + type + " is read under JavaTimeModule but refused here", e);
        }
    }

    @Test
    void a_time_type_left_out_is_refused_loudly_not_written_as_a_bean() {
        assertThat(Json.TIME_TYPES).doesNotContain(LocalDateTime.class);
        assertThatThrownBy(() -> Json.MAPPER.writeValueAsString(LocalDateTime.of(2026, 11, 29, 10, 0)))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("LocalDateTime");
        assertThatThrownBy(() -> Json.MAPPER.readValue("\"2026-11-29T10:00\"", new TypeReference<LocalDateTime>() {}))
                .isInstanceOf(InvalidDefinitionException.class);
    }
}
