package org.probono.clearinghouse.submit.app;

import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.json.Tree;

/** How a submit ended. */
public sealed interface SubmitOutcome {
    /** A new request. */
    record Created(String id, RequestStatus status) implements SubmitOutcome {}

    /** A retry of a remembered submit: its first response, exactly; nothing new was written. */
    record Replayed(int status, Tree body) implements SubmitOutcome {}

    /** The key was used, within 24 hours, for a different body. Nothing was written. */
    record KeyReused() implements SubmitOutcome {}

    /** The organisation stopped being approved while the request was being written. Nothing was written. */
    record NotApproved() implements SubmitOutcome {}

    /** Concurrent writes kept the transaction from committing; nothing was written, a retry may succeed. */
    record Busy() implements SubmitOutcome {}
}
