package org.probono.clearinghouse.submit.app;

import org.probono.clearinghouse.domain.RequestStatus;

/** How a withdrawal ended. */
public sealed interface WithdrawOutcome {
    record Withdrawn(String id, RequestStatus status, int offersWithdrawn) implements WithdrawOutcome {}

    /** No such request for this organisation (unknown, or another organisation's). */
    record NotFound() implements WithdrawOutcome {}

    /** The request is past the point where it can be withdrawn (accepted, completed, withdrawn, closed). */
    record NotOpen(RequestStatus status) implements WithdrawOutcome {}

    /** It kept changing under us; nothing was written. */
    record Busy() implements WithdrawOutcome {}
}
