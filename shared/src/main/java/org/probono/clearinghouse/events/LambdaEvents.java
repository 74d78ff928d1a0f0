package org.probono.clearinghouse.events;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.probono.clearinghouse.json.Json;

/**
 * Converts Lambda events with the runtime's own serializers (aws-lambda-java-serialization), exactly as
 * the Java runtime does for a typed RequestHandler: the event classes' field names and mix-ins are theirs
 * to get right, not ours. Serializers are built once per type.
 */
public final class LambdaEvents {
    private static final Map<Class<?>, PojoSerializer<?>> SERIALIZERS = new ConcurrentHashMap<>();

    private LambdaEvents() {}

    public static JsonNode readTree(InputStream input) {
        try {
            return Json.MAPPER.readTree(input);
        } catch (IOException e) {
            return null; // not JSON: the caller reports an unknown event shape
        }
    }

    /** The event as the runtime's type (APIGatewayV2HTTPEvent, DynamodbEvent, SNSEvent, ScheduledEvent...). */
    public static <T> T read(JsonNode event, Class<T> type) {
        byte[] json = Json.write(event).getBytes(StandardCharsets.UTF_8);
        return serializer(type).fromJson(new ByteArrayInputStream(json));
    }

    public static <T> String write(T value, Class<T> type) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer(type).toJson(value, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    public static <T> void write(T value, Class<T> type, OutputStream out) {
        serializer(type).toJson(value, out);
    }

    /** A plain result (admin commands, batch responses) as JSON. */
    public static void writeJson(Object value, OutputStream out) {
        try {
            out.write(Json.write(value).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> PojoSerializer<T> serializer(Class<T> type) {
        return (PojoSerializer<T>) SERIALIZERS.computeIfAbsent(type,
                t -> LambdaEventSerializers.serializerFor(t, LambdaEvents.class.getClassLoader()));
    }
}
