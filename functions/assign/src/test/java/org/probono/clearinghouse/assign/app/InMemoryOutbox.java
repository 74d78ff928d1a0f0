package org.probono.clearinghouse.assign.app;

import java.util.ArrayList;
import java.util.List;
import org.probono.clearinghouse.domain.OutboxMessage;

/** {@link Outbox} in memory: the emails queued, in order; an id queued twice is refused as the table refuses it. */
final class InMemoryOutbox implements Outbox {
    private final List<OutboxMessage> queued = new ArrayList<>();

    @Override
    public void queue(OutboxMessage message) {
        if (queued.stream().anyMatch(m -> m.id().equals(message.id()))) {
            throw new IllegalStateException("outbox item " + message.id() + " already exists");
        }
        queued.add(message);
    }

    List<OutboxMessage> queued() {
        return List.copyOf(queued);
    }
}
