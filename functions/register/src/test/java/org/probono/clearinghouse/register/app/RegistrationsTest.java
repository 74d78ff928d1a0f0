package org.probono.clearinghouse.register.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.Language;
import org.probono.clearinghouse.domain.ProfileKind;
import org.probono.clearinghouse.domain.ProfileStatus;
import org.probono.clearinghouse.domain.Token;
import org.probono.clearinghouse.validation.FieldError;
import org.probono.clearinghouse.validation.InvalidInput;

/** Registration's rules, over the in-memory registry: who may hold an address, and what a registration writes. */
class RegistrationsTest {
    private final Registering desk = new Registering();

    @Test
    void a_registration_awaits_verification_with_a_link_emailed_in_the_registrants_language() {
        String id = desk.registerOrganisation("ananya@shakti.example.org");

        assertThat(desk.profile(ProfileKind.ORGANISATION, id).status()).isEqualTo(ProfileStatus.PENDING_VERIFICATION);
        assertThat(desk.registry.outbox()).singleElement().satisfies(email -> {
            assertThat(email.template()).isEqualTo(EmailTemplate.VERIFY_EMAIL);
            assertThat(email.language()).isEqualTo(Language.ofCode("bn").orElseThrow());
            assertThat(email.data())
                    .containsEntry("apiUrl", Registering.API_URL)
                    .containsEntry("privacyNoticeUrl", desk.notice.url(email.language()));
        });
        assertThat(desk.registry.tokens()).singleElement().satisfies(token -> {
            assertThat(token.purpose()).isEqualTo(Token.Purpose.VERIFY_EMAIL);
            assertThat(token.expiresAt()).isEqualTo(desk.clock.instant().plus(Registrations.VERIFICATION_VALIDITY));
        });
        assertThat(desk.registry.audit())
                .extracting(InMemoryRegistry.Filed::status)
                .containsExactly(ProfileStatus.PENDING_VERIFICATION);
    }

    @Test
    void an_address_already_registered_is_taken_and_nothing_more_is_written() {
        desk.registerOrganisation("ananya@shakti.example.org");

        Registrations.Result second =
                desk.registrations.registerLawyer(Registering.lawyer("Ananya@Shakti.example.org"), Registering.API_URL);

        assertThat(second).isInstanceOf(Registrations.Result.EmailTaken.class);
        assertThat(desk.registry.outbox()).hasSize(1);
        assertThat(desk.registry.tokens()).hasSize(1);
    }

    @Test
    void an_unverified_address_stays_taken_while_its_link_still_works() {
        desk.registerOrganisation("ananya@shakti.example.org");
        desk.clock.advance(Registrations.VERIFICATION_VALIDITY.minus(Duration.ofMinutes(1)));

        assertThat(desk.registrations.registerOrganisation(
                        Registering.organisation("ananya@shakti.example.org"), Registering.API_URL))
                .isInstanceOf(Registrations.Result.EmailTaken.class);
    }

    @Test
    void an_address_never_verified_goes_to_whoever_registers_it_once_the_link_expired() {
        String abandoned = desk.registerOrganisation("ananya@shakti.example.org");
        desk.clock.advance(Registrations.VERIFICATION_VALIDITY);

        String id = desk.registerLawyer("ananya@shakti.example.org");

        assertThat(desk.profile(ProfileKind.ORGANISATION, abandoned).status()).isEqualTo(ProfileStatus.REJECTED);
        assertThat(desk.profile(ProfileKind.LAWYER, id).status()).isEqualTo(ProfileStatus.PENDING_VERIFICATION);
        assertThat(desk.registry.holderOf("ananya@shakti.example.org"))
                .get()
                .extracting(Registrant::id)
                .isEqualTo(id);
        assertThat(desk.registry.audit())
                .filteredOn(line -> line.id().equals(abandoned))
                .extracting(InMemoryRegistry.Filed::status)
                .containsExactly(ProfileStatus.PENDING_VERIFICATION, ProfileStatus.REJECTED);
    }

    @Test
    void a_verified_address_is_never_taken_over() {
        desk.organisationAwaitingReview("ananya@shakti.example.org");
        desk.clock.advance(Registrations.VERIFICATION_VALIDITY.plusDays(30));

        assertThat(desk.registrations.registerLawyer(
                        Registering.lawyer("ananya@shakti.example.org"), Registering.API_URL))
                .isInstanceOf(Registrations.Result.EmailTaken.class);
    }

    @Test
    void a_rejected_registration_frees_its_address() {
        String id = desk.organisationAwaitingReview("ananya@shakti.example.org");
        desk.reviews.reject(ProfileKind.ORGANISATION, id, "meera@team", "Not a civil society organisation.");

        assertThat(desk.registrations.registerOrganisation(
                        Registering.organisation("ananya@shakti.example.org"), Registering.API_URL))
                .isInstanceOf(Registrations.Result.Registered.class);
    }

    @Test
    void a_bad_form_names_every_bad_field_and_writes_nothing() {
        LawyerForm bad = new LawyerForm(
                "M",
                "not-an-email",
                "12345",
                null,
                "D/1",
                "IN-XX",
                12,
                java.util.List.of(),
                java.util.List.of("IN"),
                java.util.List.of("en"),
                3,
                "fr");

        assertThatThrownBy(() -> desk.registrations.registerLawyer(bad, Registering.API_URL))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        invalid -> assertThat(invalid.errors())
                                .extracting(FieldError::field)
                                .containsExactly(
                                        "name", "email", "phone", "barCouncil", "practiceAreas", "preferredLanguage"));
        assertThat(desk.registry.outbox()).isEmpty();
        assertThat(desk.registry.tokens()).isEmpty();
    }
}
