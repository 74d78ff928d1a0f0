package org.probono.clearinghouse.store;

import org.probono.clearinghouse.domain.ProfileKind;
import org.probono.clearinghouse.domain.Token;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/**
 * Token ⇄ item, under {@code TOKEN#sha256}. Its expiry is also the TTL attribute. Organisation access
 * tokens alone are also in GSI1 under their organisation (sparse), so a reissue finds and deletes them.
 */
public final class TokenItems {
    public static final String ENTITY = "TOKEN";

    private TokenItems() {}

    public static EnhancedDocument toItem(Token token) {
        Item.Writer item = Item.write(ENTITY, Keys.token(token.hash()))
                .enumValue("purpose", token.purpose())
                .enumValue("kind", token.kind())
                .string("subjectId", token.subjectId())
                .string("lawyerId", token.lawyerId())
                .expiresAt(token.expiresAt())
                .time("usedAt", token.usedAt());
        if (token.purpose() == Token.Purpose.ORGANISATION_ACCESS) {
            item.gsi1(Keys.organisationTokensPk(token.subjectId()), token.hash());
        }
        return item.build();
    }

    public static Token from(String hash, Item item) {
        return new Token(
                hash,
                item.enumValue("purpose", Token.Purpose.class),
                item.enumValue("kind", ProfileKind.class),
                item.string("subjectId"),
                item.string("lawyerId"),
                item.optionalNumber(Keys.EXPIRES_AT)
                        .map(n -> java.time.Instant.ofEpochSecond(n.longValue()))
                        .orElse(null),
                item.time("usedAt"));
    }
}
