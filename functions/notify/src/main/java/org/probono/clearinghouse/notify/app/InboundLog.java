package org.probono.clearinghouse.notify.app;

import java.time.Instant;

/**
 * One entry per received email, by its Message-ID: claimed before anything is decided, so a second
 * delivery of the same message changes nothing; then what the reply did and why (never the body).
 */
public interface InboundLog {
    /** False when this Message-ID was seen before. */
    boolean claim(String messageId, String sesMessageId, Instant at);

    void record(String messageId, String sesMessageId, String result, String detail, Instant at);

    /** Forgets a claim whose processing failed, so the retried delivery is processed. */
    void release(String messageId);
}
