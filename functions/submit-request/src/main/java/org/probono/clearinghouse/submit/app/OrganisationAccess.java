package org.probono.clearinghouse.submit.app;

import java.time.Clock;
import java.util.Optional;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.domain.ProfileStatus;
import org.probono.clearinghouse.domain.Token;
import org.probono.clearinghouse.ids.Secrets;

/**
 * Who is calling: the organisation whose access token this is, if it is approved. The token is looked
 * up by its hash only; an unknown, revoked (deleted), expired or foreign-purpose token and an organisation
 * that is not (or no longer) approved all come back empty, so the caller cannot tell them apart.
 */
public final class OrganisationAccess {
    private final Profiles profiles;
    private final Clock clock;

    public OrganisationAccess(Profiles profiles, Clock clock) {
        this.profiles = profiles;
        this.clock = clock;
    }

    public Optional<Organisation> approvedOrganisation(String token) {
        return profiles.token(Secrets.hash(token))
                .filter(t -> t.purpose() == Token.Purpose.ORGANISATION_ACCESS)
                .filter(t -> !t.isExpired(clock.instant()))
                .flatMap(t -> profiles.organisation(t.subjectId()))
                .filter(org -> org.status() == ProfileStatus.APPROVED);
    }
}
