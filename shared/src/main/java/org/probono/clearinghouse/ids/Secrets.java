package org.probono.clearinghouse.ids;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Tokens handed to people: org tokens and verification links carry 256 random bits in URL-safe base64
 * (43 characters, no padding). Reply tokens live in an email address ({@code reply+<token>@...}), where
 * mail systems may change the case, so they are case-insensitive: 224 random bits as lower-case hex
 * (56 characters; the local part stays within the 64 that RFC 5321 allows). Only {@link #hash(String)}
 * is ever stored.
 */
public final class Secrets {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern REPLY_SHAPE = Pattern.compile("[0-9a-f]{56}");
    private final SecureRandom random = new SecureRandom();

    public String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A token for a reply address: case-insensitive, lower-case as made. */
    public String newReplyToken() {
        byte[] bytes = new byte[28];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * The reply token as stored (lower-case), if {@code candidate} has a reply token's shape in any case;
     * otherwise null, and nothing is looked up.
     */
    public static String normaliseReplyToken(String candidate) {
        if (candidate == null) return null;
        String lower = candidate.toLowerCase(java.util.Locale.ROOT);
        return REPLY_SHAPE.matcher(lower).matches() ? lower : null;
    }

    /** Whether a string could be one of our tokens; anything else is rejected before a lookup. */
    public static boolean looksLikeToken(String candidate) {
        return candidate != null && SHAPE.matcher(candidate).matches();
    }

    /** SHA-256, hex: tokens carry 256 bits of entropy, so a plain hash (no salt, no stretching) is enough. */
    public static String hash(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
