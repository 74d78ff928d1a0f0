package org.probono.clearinghouse.notify.app;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The suppression list in a map, by normalised address; a later entry replaces an earlier one, as on the table. */
final class InMemorySuppressions implements Suppressions {
    record Entry(String reason, Instant at) {}

    private final Map<String, Entry> addresses = new ConcurrentHashMap<>();

    @Override
    public boolean isSuppressed(String email) {
        return email != null && addresses.containsKey(Suppressions.normalise(email));
    }

    @Override
    public void suppress(String email, String reason, Instant at) {
        addresses.put(Suppressions.normalise(email), new Entry(reason, at));
    }

    Map<String, Entry> entries() {
        return Map.copyOf(addresses);
    }
}
