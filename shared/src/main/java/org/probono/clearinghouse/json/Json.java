package org.probono.clearinghouse.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.DurationDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.JSR310StringParsableDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.YearMonthDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.key.DurationKeyDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.key.InstantKeyDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.key.LocalDateKeyDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.key.PeriodKeyDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.key.YearMonthKeyDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.key.ZoneIdKeyDeserializer;
import com.fasterxml.jackson.datatype.jsr310.ser.DurationSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.LocalDateSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.YearMonthSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.ZoneIdSerializer;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Set;

/**
 * The one ObjectMapper: ISO-8601 times, absent fields left out, unknown fields rejected (a typo in a
 * client's field name is a 400 naming the field, not silently ignored data), and strict types: a
 * boolean, number, list or object where a string belongs, a string where a number belongs, a fraction
 * where a whole number belongs, or a number for an enumeration is refused, never coerced (Jackson would
 * store {@code "name": true} as the string "true"). Built once; thread-safe.
 */
public final class Json {
    private Json() {}

    /**
     * The java.time types our records carry, read and written by the very (de)serializers Jackson's
     * {@code JavaTimeModule} registers for them (ISO-8601 text). The whole module registers 14 types
     * and loads about 75 classes at every cold start; a record carrying another java.time type fails the
     * architecture test that checks every record against this set ({@code testkit.Layers}).
     */
    public static final Set<Class<?>> TIME_TYPES =
            Set.of(Instant.class, LocalDate.class, YearMonth.class, Duration.class, Period.class, ZoneId.class);

    /** {@link #TIME_TYPES} as a Jackson module: also what the CSV of the impact report writes times with. */
    public static SimpleModule timeTypes() {
        SimpleModule time = new SimpleModule("clearinghouse-java-time");
        time.addSerializer(Instant.class, InstantSerializer.INSTANCE);
        time.addDeserializer(Instant.class, InstantDeserializer.INSTANT);
        time.addSerializer(LocalDate.class, LocalDateSerializer.INSTANCE);
        time.addDeserializer(LocalDate.class, LocalDateDeserializer.INSTANCE);
        time.addSerializer(YearMonth.class, YearMonthSerializer.INSTANCE);
        time.addDeserializer(YearMonth.class, YearMonthDeserializer.INSTANCE);
        time.addSerializer(Duration.class, DurationSerializer.INSTANCE);
        time.addDeserializer(Duration.class, DurationDeserializer.INSTANCE);
        time.addSerializer(Period.class, new ToStringSerializer(Period.class));
        time.addDeserializer(Period.class, JSR310StringParsableDeserializer.PERIOD);
        time.addSerializer(ZoneId.class, new ZoneIdSerializer());
        time.addDeserializer(ZoneId.class, JSR310StringParsableDeserializer.ZONE_ID);
        // As map keys (JavaTimeModule's key deserializers; keys are written as their ISO-8601 text either way).
        time.addKeyDeserializer(Instant.class, InstantKeyDeserializer.INSTANCE);
        time.addKeyDeserializer(LocalDate.class, LocalDateKeyDeserializer.INSTANCE);
        time.addKeyDeserializer(YearMonth.class, YearMonthKeyDeserializer.INSTANCE);
        time.addKeyDeserializer(Duration.class, DurationKeyDeserializer.INSTANCE);
        time.addKeyDeserializer(Period.class, PeriodKeyDeserializer.INSTANCE);
        time.addKeyDeserializer(ZoneId.class, ZoneIdKeyDeserializer.INSTANCE);
        return time;
    }

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(timeTypes())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(
                    LogicalType.Textual,
                    strings -> strings.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    static {
        MAPPER.getFactory()
                .setStreamReadConstraints(
                        StreamReadConstraints.builder().maxNestingDepth(64).build());
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where in a document Jackson stopped: {@code contact.email}, {@code practiceAreas[1]}; empty at the top. */
    public static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) path.append('.');
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What a field of {@code type} must be, said as a person would (HTTP bodies and admin commands alike). */
    public static String expected(Class<?> type) {
        if (type == null) return "has the wrong type";
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum()) return "must be a string";
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class)
            return "must be a whole number";
        if (Number.class.isAssignableFrom(type) || type == double.class) return "must be a number";
        if (type == Boolean.class || type == boolean.class) return "must be true or false";
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) return "must be a list";
        return "must be an object";
    }
}
