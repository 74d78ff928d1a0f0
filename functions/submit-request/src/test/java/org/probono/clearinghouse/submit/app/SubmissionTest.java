package org.probono.clearinghouse.submit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.domain.ProfileStatus;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.validation.FieldError;
import org.probono.clearinghouse.validation.InvalidInput;

/** Submission's rules, over in-memory ports: idempotency, validation, and who may ask. */
class SubmissionTest {
    private final Asking desk = new Asking();

    @Test
    void a_submitted_request_joins_the_queue_with_its_acknowledgement_and_the_teams_alert() {
        SubmitOutcome outcome =
                desk.submission.submit(desk.shakti, Optional.empty(), Asking.body("Review of a mural contract"));

        SubmitOutcome.Created created = (SubmitOutcome.Created) outcome;
        assertThat(created.status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(desk.requests.request(created.id())).get().satisfies(request -> {
            assertThat(request.organisationId()).isEqualTo(desk.shakti.id());
            assertThat(request.title()).isEqualTo("Review of a mural contract");
        });
        assertThat(desk.requests.outbox())
                .extracting(email -> email.template())
                .containsExactly(EmailTemplate.REQUEST_ACKNOWLEDGED, EmailTemplate.ADMIN_NEW_REQUEST);
        assertThat(desk.requests.history(created.id())).singleElement().satisfies(event -> {
            assertThat(event.status()).isEqualTo("SUBMITTED");
            assertThat(event.actor()).isEqualTo("organisation:" + desk.shakti.id());
        });
    }

    @Test
    void the_same_key_with_the_same_body_replays_the_first_answer_and_writes_nothing() {
        SubmitOutcome first = desk.submission.submit(desk.shakti, Optional.of("k-1"), Asking.body("Mural contract"));
        desk.clock.advance(Duration.ofMinutes(10));

        SubmitOutcome again = desk.submission.submit(desk.shakti, Optional.of("k-1"), Asking.body("Mural contract"));

        String id = ((SubmitOutcome.Created) first).id();
        assertThat(again).isInstanceOfSatisfying(SubmitOutcome.Replayed.class, replayed -> {
            assertThat(replayed.status()).isEqualTo(201);
            assertThat(replayed.body().path("id").asText()).isEqualTo(id);
            assertThat(replayed.body().path("status").asText()).isEqualTo("SUBMITTED");
        });
        assertThat(desk.requests.requests()).hasSize(1);
        assertThat(desk.requests.outbox()).hasSize(2);
    }

    @Test
    void the_same_key_with_another_body_is_refused_and_writes_nothing() {
        desk.submission.submit(desk.shakti, Optional.of("k-1"), Asking.body("Mural contract"));

        SubmitOutcome other = desk.submission.submit(desk.shakti, Optional.of("k-1"), Asking.body("Another contract"));

        assertThat(other).isInstanceOf(SubmitOutcome.KeyReused.class);
        assertThat(desk.requests.requests()).hasSize(1);
    }

    @Test
    void a_key_is_free_again_once_its_day_is_over() {
        desk.submission.submit(desk.shakti, Optional.of("k-1"), Asking.body("Mural contract"));
        desk.clock.advance(Submission.KEY_LIFETIME.minusSeconds(1));
        assertThat(desk.submission.submit(desk.shakti, Optional.of("k-1"), Asking.body("Another contract")))
                .isInstanceOf(SubmitOutcome.KeyReused.class);
        desk.clock.advance(Duration.ofSeconds(1));

        SubmitOutcome later = desk.submission.submit(desk.shakti, Optional.of("k-1"), Asking.body("Another contract"));

        assertThat(later).isInstanceOf(SubmitOutcome.Created.class);
        assertThat(desk.requests.requests()).hasSize(2);
        assertThat(desk.requests.under(desk.shakti.id(), "k-1"))
                .get()
                .satisfies(record -> assertThat(record.requestId()).isEqualTo(((SubmitOutcome.Created) later).id()));
    }

    @Test
    void keys_are_per_organisation() {
        Organisation other = Asking.organisation("org-other", ProfileStatus.APPROVED);
        desk.profiles.put(other);
        desk.submission.submit(desk.shakti, Optional.of("k-1"), Asking.body("Mural contract"));

        assertThat(desk.submission.submit(other, Optional.of("k-1"), Asking.body("Another contract")))
                .isInstanceOf(SubmitOutcome.Created.class);
    }

    @Test
    void a_bad_body_names_every_bad_field_and_writes_nothing() {
        NewRequest bad = new NewRequest("TAX", "", "short", null, "XX", "xx", "yesterday", null);

        assertThatThrownBy(() -> desk.submission.submit(desk.shakti, Optional.of("k-1"), bad))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        invalid -> assertThat(invalid.errors())
                                .extracting(FieldError::field)
                                .containsExactly(
                                        "category", "title", "summary", "jurisdiction", "language", "deadline"));
        assertThat(desk.requests.requests()).isEmpty();
        assertThat(desk.requests.under(desk.shakti.id(), "k-1")).isEmpty();
    }

    @Test
    void an_organisation_no_longer_approved_when_the_request_is_written_asks_for_nothing() {
        desk.profiles.put(Asking.organisation(desk.shakti.id(), ProfileStatus.REJECTED));

        SubmitOutcome outcome = desk.submission.submit(desk.shakti, Optional.of("k-1"), Asking.body("Mural contract"));

        assertThat(outcome).isInstanceOf(SubmitOutcome.NotApproved.class);
        assertThat(desk.requests.requests()).isEmpty();
        assertThat(desk.requests.outbox()).isEmpty();
    }
}
