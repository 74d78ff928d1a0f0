package org.probono.clearinghouse.matters;

import org.probono.clearinghouse.domain.OfferStatus;

/** What answering an offer did. Only {@link Accepted} and {@link Declined} changed state. */
public sealed interface AnswerOutcome {
    /** The lawyer has the matter: details to them, introduction to the organisation, others withdrawn. */
    record Accepted(String requestId, String lawyerId) implements AnswerOutcome {}

    /** The offer is declined; the lawyer's load is released; the team is told. */
    record Declined(String requestId, String lawyerId) implements AnswerOutcome {}

    /** Another lawyer accepted first. Nothing changed but a polite email to this lawyer. */
    record AlreadyTaken(String requestId, String lawyerId) implements AnswerOutcome {}

    /** The offer is no longer pending (answered, withdrawn or expired). Nothing changed. */
    record NoLongerOpen(String requestId, String lawyerId, OfferStatus status) implements AnswerOutcome {}

    /** The reply token is unknown, expired, used, or not an offer's. Nothing changed. */
    record UnknownToken() implements AnswerOutcome {}

    /** The reply came from another address than the offered lawyer's. Nothing changed. */
    record WrongSender(String requestId) implements AnswerOutcome {}
}
