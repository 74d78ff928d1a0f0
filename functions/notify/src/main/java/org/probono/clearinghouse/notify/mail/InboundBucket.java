package org.probono.clearinghouse.notify.mail;

import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** The raw MIME SES's receipt rule stored: {@code inbound/<SES messageId>} (the rule's ObjectKeyPrefix). */
public final class InboundBucket implements RawReplies {
    public static final String KEY_PREFIX = "inbound/";

    private final S3Client s3;
    private final String bucket;

    public InboundBucket(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public Optional<byte[]> raw(String sesMessageId) {
        try {
            return Optional.of(s3.getObjectAsBytes(g -> g.bucket(bucket).key(KEY_PREFIX + sesMessageId))
                    .asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }
}
