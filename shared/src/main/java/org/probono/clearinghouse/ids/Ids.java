package org.probono.clearinghouse.ids;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * The one id generator: UUIDv7 (RFC 9562), so ids sort by creation time and say nothing guessable.
 * Within one millisecond, ids from one generator still increase (the random tail is a counter's seed).
 */
public final class Ids {
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private long lastMillis = -1;
    private long sequence;

    public Ids(Clock clock) {
        this.clock = clock;
    }

    public synchronized String next() {
        long millis = clock.millis();
        if (millis > lastMillis) {
            lastMillis = millis;
            sequence = random.nextInt(1 << 11);
        } else {
            sequence++;
            if (sequence >= 1 << 12) { // 4096 ids in one millisecond: borrow the next millisecond
                lastMillis++;
                sequence = 0;
            }
        }
        long high = (lastMillis << 16) | (0x7L << 12) | sequence;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
