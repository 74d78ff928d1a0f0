package org.probono.clearinghouse.notify.handler;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * DynamoDB stream records as the outbox's event filter delivers them: only the fields NotifyFunction
 * reads, the sequence number (named in a partial batch response) and the inserted item, in DynamoDB's JSON
 * ({@code {"id":{"S":"..."},...}}), which the outbox reads as it would read the table.
 */
record OutboxStreamEvent(@JsonProperty("Records") List<Record> records) {
    record Record(StreamRecord dynamodb) {}

    record StreamRecord(
            @JsonProperty("SequenceNumber") String sequenceNumber,
            @JsonProperty("NewImage") JsonNode newImage) {}
}
