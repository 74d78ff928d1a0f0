package org.probono.clearinghouse.crypto;

/**
 * Seals the secret an outbox email carries, bound to that email's outbox id ({@link ConfidentialBox#sealToken}):
 * what writers of outbox items need, without the power to open anything.
 */
@FunctionalInterface
public interface TokenSealer {
    String seal(String token, String outboxId);
}
