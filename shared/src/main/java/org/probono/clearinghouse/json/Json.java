package org.probono.clearinghouse.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.jr.ob.JSON;
import com.fasterxml.jackson.jr.ob.JSONObjectException;
import com.fasterxml.jackson.jr.ob.JacksonJrExtension;
import com.fasterxml.jackson.jr.ob.api.ExtensionContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The one JSON binder, jackson-jr (Jackson's small binder on jackson-core; databind's set-up alone took a
 * quarter of a cold start: docs/performance.md). Records are read through their canonical constructors and
 * written in declaration order, absent (null) fields left out ({@link WrittenWhenNull} keeps one); the
 * java.time types our records carry as ISO-8601 text. Reading is strict ({@link StrictValues}): an unknown
 * field, or a value of the wrong type, is a {@link JsonInputException} naming the field, never ignored or
 * coerced. Built once; thread-safe.
 */
public final class Json {
    private Json() {}

    /**
     * The java.time types our records carry, written as ISO-8601 text and read back from it. A record
     * carrying another java.time type fails the architecture test that checks every record against this set
     * ({@code testkit.Layers}).
     */
    public static final Set<Class<?>> TIME_TYPES =
            Set.of(Instant.class, LocalDate.class, YearMonth.class, Duration.class, Period.class, ZoneId.class);

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build();

    private static final JSON STRICT = JSON.builder(FACTORY)
            .register(new JacksonJrExtension() {
                @Override
                protected void register(ExtensionContext context) {
                    context.insertProvider(new StrictValues());
                    context.insertModifier(new StrictValues.Shapes());
                }
            })
            .enable(JSON.Feature.FAIL_ON_UNKNOWN_BEAN_PROPERTY)
            .enable(JSON.Feature.WRITE_RECORD_FIELDS_IN_DECLARATION_ORDER)
            .disable(JSON.Feature.WRITE_NULL_PROPERTIES)
            // A repeated key keeps its last value, in trees as in records (as databind did); not "not JSON".
            .disable(JSON.Feature.FAIL_ON_DUPLICATE_MAP_KEYS)
            .build();

    /** For Lambda events: AWS adds fields no function reads, so unknown fields are skipped here. */
    private static final JSON LENIENT = STRICT.without(JSON.Feature.FAIL_ON_UNKNOWN_BEAN_PROPERTY);

    /** {@code json} as {@code type}, strictly; null for a JSON {@code null}. */
    public static <T> T read(byte[] json, Class<T> type) {
        return read(STRICT, json, type);
    }

    /** A tree ({@link #tree}) as {@code type}, skipping fields {@code type} does not have (Lambda events). */
    public static <T> T readIgnoringUnknown(Tree tree, Class<T> type) {
        return read(LENIENT, writeBytes(tree.value()), type);
    }

    /** A tree ({@link #tree}) as {@code type}, strictly (admin commands). */
    public static <T> T read(Tree tree, Class<T> type) {
        return read(STRICT, writeBytes(tree.value()), type);
    }

    private static <T> T read(JSON json, byte[] bytes, Class<T> type) {
        try (JsonParser parser = json.createParser(bytes)) {
            JsonToken first = parser.nextToken();
            if (first == null) throw new JsonInputException.NotJson();
            if (first == JsonToken.VALUE_NULL) return requireEnd(parser, null);
            if (type.isRecord() && first != JsonToken.START_OBJECT) throw new JsonInputException.NotAnObject();
            T value;
            try {
                value = json.beanFrom(type, parser);
            } catch (JSONObjectException e) {
                throw inputProblem(e, parser, type);
            }
            return requireEnd(parser, value);
        } catch (JsonInputException e) {
            throw e;
        } catch (IOException e) {
            // Bytes in memory: any failure to read them is the input's (bad JSON, or bytes jackson-core takes
            // for UTF-32 and cannot decode), never the machine's.
            throw new JsonInputException.NotJson();
        }
    }

    private static <T> T requireEnd(JsonParser parser, T value) throws IOException {
        if (parser.nextToken() != null) throw new JsonInputException.NotJson();
        return value;
    }

    /** What went wrong inside jackson-jr, in our terms: a strict reader's refusal, or an unknown field. */
    private static JsonInputException inputProblem(JSONObjectException e, JsonParser parser, Class<?> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonInputException input) return input;
        }
        // jackson-jr stops on the name of a field the record does not have.
        if (parser.currentToken() == JsonToken.FIELD_NAME) {
            String path = path(parser);
            List<String> known = path.contains(".") || path.contains("[")
                    ? List.of()
                    : Arrays.stream(type.getRecordComponents())
                            .map(RecordComponent::getName)
                            .sorted()
                            .toList();
            return new JsonInputException.UnknownField(path, known);
        }
        // A list or an object where a single value belongs, or the other way round.
        return new JsonInputException.WrongType(path(parser), "has the wrong type");
    }

    /** Where the parser is: {@code contact.email}, {@code practiceAreas[1]}; empty at the top. */
    static String path(JsonParser parser) {
        List<String> parts = new ArrayList<>();
        JsonStreamContext innermost = parser.getParsingContext();
        // On the opening of a list or an object, the parser is already inside it: the field is the one around it.
        if (parser.currentToken() != null && parser.currentToken().isStructStart()) innermost = innermost.getParent();
        for (JsonStreamContext context = innermost;
                context != null && !context.inRoot();
                context = context.getParent()) {
            if (context.inObject() && context.getCurrentName() != null) parts.addFirst("." + context.getCurrentName());
            else if (context.inArray()) parts.addFirst("[" + Math.max(0, context.getCurrentIndex()) + "]");
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    /**
     * Any JSON as a {@link Tree} of maps, lists, strings, numbers, booleans and nulls; a {@link
     * JsonInputException.NotJson} if it is not JSON.
     */
    public static Tree tree(InputStream input) {
        try (JsonParser parser = STRICT.createParser(input)) {
            return tree(parser);
        } catch (IOException e) {
            throw new JsonInputException.NotJson();
        }
    }

    /** {@link #tree(InputStream)} of text. */
    public static Tree tree(String json) {
        try (JsonParser parser = STRICT.createParser(json)) {
            return tree(parser);
        } catch (IOException e) {
            throw new JsonInputException.NotJson();
        }
    }

    private static Tree tree(JsonParser parser) throws IOException {
        if (parser.nextToken() == null) throw new JsonInputException.NotJson();
        Object value = STRICT.anyFrom(parser);
        if (parser.nextToken() != null) throw new JsonInputException.NotJson();
        return Tree.of(value);
    }

    /** {@code value} as JSON text: records, maps, lists, strings, numbers, booleans, enums, time types, trees. */
    public static String write(Object value) {
        try {
            return STRICT.asString(unwrap(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #write(Object)} as UTF-8 onto {@code out}, which stays open. */
    public static void write(Object value, OutputStream out) {
        try (JsonGenerator json = generator(out)) {
            STRICT.write(unwrap(value), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] writeBytes(Object value) {
        try {
            return STRICT.asBytes(unwrap(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object unwrap(Object value) {
        return value instanceof Tree tree ? tree.value() : value;
    }

    /** A generator onto {@code out} for answers written piece by piece; closing it leaves {@code out} open. */
    public static JsonGenerator generator(OutputStream out) throws IOException {
        return FACTORY.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /** What a field of {@code type} must be, said as a person would (HTTP bodies and admin commands alike). */
    public static String expected(Class<?> type) {
        if (type == null) return "has the wrong type";
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum() || TIME_TYPES.contains(type))
            return "must be a string";
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class)
            return "must be a whole number";
        if (Number.class.isAssignableFrom(type) || type == double.class) return "must be a number";
        if (type == Boolean.class || type == boolean.class) return "must be true or false";
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) return "must be a list";
        return "must be an object";
    }
}
