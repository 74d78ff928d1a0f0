package org.probono.clearinghouse.local.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorResponse;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * How the pump follows shards through their life, on a stream whose shards close, split, expire their
 * iterators and trim old records at will: things moto and dynoxide never do, and DynamoDB does.
 */
class StreamShardsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Streams streams = new Streams();
    private final List<String> delivered = new ArrayList<>();
    private final List<String> said = new ArrayList<>();

    private StreamPump pump(StreamPump.StartingPosition start) {
        return new StreamPump(
                streams,
                "arn:stream",
                10,
                List.of(),
                start,
                batch -> {
                    try {
                        for (JsonNode record : JSON.readTree(batch).path("Records")) {
                            delivered.add(record.path("dynamodb")
                                    .path("Keys")
                                    .path("PK")
                                    .path("S")
                                    .asText());
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return "{}";
                },
                "NotifyFunction",
                said::add);
    }

    @Test
    void a_parent_is_read_to_its_end_before_its_child_and_never_again() {
        streams.shard("parent", null).add("P1").add("P2");
        StreamPump pump = pump(StreamPump.StartingPosition.TRIM_HORIZON);
        streams.shard("child", "parent").add("C1");
        streams.shards.get("parent").add("P3").close();

        pump.pollOnce();
        pump.pollOnce();
        streams.shards.get("child").add("C2");
        pump.pollOnce();
        pump.pollOnce();

        assertThat(delivered).containsExactly("P1", "P2", "P3", "C1", "C2");
    }

    @Test
    void an_expired_iterator_is_renewed_after_the_last_record_read() {
        streams.shard("only", null).add("A");
        StreamPump pump = pump(StreamPump.StartingPosition.TRIM_HORIZON);
        pump.pollOnce();
        streams.shards.get("only").add("B");
        streams.expireEveryIteratorOnce = true;
        pump.pollOnce();

        assertThat(delivered).containsExactly("A", "B");
        assertThat(said).isEmpty();
    }

    @Test
    void records_trimmed_before_they_were_read_are_said_and_reading_goes_on_from_the_oldest_kept() {
        streams.shard("only", null).add("A");
        StreamPump pump = pump(StreamPump.StartingPosition.TRIM_HORIZON);
        pump.pollOnce();
        streams.shards.get("only").add("B").add("C").add("D").trimTo(2);
        pump.pollOnce();

        assertThat(delivered).containsExactly("A", "C", "D");
        assertThat(said).singleElement().asString().contains("were trimmed before they were read");
    }

    @Test
    void latest_starts_after_what_every_open_shard_holds() {
        streams.shard("only", null).add("old-1").add("old-2");
        StreamPump pump = pump(StreamPump.StartingPosition.LATEST);
        streams.shards.get("only").add("new");
        pump.pollOnce();

        assertThat(delivered).containsExactly("new");
    }

    /** An in-memory DynamoDB Streams API: shards of numbered records, iterators that can expire, trimming. */
    static final class Streams implements DynamoDbStreamsClient {
        final Map<String, FakeShard> shards = new LinkedHashMap<>();
        boolean expireEveryIteratorOnce;
        private long nextSequence = 100;

        FakeShard shard(String id, String parent) {
            FakeShard shard = new FakeShard(id, parent);
            shards.put(id, shard);
            return shard;
        }

        final class FakeShard {
            final String id;
            final String parent;
            final List<Record> records = new ArrayList<>();
            boolean closed;
            int trimmed;

            FakeShard(String id, String parent) {
                this.id = id;
                this.parent = parent;
            }

            FakeShard add(String pk) {
                String sequence = Long.toString(nextSequence++);
                records.add(Record.builder()
                        .eventID(sequence)
                        .eventName(OperationType.INSERT)
                        .dynamodb(StreamRecord.builder()
                                .sequenceNumber(sequence)
                                .keys(Map.of("PK", AttributeValue.fromS(pk)))
                                .streamViewType("NEW_AND_OLD_IMAGES")
                                .build())
                        .build());
                return this;
            }

            FakeShard close() {
                closed = true;
                return this;
            }

            void trimTo(int kept) {
                trimmed = records.size() - kept;
            }

            int after(String sequence) {
                for (int i = 0; i < records.size(); i++) {
                    if (new BigInteger(records.get(i).dynamodb().sequenceNumber()).compareTo(new BigInteger(sequence))
                            > 0) return i;
                }
                return records.size();
            }
        }

        @Override
        public DescribeStreamResponse describeStream(DescribeStreamRequest request) {
            List<Shard> described = new ArrayList<>();
            shards.values()
                    .forEach(s -> described.add(Shard.builder()
                            .shardId(s.id)
                            .parentShardId(s.parent)
                            .build()));
            return DescribeStreamResponse.builder()
                    .streamDescription(d -> d.shards(described))
                    .build();
        }

        @Override
        public DescribeStreamResponse describeStream(Consumer<DescribeStreamRequest.Builder> request) {
            return describeStream(
                    DescribeStreamRequest.builder().applyMutation(request).build());
        }

        @Override
        public GetShardIteratorResponse getShardIterator(GetShardIteratorRequest request) {
            FakeShard shard = shards.get(request.shardId());
            int position = request.shardIteratorType() == ShardIteratorType.AFTER_SEQUENCE_NUMBER
                    ? shard.after(request.sequenceNumber())
                    : shard.trimmed;
            if (position < shard.trimmed)
                throw TrimmedDataAccessException.builder().message("trimmed").build();
            return GetShardIteratorResponse.builder()
                    .shardIterator(shard.id + "@" + position)
                    .build();
        }

        @Override
        public GetShardIteratorResponse getShardIterator(Consumer<GetShardIteratorRequest.Builder> request) {
            return getShardIterator(
                    GetShardIteratorRequest.builder().applyMutation(request).build());
        }

        @Override
        public GetRecordsResponse getRecords(GetRecordsRequest request) {
            if (expireEveryIteratorOnce) {
                expireEveryIteratorOnce = false;
                throw ExpiredIteratorException.builder().message("expired").build();
            }
            String[] parts = request.shardIterator().split("@");
            FakeShard shard = shards.get(parts[0]);
            int position = Integer.parseInt(parts[1]);
            List<Record> page = shard.records.subList(position, shard.records.size());
            boolean ended = shard.closed && page.isEmpty();
            String next = ended ? null : shard.id + "@" + shard.records.size();
            return GetRecordsResponse.builder()
                    .records(List.copyOf(page))
                    .nextShardIterator(next)
                    .build();
        }

        @Override
        public GetRecordsResponse getRecords(Consumer<GetRecordsRequest.Builder> request) {
            return getRecords(GetRecordsRequest.builder().applyMutation(request).build());
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {}
    }
}
