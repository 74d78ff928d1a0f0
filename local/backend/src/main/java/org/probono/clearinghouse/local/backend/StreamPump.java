package org.probono.clearinghouse.local.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * What Lambda's event source mapping does for a DynamoDB stream, done locally: reads every shard of the
 * table's stream, turns each record into the JSON Lambda delivers, keeps only what the template's
 * {@code FilterCriteria} lets through, hands batches of the template's {@code BatchSize} to a function
 * (JSON in, JSON out), and honours partial batch responses ({@code batchItemFailures}): delivery resumes
 * at the first failed record on the next poll. A function that throws fails its whole batch likewise.
 *
 * <p>Like Lambda's poller, each poll reads a shard from a fresh iterator taken after the last sequence
 * number it read ({@code AFTER_SEQUENCE_NUMBER}), never from an iterator kept across polls: iterators
 * expire (15 minutes on AWS), and moto's undo of a failed transaction leaves every older iterator silent.
 * A parent shard is read to its end before its children; an ended shard is never read again.
 * When polling or the function keeps failing, one line says so, and one more when it works again.
 * {@link #pollOnce()} for tests; {@link #start()} polls in the background until {@link #close()}.
 */
public final class StreamPump implements AutoCloseable {
    public enum StartingPosition {
        TRIM_HORIZON,
        LATEST
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long POLL_MILLIS = 250;

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final String region;
    private final int batchSize;
    private final List<JsonNode> filters;
    private final UnaryOperator<String> function;
    private final String functionName;
    private final Consumer<String> say;
    private final Outage reading;
    private final Outage delivering;
    private final Map<String, ShardReader> shards = new LinkedHashMap<>();
    private ScheduledExecutorService background;

    StreamPump(
            DynamoDbStreamsClient streams,
            String streamArn,
            int batchSize,
            List<JsonNode> filters,
            StartingPosition start,
            UnaryOperator<String> function,
            String functionName,
            Consumer<String> say) {
        this.streams = streams;
        this.streamArn = streamArn;
        this.region = AwsBackend.REGION;
        this.batchSize = batchSize;
        this.filters = List.copyOf(filters);
        this.function = function;
        this.functionName = functionName;
        this.say = say;
        this.reading = new Outage("The table's stream (for " + functionName + ")", say);
        this.delivering = new Outage(functionName + " (stream records)", say);
        // Shards open now start where told; shards that appear later are read from their beginning.
        for (Shard shard : describe().shards()) {
            ShardReader reader = new ShardReader(shard.shardId(), shard.parentShardId());
            if (start == StartingPosition.LATEST) reader.skipToEnd();
            shards.put(shard.shardId(), reader);
        }
    }

    /**
     * A pump for the DynamoDB event of {@code functionId} in {@code template} (its batch size and filter),
     * on the stream of the local backend's table, delivering to {@code function}; trouble goes to stderr.
     */
    public static StreamPump forFunction(
            LocalAws aws,
            Template template,
            String functionId,
            StartingPosition start,
            UnaryOperator<String> function) {
        return forFunction(aws, template, functionId, start, function, System.err::println);
    }

    /** As above, with the one-line reports of failure and recovery going to {@code say}. */
    public static StreamPump forFunction(
            LocalAws aws,
            Template template,
            String functionId,
            StartingPosition start,
            UnaryOperator<String> function,
            Consumer<String> say) {
        JsonNode event = streamEvent(template, functionId);
        JsonNode properties = event.path("Properties");
        List<JsonNode> filters = new ArrayList<>();
        for (JsonNode filter : properties.path("FilterCriteria").path("Filters")) {
            filters.add(parse(filter.path("Pattern").asText()));
        }
        String streamArn = aws.dynamoDb()
                .describeTable(t -> t.tableName(aws.tableName()))
                .table()
                .latestStreamArn();
        if (streamArn == null) throw new IllegalStateException("table " + aws.tableName() + " has no stream");
        return new StreamPump(
                aws.streams(),
                streamArn,
                properties.path("BatchSize").asInt(100),
                filters,
                start,
                function,
                functionId,
                say);
    }

    /** NotifyFunction's outbox stream, as template.yaml defines it. */
    public static StreamPump forNotify(LocalAws aws, StartingPosition start, UnaryOperator<String> function) {
        return forFunction(aws, Template.fromRepository(), "NotifyFunction", start, function);
    }

    static JsonNode streamEvent(Template template, String functionId) {
        for (JsonNode event : template.resource(functionId).path("Properties").path("Events")) {
            if (event.path("Type").asText().equals("DynamoDB")) return event;
        }
        throw new IllegalArgumentException(functionId + " has no DynamoDB event in " + template.file());
    }

    /**
     * Delivers every record available now, batch by batch, stopping at a shard's first failed batch
     * (redelivered next time). Returns how many records were handed to the function, failed ones included.
     */
    public synchronized int pollOnce() {
        try {
            for (Shard shard : describe().shards()) {
                shards.computeIfAbsent(shard.shardId(), id -> new ShardReader(id, shard.parentShardId()));
            }
            for (ShardReader shard : shards.values()) {
                if (parentStillOpen(shard)) continue;
                shard.fetch();
            }
            reading.worked();
        } catch (SdkException e) {
            reading.failed("could not read it: " + Outage.describe(e));
        }
        int delivered = 0;
        for (ShardReader shard : shards.values()) delivered += shard.deliver();
        return delivered;
    }

    /** Lambda reads a parent shard to its end before any of its children. */
    private boolean parentStillOpen(ShardReader shard) {
        ShardReader parent = shard.parentId == null ? null : shards.get(shard.parentId);
        return parent != null && !parent.finished();
    }

    /** Polls every ~250 ms on a daemon thread until {@link #close()}; a failing poll is reported and retried. */
    public synchronized StreamPump start() {
        if (background != null) return this;
        background = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "stream-pump");
            thread.setDaemon(true);
            return thread;
        });
        background.scheduleWithFixedDelay(
                () -> {
                    try {
                        pollOnce();
                    } catch (RuntimeException e) {
                        reading.failed("the poll failed: " + Outage.describe(e));
                    }
                },
                0,
                POLL_MILLIS,
                TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public void close() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = background;
            background = null;
        }
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        streams.close();
    }

    private StreamDescription describe() {
        return streams.describeStream(d -> d.streamArn(streamArn)).streamDescription();
    }

    /**
     * One shard: the last sequence number read from it (delivered, or filtered out), whether it has
     * ended, and the filtered records not yet delivered successfully.
     */
    private final class ShardReader {
        private final String shardId;
        private final String parentId;
        private String lastSequence;
        private boolean ended;
        private final Deque<ObjectNode> pending = new ArrayDeque<>();

        ShardReader(String shardId, String parentId) {
            this.shardId = shardId;
            this.parentId = parentId;
        }

        /** Reads and drops what the shard holds now, so that delivery starts with the next record (LATEST). */
        void skipToEnd() {
            read(record -> {});
        }

        void fetch() {
            read(record -> {
                ObjectNode json = lambdaRecord(record, streamArn, region);
                if (passes(json)) pending.add(json);
            });
        }

        private void read(Consumer<Record> take) {
            if (ended) return;
            String iterator = iterator();
            boolean renewed = false;
            while (iterator != null) {
                GetRecordsResponse response;
                try {
                    String current = iterator;
                    response = streams.getRecords(g -> g.shardIterator(current));
                } catch (ExpiredIteratorException e) {
                    if (renewed) throw e;
                    renewed = true;
                    iterator = iterator();
                    continue;
                }
                for (Record record : response.records()) {
                    lastSequence = record.dynamodb().sequenceNumber();
                    take.accept(record);
                }
                iterator = response.nextShardIterator();
                if (response.records().isEmpty()) break;
            }
            if (iterator == null) ended = true;
        }

        /** A fresh iterator after the last record read, or at the shard's start when nothing was read yet. */
        private String iterator() {
            try {
                return streams.getShardIterator(g -> {
                            g.streamArn(streamArn).shardId(shardId);
                            if (lastSequence == null) g.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
                            else
                                g.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                                        .sequenceNumber(lastSequence);
                        })
                        .shardIterator();
            } catch (TrimmedDataAccessException e) {
                // The stream no longer holds the position (24 hours passed): what it still holds is all there is.
                say.accept("The table's stream (for " + functionName + "): records after " + lastSequence + " in shard "
                        + shardId + " were trimmed before they were read; reading on from the oldest record kept.");
                lastSequence = null;
                return streams.getShardIterator(g -> g.streamArn(streamArn)
                                .shardId(shardId)
                                .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                        .shardIterator();
            }
        }

        int deliver() {
            int delivered = 0;
            while (!pending.isEmpty()) {
                List<ObjectNode> batch = new ArrayList<>();
                for (ObjectNode record : pending) {
                    if (batch.size() == batchSize) break;
                    batch.add(record);
                }
                delivered += batch.size();
                int succeeded = invoke(batch);
                for (int i = 0; i < succeeded; i++) pending.removeFirst();
                if (succeeded < batch.size()) break;
            }
            return delivered;
        }

        boolean finished() {
            return ended && pending.isEmpty();
        }
    }

    /** Calls the function; returns how many leading records of the batch need no redelivery. */
    private int invoke(List<ObjectNode> batch) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        ArrayNode records = event.putArray("Records");
        batch.forEach(records::add);
        String answer;
        try {
            answer = function.apply(event.toString());
        } catch (RuntimeException e) {
            delivering.failed("it threw " + Outage.describe(e) + "; the batch will be delivered again");
            return 0;
        }
        int succeeded = firstFailure(batch, answer);
        if (succeeded < batch.size()) {
            delivering.failed("it reported " + (batch.size() - succeeded) + " of " + batch.size()
                    + " records as failed; they will be delivered again");
        } else {
            delivering.worked();
        }
        return succeeded;
    }

    static int firstFailure(List<? extends JsonNode> batch, String answer) {
        if (answer == null || answer.isBlank()) return batch.size();
        JsonNode failures = parse(answer).path("batchItemFailures");
        int first = batch.size();
        for (JsonNode failure : failures) {
            String id = failure.path("itemIdentifier").asText();
            int index = 0;
            for (JsonNode record : batch) {
                if (record.path("dynamodb").path("SequenceNumber").asText().equals(id)) break;
                index++;
            }
            // An identifier that names no record of the batch fails the whole batch, as on Lambda.
            first = Math.min(first, index == batch.size() ? 0 : index);
        }
        return first;
    }

    boolean passes(JsonNode record) {
        if (filters.isEmpty()) return true;
        for (JsonNode filter : filters) {
            if (matches(filter, record)) return true;
        }
        return false;
    }

    /**
     * The subset of EventBridge-style patterns that event filtering uses here: nested objects, and arrays
     * of exact values (a scalar in the event must equal one of them; an array in the event, contain one).
     */
    static boolean matches(JsonNode pattern, JsonNode event) {
        if (pattern.isObject()) {
            if (!event.isObject()) return false;
            for (Map.Entry<String, JsonNode> field : pattern.properties()) {
                if (!event.has(field.getKey()) || !matches(field.getValue(), event.get(field.getKey()))) return false;
            }
            return true;
        }
        if (pattern.isArray()) {
            for (JsonNode allowed : pattern) {
                if (event.isArray()) {
                    for (JsonNode element : event) if (sameValue(allowed, element)) return true;
                } else if (sameValue(allowed, event)) {
                    return true;
                }
            }
            return false;
        }
        return sameValue(pattern, event);
    }

    private static boolean sameValue(JsonNode allowed, JsonNode actual) {
        if (allowed.isNumber() && actual.isNumber())
            return allowed.decimalValue().compareTo(actual.decimalValue()) == 0;
        return allowed.isValueNode() && allowed.equals(actual);
    }

    /** A stream record as Lambda's DynamoDB event source delivers it. */
    static ObjectNode lambdaRecord(Record record, String streamArn, String region) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("eventID", record.eventID());
        json.put("eventName", record.eventNameAsString());
        json.put("eventVersion", "1.1");
        json.put("eventSource", "aws:dynamodb");
        json.put("awsRegion", record.awsRegion() != null ? record.awsRegion() : region);
        ObjectNode dynamodb = json.putObject("dynamodb");
        var data = record.dynamodb();
        if (data.approximateCreationDateTime() != null) {
            dynamodb.put(
                    "ApproximateCreationDateTime",
                    data.approximateCreationDateTime().getEpochSecond());
        }
        if (data.hasKeys()) dynamodb.set("Keys", item(data.keys()));
        if (data.hasNewImage()) dynamodb.set("NewImage", item(data.newImage()));
        if (data.hasOldImage()) dynamodb.set("OldImage", item(data.oldImage()));
        dynamodb.put("SequenceNumber", data.sequenceNumber());
        if (data.sizeBytes() != null) dynamodb.put("SizeBytes", data.sizeBytes());
        dynamodb.put("StreamViewType", data.streamViewTypeAsString());
        json.put("eventSourceARN", streamArn);
        return json;
    }

    static ObjectNode item(Map<String, AttributeValue> attributes) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        attributes.forEach((name, value) -> json.set(name, attribute(value)));
        return json;
    }

    /** One attribute value in DynamoDB JSON ({@code {"S":"x"}}, {@code {"N":"1"}}, {@code {"M":{...}}}...). */
    static ObjectNode attribute(AttributeValue value) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        switch (value.type()) {
            case S -> json.put("S", value.s());
            case N -> json.put("N", value.n());
            case B -> json.put("B", base64(value.b()));
            case BOOL -> json.put("BOOL", value.bool());
            case NUL -> json.put("NULL", true);
            case SS -> value.ss().forEach(json.putArray("SS")::add);
            case NS -> value.ns().forEach(json.putArray("NS")::add);
            case BS -> value.bs().forEach(b -> json.withArray("BS").add(base64(b)));
            case M -> json.set("M", item(value.m()));
            case L -> {
                ArrayNode list = json.putArray("L");
                value.l().forEach(element -> list.add(attribute(element)));
            }
            default -> throw new IllegalArgumentException("unknown attribute type " + value.type());
        }
        return json;
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }
}
