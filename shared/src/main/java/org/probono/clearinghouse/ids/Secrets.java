package org.probono.clearinghouse.ids;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Tokens handed to people (org tokens, verification links, reply addresses): 256 random bits in
 * URL-safe base64 (43 characters, no padding). Only {@link #hash(String)} is ever stored.
 */
public final class Secrets {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private final SecureRandom random = new SecureRandom();

    public String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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
