package org.probono.clearinghouse.submit.app;

import java.util.Optional;
import org.probono.clearinghouse.crypto.ConfidentialDetails;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.submit.app.RequestView.HistoryEntry;
import org.probono.clearinghouse.submit.app.RequestView.LawyerCard;

/** Reads a request for its owner. Another organisation's request is as absent as an unknown one. */
public final class RequestViews {
    private final OrganisationRequests requests;
    private final Profiles profiles;
    private final ConfidentialDetails box;

    public RequestViews(OrganisationRequests requests, Profiles profiles, ConfidentialDetails box) {
        this.requests = requests;
        this.profiles = profiles;
        this.box = box;
    }

    public Optional<RequestView> view(Organisation caller, String requestId) {
        return requests.request(requestId)
                .filter(request -> request.organisationId().equals(caller.id()))
                .map(this::toView);
    }

    private RequestView toView(LegalRequest request) {
        String details = request.hasConfidentialDetails() ? box.open(request.sealedDetails(), request.id()) : null;
        return new RequestView(
                request.id(),
                request.status(),
                request.category(),
                request.title(),
                request.summary(),
                request.jurisdiction(),
                request.language(),
                request.deadline(),
                request.createdAt(),
                request.counterparties(),
                details,
                requests.history(request.id()).stream()
                        .map(e -> new HistoryEntry(e.at(), e.status(), e.note()))
                        .toList(),
                lawyer(request).orElse(null),
                request.completion() == null ? null : request.completion().outcome(),
                request.completion() == null ? null : request.completion().hoursSpent(),
                request.feedback() == null
                        ? null
                        : new RequestView.FeedbackCard(
                                request.feedback().rating(), request.feedback().comment()));
    }

    /** The lawyer who took the matter, shown once accepted (and still after completion). */
    private Optional<LawyerCard> lawyer(LegalRequest request) {
        boolean taken = request.status() == RequestStatus.ACCEPTED || request.status() == RequestStatus.COMPLETED;
        if (!taken || request.lawyerId() == null) return Optional.empty();
        return profiles.lawyer(request.lawyerId()).map(l -> new LawyerCard(l.name(), l.firm(), l.email()));
    }
}
