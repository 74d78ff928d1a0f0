package org.probono.clearinghouse.submit.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.domain.ProfileStatus;
import org.probono.clearinghouse.domain.RequestStatus;

/** Feedback's rules, over in-memory ports: once, only on a completed request, only by its organisation. */
class FeedbackGivingTest {
    private static final Instant CREATED = Instant.parse("2026-10-05T09:00:00Z");
    private final Asking desk = new Asking();

    @Test
    void a_completed_request_is_rated_once_with_an_audit_line() {
        desk.existing(desk.shakti, "req-1", RequestStatus.COMPLETED, CREATED);

        FeedbackOutcome outcome =
                desk.feedback.give(desk.shakti, "req-1", new FeedbackForm.Checked(5, "Very helpful."));

        assertThat(outcome).isEqualTo(new FeedbackOutcome.Given("req-1", 5));
        assertThat(desk.requests.request("req-1")).get().satisfies(request -> {
            assertThat(request.feedback().rating()).isEqualTo(5);
            assertThat(request.feedback().at()).isEqualTo(desk.clock.instant());
        });
        assertThat(desk.requests.history("req-1"))
                .singleElement()
                .satisfies(event -> assertThat(event.note()).isEqualTo("The organisation rated the help 5 of 5."));
    }

    @Test
    void feedback_is_given_only_once() {
        desk.existing(desk.shakti, "req-1", RequestStatus.COMPLETED, CREATED);
        desk.feedback.give(desk.shakti, "req-1", new FeedbackForm.Checked(5, null));

        assertThat(desk.feedback.give(desk.shakti, "req-1", new FeedbackForm.Checked(1, "Changed my mind.")))
                .isInstanceOf(FeedbackOutcome.AlreadyGiven.class);
        assertThat(desk.requests.request("req-1"))
                .get()
                .satisfies(request -> assertThat(request.feedback().rating()).isEqualTo(5));
    }

    @Test
    void only_a_completed_request_can_be_rated() {
        for (RequestStatus status : RequestStatus.values()) {
            if (status == RequestStatus.COMPLETED) continue;
            desk.existing(desk.shakti, "req-" + status, status, CREATED);

            assertThat(desk.feedback.give(desk.shakti, "req-" + status, new FeedbackForm.Checked(4, null)))
                    .as(status.name())
                    .isEqualTo(new FeedbackOutcome.NotCompleted(status));
        }
        assertThat(desk.requests.requests())
                .allSatisfy(request -> assertThat(request.feedback()).isNull());
    }

    @Test
    void another_organisations_request_is_as_absent_as_an_unknown_one() {
        desk.existing(
                Asking.organisation("org-other", ProfileStatus.APPROVED), "req-1", RequestStatus.COMPLETED, CREATED);

        assertThat(desk.feedback.give(desk.shakti, "req-1", new FeedbackForm.Checked(5, null)))
                .isInstanceOf(FeedbackOutcome.NotFound.class);
        assertThat(desk.feedback.give(desk.shakti, "no-such", new FeedbackForm.Checked(5, null)))
                .isInstanceOf(FeedbackOutcome.NotFound.class);
    }
}
