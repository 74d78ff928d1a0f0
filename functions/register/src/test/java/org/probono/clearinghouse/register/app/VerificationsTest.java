package org.probono.clearinghouse.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.Language;
import org.probono.clearinghouse.domain.ProfileKind;
import org.probono.clearinghouse.domain.ProfileStatus;

/** Verification's rules, over the in-memory registry: a link works once, until it expires, and records consent. */
class VerificationsTest {
    private static final String EMAIL = "meera.iyer@lawfirm.example";
    private final Registering desk = new Registering();

    @Test
    void following_the_link_moves_the_registration_to_review_and_records_consent_to_the_notice() {
        String id = desk.registerLawyer(EMAIL);

        Verifications.Result result = desk.verifications.verify(desk.secretIn(EmailTemplate.VERIFY_EMAIL, EMAIL));

        assertThat(result)
                .isEqualTo(new Verifications.Result.Verified("Adv. Meera Iyer", ProfileStatus.PENDING_REVIEW));
        assertThat(desk.profile(ProfileKind.LAWYER, id).status()).isEqualTo(ProfileStatus.PENDING_REVIEW);
        assertThat(desk.registry.consents(ProfileKind.LAWYER, id))
                .containsExactly(new Consent(
                        PrivacyNotice.CURRENT_VERSION, Language.ofCode("hi").orElseThrow(), desk.clock.instant()));
        assertThat(desk.registry.audit())
                .extracting(InMemoryRegistry.Filed::status)
                .containsExactly(ProfileStatus.PENDING_VERIFICATION, ProfileStatus.PENDING_REVIEW);
    }

    @Test
    void a_spent_link_says_already_verified_and_changes_nothing() {
        String id = desk.registerLawyer(EMAIL);
        String secret = desk.secretIn(EmailTemplate.VERIFY_EMAIL, EMAIL);
        desk.verifications.verify(secret);
        desk.clock.advance(Duration.ofDays(30));

        Verifications.Result again = desk.verifications.verify(secret);

        assertThat(again)
                .isEqualTo(new Verifications.Result.AlreadyVerified("Adv. Meera Iyer", ProfileStatus.PENDING_REVIEW));
        assertThat(desk.registry.consents(ProfileKind.LAWYER, id)).hasSize(1);
        assertThat(desk.profile(ProfileKind.LAWYER, id).version()).isEqualTo(2);
    }

    @Test
    void a_spent_link_is_remembered_long_after_its_validity() {
        desk.registerLawyer(EMAIL);
        String secret = desk.secretIn(EmailTemplate.VERIFY_EMAIL, EMAIL);
        desk.verifications.verify(secret);
        desk.clock.advance(Registrations.VERIFICATION_VALIDITY.plusDays(300));

        assertThat(desk.verifications.verify(secret)).isInstanceOf(Verifications.Result.AlreadyVerified.class);
    }

    @Test
    void an_expired_link_is_invalid_and_verifies_nothing() {
        String id = desk.registerLawyer(EMAIL);
        desk.clock.advance(Registrations.VERIFICATION_VALIDITY);

        assertThat(desk.verifications.verify(desk.secretIn(EmailTemplate.VERIFY_EMAIL, EMAIL)))
                .isInstanceOf(Verifications.Result.Invalid.class);
        assertThat(desk.profile(ProfileKind.LAWYER, id).status()).isEqualTo(ProfileStatus.PENDING_VERIFICATION);
        assertThat(desk.registry.consents(ProfileKind.LAWYER, id)).isEmpty();
    }

    @Test
    void an_unknown_or_malformed_link_is_invalid() {
        desk.registerLawyer(EMAIL);

        assertThat(desk.verifications.verify("not a token")).isInstanceOf(Verifications.Result.Invalid.class);
        assertThat(desk.verifications.verify(new org.probono.clearinghouse.ids.Secrets().newToken()))
                .isInstanceOf(Verifications.Result.Invalid.class);
    }
}
