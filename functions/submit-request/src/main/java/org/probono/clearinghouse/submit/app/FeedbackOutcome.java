package org.probono.clearinghouse.submit.app;

import org.probono.clearinghouse.domain.RequestStatus;

/** How giving feedback ended. */
public sealed interface FeedbackOutcome {
    record Given(String id, int rating) implements FeedbackOutcome {}

    /** No such request for this organisation (unknown, or another organisation's). */
    record NotFound() implements FeedbackOutcome {}

    /** Only a COMPLETED request can be rated. */
    record NotCompleted(RequestStatus status) implements FeedbackOutcome {}

    /** Feedback is given once. */
    record AlreadyGiven() implements FeedbackOutcome {}

    /** It kept changing under us; nothing was written. */
    record Busy() implements FeedbackOutcome {}
}
