package org.probono.clearinghouse.notify.app;

import com.fasterxml.jackson.databind.JsonNode;

/** The outbox email a stream record carries in its new image (DynamoDB JSON): no second read of the table. */
@FunctionalInterface
public interface OutboxImages {
    /** @throws IllegalArgumentException when the image is not an outbox item */
    Outbox.Entry entryOf(JsonNode newImage);
}
