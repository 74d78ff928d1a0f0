package org.probono.clearinghouse.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.ProfileKind;
import org.probono.clearinghouse.domain.ProfileStatus;
import org.probono.clearinghouse.domain.Token;
import org.probono.clearinghouse.ids.Secrets;

/** Review's rules, over the in-memory registry: decisions only from PENDING_REVIEW, access tokens replaced whole. */
class ReviewsTest {
    private static final String ORG_EMAIL = "ananya@shakti.example.org";
    private final Registering desk = new Registering();

    @Test
    void approving_an_organisation_emails_it_an_access_token_stored_only_as_a_hash() {
        String id = desk.organisationAwaitingReview(ORG_EMAIL);

        assertThat(desk.reviews.approve(ProfileKind.ORGANISATION, id, "meera@team"))
                .isEqualTo(new Reviews.Result.Reviewed(id, ProfileStatus.APPROVED));

        String secret = desk.secretIn(EmailTemplate.ORGANISATION_APPROVED, ORG_EMAIL);
        assertThat(desk.registry.accessTokens(id)).extracting(Token::hash).containsExactly(Secrets.hash(secret));
        assertThat(desk.registry.audit()).last().satisfies(line -> {
            assertThat(line.status()).isEqualTo(ProfileStatus.APPROVED);
            assertThat(line.note().actor()).isEqualTo("meera@team");
        });
    }

    @Test
    void an_unverified_registration_cannot_be_approved_or_rejected() {
        String id = desk.registerOrganisation(ORG_EMAIL);

        assertThat(desk.reviews.approve(ProfileKind.ORGANISATION, id, "meera@team"))
                .isEqualTo(new Reviews.Result.WrongState(ProfileStatus.PENDING_VERIFICATION));
        assertThat(desk.reviews.reject(ProfileKind.ORGANISATION, id, "meera@team", "No."))
                .isEqualTo(new Reviews.Result.WrongState(ProfileStatus.PENDING_VERIFICATION));
        assertThat(desk.registry.outbox())
                .extracting(email -> email.template())
                .containsExactly(EmailTemplate.VERIFY_EMAIL);
    }

    @Test
    void a_decided_registration_is_not_decided_again() {
        String id = desk.lawyerAwaitingReview("meera.iyer@lawfirm.example");
        desk.reviews.approve(ProfileKind.LAWYER, id, "meera@team");

        assertThat(desk.reviews.approve(ProfileKind.LAWYER, id, "ravi@team"))
                .isEqualTo(new Reviews.Result.WrongState(ProfileStatus.APPROVED));
        assertThat(desk.reviews.reject(ProfileKind.LAWYER, id, "ravi@team", "Changed my mind."))
                .isEqualTo(new Reviews.Result.WrongState(ProfileStatus.APPROVED));
        assertThat(desk.registry.outbox())
                .filteredOn(email -> email.template() == EmailTemplate.LAWYER_APPROVED)
                .hasSize(1);
    }

    @Test
    void an_unknown_registration_is_not_found() {
        assertThat(desk.reviews.approve(ProfileKind.LAWYER, "no-such-id", "meera@team"))
                .isInstanceOf(Reviews.Result.NotFound.class);
    }

    @Test
    void a_rejection_tells_the_registrant_why_and_leaves_the_review_list() {
        String id = desk.organisationAwaitingReview(ORG_EMAIL);
        assertThat(desk.reviews.listPending())
                .extracting(PendingRegistration::id)
                .containsExactly(id);

        assertThat(desk.reviews.reject(ProfileKind.ORGANISATION, id, "meera@team", "Not a civil society organisation."))
                .isEqualTo(new Reviews.Result.Reviewed(id, ProfileStatus.REJECTED));

        assertThat(desk.reviews.listPending()).isEmpty();
        assertThat(desk.registry.outbox()).last().satisfies(email -> {
            assertThat(email.template()).isEqualTo(EmailTemplate.REGISTRATION_REJECTED);
            assertThat(email.data()).containsEntry("reason", "Not a civil society organisation.");
        });
    }

    @Test
    void the_review_list_is_oldest_first_and_holds_only_verified_registrations() {
        String first = desk.lawyerAwaitingReview("meera.iyer@lawfirm.example");
        desk.clock.advance(java.time.Duration.ofMinutes(5));
        desk.registerOrganisation("unverified@example.org");
        String second = desk.organisationAwaitingReview(ORG_EMAIL);

        assertThat(desk.reviews.listPending())
                .extracting(PendingRegistration::id)
                .containsExactly(first, second);
    }

    @Test
    void a_reissued_token_replaces_every_old_one() {
        String id = desk.organisationAwaitingReview(ORG_EMAIL);
        desk.reviews.approve(ProfileKind.ORGANISATION, id, "meera@team");

        assertThat(desk.reviews.reissueToken(id, "meera@team", "leaked")).isEqualTo(new Reviews.Reissue.Reissued(id));

        String fresh = desk.secretIn(EmailTemplate.ORGANISATION_TOKEN_REISSUED, ORG_EMAIL);
        assertThat(desk.registry.accessTokens(id)).extracting(Token::hash).containsExactly(Secrets.hash(fresh));
        assertThat(desk.registry.audit())
                .last()
                .extracting(line -> line.note().note())
                .isEqualTo("access token reissued: leaked");
    }

    @Test
    void only_an_approved_organisation_gets_a_new_token() {
        String id = desk.organisationAwaitingReview(ORG_EMAIL);

        assertThat(desk.reviews.reissueToken(id, "meera@team", null))
                .isEqualTo(new Reviews.Reissue.NotApproved(ProfileStatus.PENDING_REVIEW));
        assertThat(desk.reviews.reissueToken("no-such-id", "meera@team", null))
                .isInstanceOf(Reviews.Reissue.NotFound.class);
    }
}
