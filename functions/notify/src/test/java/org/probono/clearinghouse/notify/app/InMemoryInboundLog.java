package org.probono.clearinghouse.notify.app;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The inbound log in a map: a Message-ID is claimed once (as attribute_not_exists does), then records its result. */
final class InMemoryInboundLog implements InboundLog {
    record Entry(String sesMessageId, String result, String detail) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public boolean claim(String messageId, String sesMessageId, Instant at) {
        return entries.putIfAbsent(messageId, new Entry(sesMessageId, "RECEIVED", null)) == null;
    }

    @Override
    public void record(String messageId, String sesMessageId, String result, String detail, Instant at) {
        entries.put(messageId, new Entry(sesMessageId, result, detail));
    }

    @Override
    public void release(String messageId) {
        entries.remove(messageId);
    }

    Optional<Entry> find(String messageId) {
        return Optional.ofNullable(entries.get(messageId));
    }
}
