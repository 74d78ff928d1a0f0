package org.probono.clearinghouse.domain;

import java.time.Instant;
import java.util.List;

/**
 * An organisation's request for legal help. {@code sealedDetails} holds the confidential details
 * encrypted (see {@code ConfidentialBox}); the plain text never lives on this record, so no listing,
 * log line or offer can carry it by accident. {@code lawyerId} is set once a lawyer accepts. {@code endedAt}
 * is when it became COMPLETED, CLOSED or WITHDRAWN: the retention rule counts from there.
 * {@code completion} is set once the matter is COMPLETED, {@code feedback} once the organisation rated the help.
 * {@code organisationName} is a copy kept for the team's queue, which reads no organisation item.
 */
public record LegalRequest(
        String id,
        String organisationId,
        String organisationName,
        RequestStatus status,
        Category category,
        String title,
        String summary,
        String sealedDetails,
        String jurisdiction,
        String language,
        Instant deadline,
        List<String> counterparties,
        Instant createdAt,
        String lawyerId,
        Instant endedAt,
        long version,
        Completion completion,
        Feedback feedback) {

    /** What the lawyer reported when the matter was done. */
    public record Completion(String outcome, double hoursSpent) {}

    /** The organisation's rating (1 to 5) of the help, and its optional comment. */
    public record Feedback(int rating, String comment, Instant at) {}

    public LegalRequest {
        counterparties = List.copyOf(counterparties);
    }

    /**
     * A request that has not ended, without its organisation's name: the queue then reads the name from
     * the organisation (tests, items written before requests carried it).
     */
    public LegalRequest(
            String id,
            String organisationId,
            RequestStatus status,
            Category category,
            String title,
            String summary,
            String sealedDetails,
            String jurisdiction,
            String language,
            Instant deadline,
            List<String> counterparties,
            Instant createdAt,
            String lawyerId,
            long version) {
        this(
                id,
                organisationId,
                null,
                status,
                category,
                title,
                summary,
                sealedDetails,
                jurisdiction,
                language,
                deadline,
                counterparties,
                createdAt,
                lawyerId,
                null,
                version,
                null,
                null);
    }

    public boolean hasConfidentialDetails() {
        return sealedDetails != null;
    }

    /** Offered to more lawyers: SUBMITTED or OFFERED become OFFERED. */
    public LegalRequest offered() {
        return moved(RequestStatus.OFFERED);
    }

    /**
     * One of its pending offers ended (declined, lapsed, withdrawn): back in the queue (SUBMITTED) when no other
     * offer is pending, else still OFFERED. Either way the next version: changes to one request's offers are
     * serialised by rewriting the request under its version.
     */
    public LegalRequest offerEnded(boolean othersPending) {
        return moved(othersPending ? RequestStatus.OFFERED : RequestStatus.SUBMITTED);
    }

    private LegalRequest moved(RequestStatus target) {
        return next(status.moveTo(target), sealedDetails, lawyerId, endedAt, completion, feedback);
    }

    /** Ends the request (COMPLETED, CLOSED, WITHDRAWN) at {@code at}. */
    public LegalRequest endedAs(RequestStatus endStatus, Instant at) {
        if (!endStatus.isEnded()) throw new IllegalArgumentException(endStatus + " does not end a request");
        return next(status.moveTo(endStatus), sealedDetails, lawyerId, at, completion, feedback);
    }

    /** The same request with its confidential details destroyed (retention, erasure). */
    public LegalRequest withoutDetails() {
        return next(status, null, lawyerId, endedAt, completion, feedback);
    }

    /** The lawyer accepted an offer: only an OFFERED request is accepted. */
    public LegalRequest acceptedBy(String acceptingLawyerId) {
        return next(
                status.moveTo(RequestStatus.ACCEPTED), sealedDetails, acceptingLawyerId, endedAt, completion, feedback);
    }

    /** Completes the matter at {@code at} with what the lawyer reported: it ends there, as retention counts. */
    public LegalRequest completed(Completion done, Instant at) {
        return next(status.moveTo(RequestStatus.COMPLETED), sealedDetails, lawyerId, at, done, feedback);
    }

    /** The organisation rated the help: only a COMPLETED matter, once. */
    public LegalRequest rated(Feedback given) {
        if (status != RequestStatus.COMPLETED || feedback != null) {
            throw new IllegalStateException(
                    "a " + status + " request" + (feedback != null ? " already rated" : "") + " cannot be rated");
        }
        return next(status, sealedDetails, lawyerId, endedAt, completion, given);
    }

    /**
     * The next version: what the organisation asked (ids, category, texts, deadline, counterparties, creation)
     * never changes; a change sets only these.
     */
    private LegalRequest next(
            RequestStatus nextStatus,
            String nextSealedDetails,
            String nextLawyerId,
            Instant nextEndedAt,
            Completion nextCompletion,
            Feedback nextFeedback) {
        return new LegalRequest(
                id,
                organisationId,
                organisationName,
                nextStatus,
                category,
                title,
                summary,
                nextSealedDetails,
                jurisdiction,
                language,
                deadline,
                counterparties,
                createdAt,
                nextLawyerId,
                nextEndedAt,
                version + 1,
                nextCompletion,
                nextFeedback);
    }
}
