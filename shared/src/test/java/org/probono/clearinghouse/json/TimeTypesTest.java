package org.probono.clearinghouse.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.probono.clearinghouse.testkit.TestJson;

/**
 * The java.time types our records carry are written as ISO-8601 text exactly as Jackson databind's
 * JavaTimeModule writes them as text (the tests' own mapper, {@link TestJson}; durations too), as values, inside records and lists and
 * as map keys, and read back from that text only: a number or a list is refused, where JavaTimeModule would
 * also take epoch seconds (no JSON from outside carries a time; our own writes are text).
 */
class TimeTypesTest {
    record Times(
            Instant instant,
            LocalDate date,
            YearMonth month,
            Duration duration,
            Period period,
            ZoneId zone,
            List<Instant> instants) {}

    record Holder(LocalDateTime at) {}

    static List<Arguments> samples() {
        return List.of(
                Arguments.of(Instant.class, Instant.parse("2026-11-29T21:50:55.123Z"), "\"yesterday\""),
                Arguments.of(LocalDate.class, LocalDate.of(2026, 11, 29), "\"29/11/2026\""),
                Arguments.of(YearMonth.class, YearMonth.of(2026, 11), "\"2026-13\""),
                Arguments.of(Duration.class, Duration.ofMinutes(90), "\"90 minutes\""),
                Arguments.of(Period.class, Period.ofDays(180), "\"half a year\""),
                Arguments.of(ZoneId.class, ZoneId.of("Asia/Kolkata"), "\"Mars/Olympus\""));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void each_time_type_is_written_as_java_time_module_writes_it_and_read_back_from_that_text(
            Class<?> type, Object sample, String badText) throws Exception {
        assertThat(Json.TIME_TYPES).contains(type);
        assertThat(Json.write(sample)).isEqualTo(TestJson.write(sample));
        assertThat(Json.write(List.of(sample, sample))).isEqualTo(TestJson.write(List.of(sample, sample)));
        assertThat(Json.write(Map.of(sample, 1))).isEqualTo(TestJson.write(Map.of(sample, 1)));

        assertThat((Object) Json.read(bytes(Json.write(sample)), type)).isEqualTo(sample);
        assertThat((Object) TestJson.MAPPER.readValue(Json.write(sample), type)).isEqualTo(sample);
        for (String notText : List.of("1764453055", "[2026,11]", "true", "{}")) {
            assertThatThrownBy(() -> Json.read(bytes(notText), type))
                    .as("%s as %s", notText, type)
                    .isInstanceOf(JsonInputException.WrongType.class)
                    .hasMessageContaining("must be a string");
        }
        assertThatThrownBy(() -> Json.read(bytes(badText), type))
                .isInstanceOf(JsonInputException.WrongType.class)
                .hasMessageContaining("must be an ISO-8601 " + type.getSimpleName());
    }

    @Test
    void a_record_of_every_time_type_round_trips_and_databind_reads_what_we_wrote() throws Exception {
        Instant now = Instant.parse("2026-11-29T21:50:55.123456789Z");
        Times times = new Times(
                now,
                LocalDate.of(2026, 11, 29),
                YearMonth.of(2026, 11),
                Duration.ofSeconds(5400, 250),
                Period.of(1, 2, 3),
                ZoneId.of("UTC"),
                List.of(now, now.plusSeconds(1)));

        String written = Json.write(times);

        assertThat(written).isEqualTo(TestJson.write(times));
        assertThat(Json.read(bytes(written), Times.class)).isEqualTo(times);
        assertThat(TestJson.MAPPER.readValue(written, Times.class)).isEqualTo(times);
        assertThat(Json.read(bytes("{\"zone\":\"+05:30\"}"), Times.class).zone())
                .isEqualTo(ZoneId.of("+05:30"));
    }

    @Test
    void a_time_type_left_out_is_refused_loudly_not_written_as_a_bean() {
        assertThat(Json.TIME_TYPES).doesNotContain(LocalDateTime.class);
        assertThatThrownBy(() -> Json.write(LocalDateTime.of(2026, 11, 29, 10, 0)))
                .hasStackTraceContaining("java.time.LocalDateTime is not one of the time types");
        assertThatThrownBy(() -> Json.read(bytes("{\"at\":\"2026-11-29T10:00\"}"), Holder.class))
                .hasStackTraceContaining("java.time.LocalDateTime is not one of the time types");
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
