package org.probono.clearinghouse.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import org.probono.clearinghouse.json.Tree;

/**
 * The tests' own JSON reader and writer: Jackson databind with its whole java.time module, a second, independent
 * binder, so a test that reads what a function wrote (or sends what it built) also checks that the functions'
 * jackson-jr writes and reads plain JSON. Never used by main code.
 */
public final class TestJson {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private TestJson() {}

    /** A databind tree as the functions' {@link Tree}, as an event arrives. */
    public static Tree tree(JsonNode node) {
        return org.probono.clearinghouse.json.Json.tree(node.toString());
    }

    /** JSON text as the functions' {@link Tree}. */
    public static Tree tree(String json) {
        return org.probono.clearinghouse.json.Json.tree(json);
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
