package org.probono.clearinghouse.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.probono.clearinghouse.json.Json;

/**
 * Reads Lambda events and writes answers with the project's one ObjectMapper: API Gateway's request and
 * response as aws-lambda-java-events' plain beans, the other triggers as small records of the fields a
 * function reads. Not the runtime's serialization library: it brings a second, shaded Jackson and
 * joda-time (about 900 classes, a fifth of a second of a cold start) for the same job. The files in
 * events/ are the truth: LambdaEventsTest reads each as the runtime would and as we do, and compares.
 */
public final class LambdaEvents {
    /** Events carry fields no function reads, and AWS adds more: ignored here, unlike in request bodies. */
    private static final ObjectReader EVENTS = Json.MAPPER.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private LambdaEvents() {}

    static JsonNode readTree(InputStream input) {
        try {
            return Json.MAPPER.readTree(input);
        } catch (IOException e) {
            return null; // not JSON: the caller reports an unknown event shape
        }
    }

    /**
     * The event as {@code type}: APIGatewayV2HTTPEvent, or a function's record of the fields it reads. The
     * tree {@link #readTree} parsed is walked, not written out and parsed again: each event is parsed once.
     */
    public static <T> T read(JsonNode event, Class<T> type) {
        try {
            return EVENTS.forType(type).readValue(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An answer (an API Gateway response, an admin command's result, a batch response) as JSON. */
    public static void writeJson(Object value, OutputStream out) {
        try {
            out.write(Json.write(value).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
