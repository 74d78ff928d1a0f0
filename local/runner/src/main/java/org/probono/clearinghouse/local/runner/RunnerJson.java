package org.probono.clearinghouse.local.runner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;

/**
 * The runner's own JSON: it builds Lambda events as trees, as API Gateway, SES and EventBridge would send
 * them, and reads the functions' answers. Jackson databind, as a development server can afford; the
 * functions read and write with shared's {@code json.Json} (jackson-jr), so the runner also checks that
 * what one writes the other reads.
 */
final class RunnerJson {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private RunnerJson() {}

    /** {@code value} as UTF-8 JSON: an event to invoke a function with, or an answer's body. */
    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
