package org.probono.clearinghouse.submit.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.domain.ProfileKind;
import org.probono.clearinghouse.domain.ProfileStatus;
import org.probono.clearinghouse.domain.Token;
import org.probono.clearinghouse.ids.Secrets;

/** Who is calling, over in-memory ports: only an approved organisation's access token lets it in. */
class OrganisationAccessTest {
    private final Asking desk = new Asking();
    private final OrganisationAccess access = new OrganisationAccess(desk.profiles, desk.clock);
    private final String secret = new Secrets().newToken();

    private void issue(Token.Purpose purpose, String organisationId) {
        desk.profiles.put(
                new Token(Secrets.hash(secret), purpose, ProfileKind.ORGANISATION, organisationId, null, null, null));
    }

    @Test
    void an_approved_organisations_access_token_names_it() {
        issue(Token.Purpose.ORGANISATION_ACCESS, desk.shakti.id());

        assertThat(access.approvedOrganisation(secret)).contains(desk.shakti);
    }

    @Test
    void an_unknown_token_lets_nobody_in() {
        assertThat(access.approvedOrganisation(secret)).isEmpty();
    }

    @Test
    void a_token_for_another_purpose_lets_nobody_in() {
        issue(Token.Purpose.VERIFY_EMAIL, desk.shakti.id());

        assertThat(access.approvedOrganisation(secret)).isEmpty();
    }

    @Test
    void an_organisation_no_longer_approved_is_let_in_no_more() {
        issue(Token.Purpose.ORGANISATION_ACCESS, desk.shakti.id());
        desk.profiles.put(Asking.organisation(desk.shakti.id(), ProfileStatus.REJECTED));

        assertThat(access.approvedOrganisation(secret)).isEmpty();
    }
}
