package org.probono.clearinghouse.crypto;

/**
 * A request's confidential details sealed to that request ({@link ConfidentialBox} on KMS): what use cases
 * that store or show the details see, so their rules are tested without KMS.
 */
public interface ConfidentialDetails {
    /** The sealed form of {@code plaintext}; it opens only for {@code requestId}. */
    String seal(String plaintext, String requestId);

    /** The plain text; fails for a value sealed to another request. */
    String open(String sealed, String requestId);
}
