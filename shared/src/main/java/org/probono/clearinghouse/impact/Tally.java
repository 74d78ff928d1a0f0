package org.probono.clearinghouse.impact;

import java.time.Instant;
import org.probono.clearinghouse.domain.LegalRequest;

/**
 * What the impact report counts of a state change, as it happens: the running totals add it in the same
 * commit, so a figure never disagrees with the state. Each names the request as written by the change.
 */
public sealed interface Tally {
    LegalRequest request();

    /** A new request submitted. */
    record Received(LegalRequest request) implements Tally {}

    record Offered(LegalRequest request, int offers, Instant at) implements Tally {}

    record Accepted(LegalRequest request, Instant at) implements Tally {}

    /** {@code reason}: the lawyer's words (counted normalised; empty counts as no reason given). */
    record Declined(LegalRequest request, String reason) implements Tally {}

    record Expired(LegalRequest request) implements Tally {}

    record Completed(LegalRequest request) implements Tally {}

    /** The request ended without a lawyer: CLOSED by the team or WITHDRAWN by its organisation. */
    record Ended(LegalRequest request) implements Tally {}

    /** The organisation rated the help of a completed matter. */
    record Rated(LegalRequest request) implements Tally {}
}
