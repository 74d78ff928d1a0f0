package org.probono.clearinghouse.submit.app;

import java.time.Clock;
import java.util.Optional;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.domain.ProfileStatus;
import org.probono.clearinghouse.domain.Token;
import org.probono.clearinghouse.ids.Secrets;
import org.probono.clearinghouse.submit.store.RequestStore;

/**
 * Who is calling: the organisation whose access token this is, if it is approved. The token is looked
 * up by its hash only; an unknown, revoked (deleted), expired or foreign-purpose token and an organisation
 * that is not (or no longer) approved all come back empty, so the caller cannot tell them apart.
 */
public final class OrganisationAccess {
    private final RequestStore store;
    private final Clock clock;

    public OrganisationAccess(RequestStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Optional<Organisation> approvedOrganisation(String token) {
        return store.token(Secrets.hash(token))
                .filter(t -> t.purpose() == Token.Purpose.ORGANISATION_ACCESS)
                .filter(t -> !t.isExpired(clock.instant()))
                .flatMap(t -> store.organisation(t.subjectId()))
                .filter(org -> org.status() == ProfileStatus.APPROVED);
    }
}
