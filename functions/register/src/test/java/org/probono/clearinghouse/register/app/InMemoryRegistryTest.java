package org.probono.clearinghouse.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.Failure;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.domain.Outcome;
import org.probono.clearinghouse.domain.ProfileKind;
import org.probono.clearinghouse.domain.ProfileStatus;
import org.probono.clearinghouse.domain.Token;

/** The fake keeps the table's conditions, so the rules' tests over it mean what the table means. */
class InMemoryRegistryTest {
    private final Registering desk = new Registering();

    private OutboxMessage email() {
        return OutboxMessage.of(
                "email-x", EmailTemplate.LAWYER_APPROVED, "x@example.org", null, Map.of(), desk.clock.instant());
    }

    @Test
    void a_change_at_a_stale_version_writes_nothing_at_all() {
        String id = desk.lawyerAwaitingReview("meera.iyer@lawfirm.example");
        Registrant current = desk.profile(ProfileKind.LAWYER, id);
        int emails = desk.registry.outbox().size();

        Outcome outcome = desk.registry.approve(
                current.withStatus(ProfileStatus.APPROVED),
                current.version() - 1,
                null,
                new AuditNote(desk.clock.instant(), "approved", "meera@team"),
                email());

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        Outcome.Rejected.class,
                        rejected -> assertThat(rejected.failure()).isEqualTo(Failure.CHANGED_CONCURRENTLY));
        assertThat(desk.profile(ProfileKind.LAWYER, id).status()).isEqualTo(ProfileStatus.PENDING_REVIEW);
        assertThat(desk.registry.outbox()).hasSize(emails);
    }

    @Test
    void a_link_is_spent_once_even_by_two_verifications_read_at_once() {
        String id = desk.registerLawyer("meera.iyer@lawfirm.example");
        Registrant current = desk.profile(ProfileKind.LAWYER, id);
        Token link = desk.registry.tokens().getFirst();
        AuditNote note = new AuditNote(desk.clock.instant(), "email verified", "registrant");
        Consent consent = new Consent(PrivacyNotice.CURRENT_VERSION, current.preferredLanguage(), desk.clock.instant());

        Outcome first = desk.registry.verify(
                current.withStatus(ProfileStatus.PENDING_REVIEW),
                current.version(),
                link.usedAt(desk.clock.instant()),
                note,
                consent);
        Outcome second = desk.registry.verify(
                current.withStatus(ProfileStatus.PENDING_REVIEW),
                current.version(),
                link.usedAt(desk.clock.instant()),
                note,
                consent);

        assertThat(first).isInstanceOf(Outcome.Committed.class);
        assertThat(second)
                .isInstanceOfSatisfying(
                        Outcome.Rejected.class,
                        rejected -> assertThat(rejected.failure()).isEqualTo(Failure.WRONG_STATE));
        assertThat(desk.registry.consents(ProfileKind.LAWYER, id)).hasSize(1);
    }
}
