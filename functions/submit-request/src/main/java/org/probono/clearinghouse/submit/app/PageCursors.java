package org.probono.clearinghouse.submit.app;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.probono.clearinghouse.json.Json;
import org.probono.clearinghouse.json.JsonInputException;
import org.probono.clearinghouse.json.Tree;

/**
 * Opaque, tamper-proof page cursors: the DynamoDB key the next page starts after, as base64url JSON,
 * followed by its HMAC-SHA256 under the configured key. A cursor altered, forged or cut short does not
 * open; a cursor from another organisation's listing does not open for this one (the partition is in it).
 */
public final class PageCursors {
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAX_LENGTH = 2000;
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    public PageCursors(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String seal(Map<String, String> position) {
        String payload = ENCODE.encodeToString(Json.write(position).getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODE.encodeToString(mac(payload));
    }

    /** The position sealed in {@code cursor}, or empty when it is not one of ours, unaltered. */
    public Optional<Map<String, String>> open(String cursor) {
        if (cursor == null || cursor.length() > MAX_LENGTH) return Optional.empty();
        int dot = cursor.indexOf('.');
        if (dot <= 0 || dot != cursor.lastIndexOf('.')) return Optional.empty();
        String payload = cursor.substring(0, dot);
        try {
            byte[] given = DECODE.decode(cursor.substring(dot + 1));
            if (!MessageDigest.isEqual(given, mac(payload))) return Optional.empty();
            return position(Json.tree(new String(DECODE.decode(payload), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException | JsonInputException e) {
            return Optional.empty();
        }
    }

    /** The position: an object of strings, as {@link #seal} wrote it. */
    private static Optional<Map<String, String>> position(Tree sealed) {
        if (!sealed.isObject()) return Optional.empty();
        Map<String, String> position = new LinkedHashMap<>();
        for (Map.Entry<String, Tree> field : sealed.fields().entrySet()) {
            if (!field.getValue().isText()) return Optional.empty();
            position.put(field.getKey(), field.getValue().text());
        }
        return Optional.of(position);
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
