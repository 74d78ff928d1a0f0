package org.probono.clearinghouse.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.probono.clearinghouse.crypto.ConfidentialDetails;

/**
 * Confidential details "sealed" without KMS for the rules' tests: reversible, bound to the request like the
 * real box (a value opens only for the request it was sealed to), and never the plain text, so a test can
 * still find a leak by searching for the text.
 */
public final class PlainSeal implements ConfidentialDetails {
    @Override
    public String seal(String plaintext, String requestId) {
        return "test-seal." + encode(requestId) + "." + encode(plaintext);
    }

    @Override
    public String open(String sealed, String requestId) {
        String[] parts = sealed.split("\\.");
        if (parts.length != 3
                || !parts[0].equals("test-seal")
                || !decode(parts[1]).equals(requestId)) {
            throw new IllegalArgumentException("sealed to another request, or not sealed");
        }
        return decode(parts[2]);
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
