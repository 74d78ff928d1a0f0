package org.probono.clearinghouse.submit.app;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.probono.clearinghouse.crypto.ConfidentialBox;
import org.probono.clearinghouse.domain.Category;
import org.probono.clearinghouse.domain.Contact;
import org.probono.clearinghouse.domain.Language;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.domain.OrganisationType;
import org.probono.clearinghouse.domain.ProfileStatus;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.ids.Ids;
import org.probono.clearinghouse.testkit.MovableClock;

/**
 * SubmitRequestFunction's use cases over in-memory ports, for the rules' tests (no backend). The bodies
 * carry no confidential details: sealing them is KMS's work, tested against the backend.
 */
final class Asking {
    final MovableClock clock = new MovableClock(Instant.parse("2026-11-02T09:00:00Z"));
    final InMemoryProfiles profiles = new InMemoryProfiles();
    final InMemoryRequests requests = new InMemoryRequests(profiles, clock);
    private final ConfidentialBox noKms = new ConfidentialBox(
            () -> {
                throw new IllegalStateException("the rules' tests send no confidential details");
            },
            "no-key");
    final Submission submission = new Submission(
            requests,
            requests,
            noKms,
            new Ids(clock),
            clock,
            new Mailboxes("team@example.org", "https://form.example"));
    final FeedbackGiving feedback = new FeedbackGiving(requests, clock);
    final RequestListing listing = new RequestListing(requests, new PageCursors("test-cursor-key"));
    final Organisation shakti = organisation("org-shakti", ProfileStatus.APPROVED);

    Asking() {
        profiles.put(shakti);
    }

    static Organisation organisation(String id, ProfileStatus status) {
        return new Organisation(
                id,
                "Shakti Vahini Trust",
                OrganisationType.TRUST,
                "IV-1234/2019",
                "IN-WB",
                "Kolkata",
                null,
                List.of(),
                new Contact("Ananya Roy", id + "@example.org", "+919830012345", Language.DEFAULT),
                status,
                Instant.parse("2026-10-01T09:00:00Z"),
                3);
    }

    static NewRequest body(String title) {
        return new NewRequest(
                "CONTRACT_REVIEW",
                title,
                "We need the artist's contract reviewed before signing.",
                null,
                "IN-WB",
                "bn",
                null,
                List.of("Ananya Sen"));
    }

    /** A request of {@code organisation} that other functions have brought to {@code status}. */
    LegalRequest existing(Organisation organisation, String id, RequestStatus status, Instant createdAt) {
        LegalRequest.Completion completion =
                status == RequestStatus.COMPLETED ? new LegalRequest.Completion("Contract signed.", 6.5) : null;
        LegalRequest request = new LegalRequest(
                id,
                organisation.id(),
                organisation.name(),
                status,
                Category.CONTRACT_REVIEW,
                "Review of a muralist's contract",
                "We need the contract reviewed.",
                null,
                "IN-WB",
                "en",
                null,
                List.of(),
                createdAt,
                status == RequestStatus.SUBMITTED ? null : "lawyer-1",
                status == RequestStatus.COMPLETED ? createdAt.plus(Duration.ofDays(9)) : null,
                4,
                completion,
                null);
        requests.put(request);
        return request;
    }
}
