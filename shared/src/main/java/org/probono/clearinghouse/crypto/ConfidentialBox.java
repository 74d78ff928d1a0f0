package org.probono.clearinghouse.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;

/**
 * Envelope encryption of a request's confidential details: a fresh AES-256 data key from KMS per
 * request, AES-GCM over the text, only the KMS-encrypted data key kept beside the ciphertext. The
 * request id is both KMS encryption context and GCM associated data, so a sealed value copied onto
 * another request does not open. A table export or backup shows ciphertext only.
 * Sealed form: {@code v1.<encrypted data key>.<nonce>.<ciphertext>} (URL-safe base64 parts).
 *
 * <p>The same envelope seals the secret an outbox email carries (a verification link, an org token, a reply
 * address), bound to its outbox item ({@code outboxId} as context), so the table, its stream, backups and
 * exports never hold a live token. Only NotifyFunction may decrypt (template.yaml).
 */
public final class ConfidentialBox implements ConfidentialDetails {
    private static final String VERSION = "v1";
    private static final String REQUEST_CONTEXT = "requestId";
    private static final String OUTBOX_CONTEXT = "outboxId";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final Supplier<KmsClient> kmsClient;
    private final String keyId;
    private final SecureRandom random = new SecureRandom();

    public ConfidentialBox(KmsClient kms, String keyId) {
        this(() -> kms, keyId);
    }

    /** With the KMS client built on first use (a path that never opens a box never builds it). */
    public ConfidentialBox(Supplier<KmsClient> kms, String keyId) {
        this.kmsClient = kms;
        this.keyId = keyId;
    }

    @Override
    public String seal(String plaintext, String requestId) {
        return seal(plaintext, REQUEST_CONTEXT, requestId);
    }

    @Override
    public String open(String sealed, String requestId) {
        return open(sealed, REQUEST_CONTEXT, requestId);
    }

    /** Seals the token of one outbox email; a sealed token opens only for that email's id. */
    public String sealToken(String token, String outboxId) {
        return seal(token, OUTBOX_CONTEXT, outboxId);
    }

    public String openToken(String sealed, String outboxId) {
        return open(sealed, OUTBOX_CONTEXT, outboxId);
    }

    private String seal(String plaintext, String contextName, String boundTo) {
        GenerateDataKeyResponse dataKey = kmsClient
                .get()
                .generateDataKey(k ->
                        k.keyId(keyId).keySpec(DataKeySpec.AES_256).encryptionContext(Map.of(contextName, boundTo)));
        byte[] key = dataKey.plaintext().asByteArray();
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            byte[] ciphertext = cipher(Cipher.ENCRYPT_MODE, key, nonce, boundTo)
                    .doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return String.join(
                    ".",
                    VERSION,
                    ENCODE.encodeToString(dataKey.ciphertextBlob().asByteArray()),
                    ENCODE.encodeToString(nonce),
                    ENCODE.encodeToString(ciphertext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private String open(String sealed, String contextName, String boundTo) {
        String[] parts = sealed.split("\\.");
        if (parts.length != 4 || !parts[0].equals(VERSION)) throw new IllegalArgumentException("not a sealed value");
        byte[] key = kmsClient
                .get()
                .decrypt(d -> d.keyId(keyId)
                        .ciphertextBlob(SdkBytes.fromByteArray(DECODE.decode(parts[1])))
                        .encryptionContext(Map.of(contextName, boundTo)))
                .plaintext()
                .asByteArray();
        try {
            byte[] plaintext = cipher(Cipher.DECRYPT_MODE, key, DECODE.decode(parts[2]), boundTo)
                    .doFinal(DECODE.decode(parts[3]));
            return new String(plaintext, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the sealed value does not open for " + contextName + " " + boundTo, e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, String boundTo) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
