package org.probono.clearinghouse.notify.handler;

import java.util.List;
import java.util.Map;

/**
 * DynamoDB stream records as the outbox's event filter delivers them: only the fields NotifyFunction
 * reads, the sequence number (named in a partial batch response) and the inserted item, in DynamoDB's JSON
 * ({@code {"id":{"S":"..."},...}}), which the outbox reads as it would read the table.
 */
record OutboxStreamEvent(List<Record> Records) {
    record Record(StreamRecord dynamodb) {}

    record StreamRecord(String SequenceNumber, Map<String, Object> NewImage) {}
}
