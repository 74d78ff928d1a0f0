package org.probono.clearinghouse.notify.handler;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB stream records as the outbox's event filter delivers them: only the fields NotifyFunction
 * reads, the sequence number (named in a partial batch response) and the item's keys.
 */
record OutboxStreamEvent(@JsonProperty("Records") List<Record> records) {
    record Record(StreamRecord dynamodb) {}

    record StreamRecord(@JsonProperty("SequenceNumber") String sequenceNumber,
                        @JsonProperty("Keys") Map<String, StringValue> keys) {}

    /** A key attribute in DynamoDB's JSON: {@code {"S":"OUTBOX#..."}}. */
    record StringValue(@JsonProperty("S") String s) {}
}
