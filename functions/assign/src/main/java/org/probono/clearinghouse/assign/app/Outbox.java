package org.probono.clearinghouse.assign.app;

import org.probono.clearinghouse.domain.OutboxMessage;

/** Emails that report no state change of their own (the monthly report's request), queued for NotifyFunction. */
public interface Outbox {
    /** Queues {@code message} (a fresh id: it cannot collide). */
    void queue(OutboxMessage message);
}
