package org.probono.clearinghouse.notify.app;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.probono.clearinghouse.domain.Token;

/**
 * Reply tokens in a map, with what the table would say of each: its purpose, its expiry, and whether its
 * offer is still pending (an offer reply) or its matter still held (a completion reply).
 */
final class InMemoryReplyTokens implements ReplyTokens {
    record Given(Holder holder, Token.Purpose purpose, Instant expiresAt, boolean stillOpen) {}

    private final Map<String, Given> tokens = new ConcurrentHashMap<>();

    void give(String token, Holder holder, Token.Purpose purpose, Instant expiresAt, boolean stillOpen) {
        tokens.put(token, new Given(holder, purpose, expiresAt, stillOpen));
    }

    @Override
    public Optional<Holder> open(String token, Instant now) {
        return live(token, now)
                .filter(g -> g.purpose() == Token.Purpose.OFFER_REPLY && g.stillOpen())
                .map(Given::holder);
    }

    @Override
    public Optional<Token.Purpose> purpose(String token, Instant now) {
        return live(token, now).map(Given::purpose);
    }

    @Override
    public Optional<Holder> holdingMatter(String token, Instant now) {
        return live(token, now)
                .filter(g -> g.purpose() == Token.Purpose.COMPLETION_REPLY && g.stillOpen())
                .map(Given::holder);
    }

    private Optional<Given> live(String token, Instant now) {
        return Optional.ofNullable(tokens.get(token)).filter(g -> g.expiresAt().isAfter(now));
    }
}
