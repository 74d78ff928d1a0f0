package org.probono.clearinghouse.notify.app;

import org.probono.clearinghouse.json.Tree;

/** The outbox email a stream record carries in its new image (DynamoDB JSON): no second read of the table. */
@FunctionalInterface
public interface OutboxImages {
    /** @throws IllegalArgumentException when the image is not an outbox item */
    Outbox.Entry entryOf(Tree newImage);
}
