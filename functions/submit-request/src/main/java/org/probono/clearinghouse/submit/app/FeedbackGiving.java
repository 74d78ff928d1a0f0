package org.probono.clearinghouse.submit.app;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.domain.Outcome;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.json.Log;

/**
 * {@code POST /requests/{id}/feedback}: the organisation rates the help it got, once, after completion.
 * The rating, an audit event and the report's running totals are one transaction conditioned on the
 * request's version, so two feedbacks sent at once store one.
 */
public final class FeedbackGiving {
    private static final int ATTEMPTS = 3;

    private final OrganisationRequests requests;
    private final Clock clock;

    public FeedbackGiving(OrganisationRequests requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    public FeedbackOutcome give(Organisation caller, String requestId, FeedbackForm.Checked feedback) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<LegalRequest> found = requests.request(requestId)
                    .filter(request -> request.organisationId().equals(caller.id()));
            if (found.isEmpty()) return new FeedbackOutcome.NotFound();
            LegalRequest request = found.get();
            if (request.status() != RequestStatus.COMPLETED) return new FeedbackOutcome.NotCompleted(request.status());
            if (request.feedback() != null) return new FeedbackOutcome.AlreadyGiven();

            Instant now = clock.instant();
            LegalRequest rated = request.rated(new LegalRequest.Feedback(feedback.rating(), feedback.comment(), now));
            Outcome outcome = requests.rate(
                    rated,
                    request.version(),
                    "The organisation rated the help " + feedback.rating() + " of 5.",
                    "organisation:" + caller.id(),
                    now);
            if (outcome instanceof Outcome.Committed) {
                Log.info("feedback given", "requestId", requestId, "rating", feedback.rating());
                return new FeedbackOutcome.Given(requestId, feedback.rating());
            }
        }
        return new FeedbackOutcome.Busy();
    }
}
