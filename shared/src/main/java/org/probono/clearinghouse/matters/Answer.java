package org.probono.clearinghouse.matters;

/** A lawyer's answer to an offer. */
public sealed interface Answer {
    record Accept() implements Answer {}

    /** {@code reason} is the rest of the lawyer's words (may be empty); it is shown to the team only. */
    record Decline(String reason) implements Answer {}
}
