package org.probono.clearinghouse.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.jr.ob.api.ReaderWriterModifier;
import com.fasterxml.jackson.jr.ob.api.ReaderWriterProvider;
import com.fasterxml.jackson.jr.ob.api.ValueReader;
import com.fasterxml.jackson.jr.ob.api.ValueWriter;
import com.fasterxml.jackson.jr.ob.impl.JSONReader;
import com.fasterxml.jackson.jr.ob.impl.JSONWriter;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * jackson-jr's own readers coerce: {@code "3"} or {@code 3.5} into 3, {@code true} into "true", 1 into an
 * enumeration's second constant. These read only the JSON type a field has, and refuse anything else with a
 * {@link JsonInputException.WrongType} naming the field. Also the writers for java.time types (ISO-8601 text),
 * enumerations (their names) and records with {@link WrittenWhenNull} components.
 */
final class StrictValues extends ReaderWriterProvider {
    @Override
    public ValueReader findValueReader(JSONReader context, Class<?> type) {
        if (type == String.class) return new Scalar(type, p -> is(p, JsonToken.VALUE_STRING) ? p.getText() : null);
        if (type == Integer.class || type == int.class) {
            return new Scalar(type, p -> wholeNumber(p, JsonParser.NumberType.INT) ? p.getIntValue() : null);
        }
        if (type == Long.class || type == long.class) {
            return new Scalar(type, p -> wholeNumber(p, JsonParser.NumberType.LONG) ? p.getLongValue() : null);
        }
        if (type == Double.class || type == double.class) {
            return new Scalar(type, p -> p.currentToken().isNumeric() ? p.getDoubleValue() : null);
        }
        if (type == Boolean.class || type == boolean.class) {
            return new Scalar(type, p -> p.currentToken().isBoolean() ? p.getBooleanValue() : null);
        }
        if (type.isEnum()) return enumReader(type);
        refuseOtherTimeTypes(type);
        if (type == Instant.class) return time(type, Instant::parse);
        if (type == LocalDate.class) return time(type, LocalDate::parse);
        if (type == YearMonth.class) return time(type, YearMonth::parse);
        if (type == Duration.class) return time(type, Duration::parse);
        if (type == Period.class) return time(type, Period::parse);
        if (type == ZoneId.class) return time(type, ZoneId::of);
        return null;
    }

    @Override
    public ValueWriter findValueWriter(JSONWriter context, Class<?> type) {
        if (Json.TIME_TYPES.stream().anyMatch(time -> time.isAssignableFrom(type))) {
            return new Writer(type, (json, generator, value) -> generator.writeString(value.toString()));
        }
        refuseOtherTimeTypes(type);
        if (Enum.class.isAssignableFrom(type)) {
            return new Writer(type, (json, generator, value) -> generator.writeString(((Enum<?>) value).name()));
        }
        if (type.isRecord()
                && Arrays.stream(type.getRecordComponents())
                        .anyMatch(component -> component.isAnnotationPresent(WrittenWhenNull.class))) {
            return recordKeepingNulls(type);
        }
        return null;
    }

    /** jackson-jr would read or write any other java.time type as a bean of its getters: refused loudly instead. */
    private static void refuseOtherTimeTypes(Class<?> type) {
        if (type.getPackageName().equals("java.time") && !Json.TIME_TYPES.contains(type)) {
            throw new IllegalArgumentException(type.getName() + " is not one of the time types Json reads and writes");
        }
    }

    private static boolean is(JsonParser parser, JsonToken token) {
        return parser.currentToken() == token;
    }

    private static boolean wholeNumber(JsonParser parser, JsonParser.NumberType widest) throws IOException {
        if (!is(parser, JsonToken.VALUE_NUMBER_INT)) return false;
        JsonParser.NumberType type = parser.getNumberType();
        return type == JsonParser.NumberType.INT || type == widest;
    }

    private static ValueReader enumReader(Class<?> type) {
        Map<String, Object> byName = Arrays.stream(type.getEnumConstants())
                .collect(Collectors.toMap(constant -> ((Enum<?>) constant).name(), Function.identity()));
        String expected = "must be one of "
                + String.join(", ", byName.keySet().stream().sorted().toList());
        return new Scalar(type, p -> {
            if (!is(p, JsonToken.VALUE_STRING)) return null;
            Object constant = byName.get(p.getText());
            if (constant == null) throw new JsonInputException.WrongType(Json.path(p), expected);
            return constant;
        });
    }

    private static ValueReader time(Class<?> type, Function<String, Object> parse) {
        return new Scalar(type, p -> {
            if (!is(p, JsonToken.VALUE_STRING)) return null;
            try {
                return parse.apply(p.getText());
            } catch (DateTimeException e) {
                throw new JsonInputException.WrongType(
                        Json.path(p), "must be an ISO-8601 " + type.getSimpleName() + " (" + p.getText() + " is not)");
            }
        });
    }

    /** A component as written: its name, how to read it, and whether it is written when null. */
    private record Component(String name, Method accessor, boolean writtenWhenNull) {}

    /** A record's writer that writes its {@link WrittenWhenNull} components even when null; found once per type. */
    private static ValueWriter recordKeepingNulls(Class<?> type) {
        List<Component> components = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            Method accessor = component.getAccessor();
            accessor.setAccessible(true); // a record need not be public, as for jackson-jr's own writer
            components.add(
                    new Component(component.getName(), accessor, component.isAnnotationPresent(WrittenWhenNull.class)));
        }
        return new Writer(type, (json, generator, record) -> {
            generator.writeStartObject();
            for (Component component : components) {
                Object value;
                try {
                    value = component.accessor().invoke(record);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + component.name() + " of " + type, e);
                }
                if (value == null && !component.writtenWhenNull()) continue;
                generator.writeFieldName(component.name());
                json.writeValue(value);
            }
            generator.writeEndObject();
        });
    }

    @FunctionalInterface
    private interface Read {
        /** The value, or null if the current token is not of this type. */
        Object from(JsonParser parser) throws IOException;
    }

    /** A scalar of one JSON type; a JSON null is null, except for a primitive. */
    private static final class Scalar extends ValueReader {
        private final Read read;

        Scalar(Class<?> type, Read read) {
            super(type);
            this.read = read;
        }

        @Override
        public Object read(JSONReader context, JsonParser parser) throws IOException {
            if (is(parser, JsonToken.VALUE_NULL) && !_valueType.isPrimitive()) return null;
            Object value = is(parser, JsonToken.VALUE_NULL) ? null : read.from(parser);
            if (value == null) throw new JsonInputException.WrongType(Json.path(parser), Json.expected(_valueType));
            return value;
        }
    }

    @FunctionalInterface
    private interface Write {
        void write(JSONWriter json, JsonGenerator generator, Object value) throws IOException;
    }

    private record Writer(Class<?> valueType, Write write) implements ValueWriter {
        @Override
        public void writeValue(JSONWriter json, JsonGenerator generator, Object value) throws IOException {
            write.write(json, generator, value);
        }
    }

    /**
     * Lists, maps and records take only their own JSON shape: jackson-jr would otherwise try a record's
     * one-string constructor on a string, or fail with its own words on a list's.
     */
    static final class Shapes extends ReaderWriterModifier {
        @Override
        public ValueReader modifyValueReader(JSONReader context, Class<?> type, ValueReader reader) {
            if (reader instanceof Scalar || reader instanceof Shaped || type == Object.class) return reader;
            if (Collection.class.isAssignableFrom(type) || type.isArray()) {
                return new Shaped(type, JsonToken.START_ARRAY, reader);
            }
            if (Map.class.isAssignableFrom(type) || type.isRecord())
                return new Shaped(type, JsonToken.START_OBJECT, reader);
            return reader;
        }
    }

    private static final class Shaped extends ValueReader {
        private final JsonToken start;
        private final ValueReader reader;

        Shaped(Class<?> type, JsonToken start, ValueReader reader) {
            super(type);
            this.start = start;
            this.reader = reader;
        }

        @Override
        public Object read(JSONReader context, JsonParser parser) throws IOException {
            if (is(parser, JsonToken.VALUE_NULL)) return null;
            if (!is(parser, start))
                throw new JsonInputException.WrongType(Json.path(parser), Json.expected(_valueType));
            return reader.read(context, parser);
        }
    }
}
