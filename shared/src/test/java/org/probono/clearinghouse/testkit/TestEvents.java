package org.probono.clearinghouse.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.probono.clearinghouse.local.backend.Template;

/**
 * Events for tests, built from the files in events/ (the tests' truth: the shapes Lambda delivers and
 * admins send) with the fields a test needs changed. Each call reads a fresh copy of the file.
 * <pre>{@code
 * TestEvents.http("submit-post-request.json").bearer(token).body(Map.of("title", "...")).bytes()
 * TestEvents.command("assign-suggest.json").with("requestId", id).with("limit", 3).json()
 * TestEvents.sesReceipt().recipient(replyAddress).verdict("spf", "FAIL").stream()
 * }</pre>
 */
public final class TestEvents {
    private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

    private TestEvents() {}

    /** Any file of events/, as it is; change it with {@link Event#with}. */
    public static Event file(String name) {
        return new Event(read(name));
    }

    /** Any JSON object (an HTTP body, say), copied, to change with {@link Event#with}. */
    public static Event of(JsonNode json) {
        return new Event(((ObjectNode) json).deepCopy());
    }

    /** An API Gateway HTTP API (payload 2.0) request, e.g. {@code submit-post-request.json}. */
    public static HttpApi http(String name) {
        return new HttpApi(read(name));
    }

    /** An admin command, e.g. {@code assign-assign.json}. */
    public static Event command(String name) {
        return file(name);
    }

    /** SES's receipt of one reply, every verdict PASS ({@code notify-ses-receipt.json}). */
    public static SesReceipt sesReceipt() {
        return new SesReceipt(read("notify-ses-receipt.json"));
    }

    /** One outbox item's INSERT on the table's stream ({@code notify-stream-outbox.json}). */
    public static Event streamRecord() {
        return file("notify-stream-outbox.json");
    }

    /** SES feedback through SNS ({@code notify-sns-bounce.json}); {@code Records[0].Sns.Message} is its JSON text. */
    public static Event sns() {
        return file("notify-sns-bounce.json");
    }

    /** The EventBridge schedule's event ({@code assign-schedule.json}). */
    public static Event schedule() {
        return file("assign-schedule.json");
    }

    private static ObjectNode read(String name) {
        Path file = Template.repositoryRoot().resolve("events").resolve(name);
        try {
            return (ObjectNode) TestJson.MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("events/" + name, e);
        }
    }

    /** An event being built; {@link #json()} and the others give it as Lambda would deliver it. */
    public static class Event {
        final ObjectNode json;

        Event(ObjectNode json) {
            this.json = json;
        }

        /**
         * Sets the field at {@code path} ({@code "requestId"}, {@code "Records[0].ses.mail.messageId"}),
         * creating the objects on the way, to {@code value} as JSON (a string, a number, a list, a map...).
         */
        public Event with(String path, Object value) {
            Parent parent = parentOf(path);
            JsonNode node = TestJson.MAPPER.valueToTree(value);
            if (parent.index >= 0) ((ArrayNode) parent.node).set(parent.index, node);
            else ((ObjectNode) parent.node).set(parent.name, node);
            return this;
        }

        /** Removes the field at {@code path}. */
        public Event without(String path) {
            Parent parent = parentOf(path);
            if (parent.index >= 0) ((ArrayNode) parent.node).remove(parent.index);
            else ((ObjectNode) parent.node).remove(parent.name);
            return this;
        }

        public ObjectNode json() {
            return json.deepCopy();
        }

        public String text() {
            return TestJson.write(json);
        }

        public byte[] bytes() {
            return text().getBytes(StandardCharsets.UTF_8);
        }

        /** What a {@code RequestStreamHandler} reads. */
        public InputStream stream() {
            return new ByteArrayInputStream(bytes());
        }

        private record Parent(JsonNode node, String name, int index) {}

        private Parent parentOf(String path) {
            Matcher step = STEP.matcher(path);
            JsonNode node = json;
            String name = null;
            int index = -1;
            while (step.find()) {
                if (name != null || index >= 0) node = child(node, name, index, step.group(2) != null);
                name = step.group(1);
                index = step.group(2) == null ? -1 : Integer.parseInt(step.group(2));
            }
            if (name == null && index < 0) throw new IllegalArgumentException("no field in " + path);
            return new Parent(node, name, index);
        }

        private static JsonNode child(JsonNode node, String name, int index, boolean nextIsIndex) {
            if (index >= 0) return node.get(index);
            ObjectNode object = (ObjectNode) node;
            if (!object.has(name) || object.get(name).isNull()) {
                if (nextIsIndex) object.putArray(name);
                else object.putObject(name);
            }
            return object.get(name);
        }
    }

    /** An HTTP API request: its body, headers, path parameters and query. */
    public static final class HttpApi extends Event {
        HttpApi(ObjectNode json) {
            super(json);
        }

        /** The body: a string as it is, anything else as JSON. */
        public HttpApi body(Object body) {
            json.put("body", body instanceof String text ? text : TestJson.write(body));
            json.put("isBase64Encoded", false);
            return this;
        }

        /** A header, lower-cased as API Gateway gives them. */
        public HttpApi header(String name, String value) {
            with("headers." + name.toLowerCase(Locale.ROOT), value);
            return this;
        }

        public HttpApi withoutHeader(String name) {
            without("headers." + name.toLowerCase(Locale.ROOT));
            return this;
        }

        public HttpApi bearer(String token) {
            return header("authorization", "Bearer " + token);
        }

        /** A path parameter ({@code id} of {@code /requests/{id}}); the raw path is left as the file has it. */
        public HttpApi pathParameter(String name, String value) {
            with("pathParameters." + name, value);
            return this;
        }

        public HttpApi query(String name, String value) {
            with("queryStringParameters." + name, value);
            return this;
        }
    }

    /** SES's receipt of a reply: its message id (the raw mail's key in the bucket), recipient and verdicts. */
    public static final class SesReceipt extends Event {
        SesReceipt(ObjectNode json) {
            super(json);
        }

        public SesReceipt messageId(String id) {
            with("Records[0].ses.mail.messageId", id);
            return this;
        }

        /** The address the reply was sent to ({@code reply+token@...}), as the receipt and the mail name it. */
        public SesReceipt recipient(String address) {
            with("Records[0].ses.receipt.recipients", java.util.List.of(address));
            with("Records[0].ses.mail.destination", java.util.List.of(address));
            return this;
        }

        /** {@code verdict("spf", "FAIL")}: spf, dkim, spam, virus or dmarc. */
        public SesReceipt verdict(String name, String status) {
            with("Records[0].ses.receipt." + name.toLowerCase(Locale.ROOT) + "Verdict.status", status);
            return this;
        }
    }
}
