package org.probono.clearinghouse.register.app;

import java.time.Instant;

/** One line of the review list ({@code list-pending}): what the team needs to pick a registration. */
public record PendingRegistration(
        String kind, String id, String name, String email, String preferredLanguage, Instant createdAt) {
    static PendingRegistration of(Registrant registrant) {
        return new PendingRegistration(
                registrant.kind().word(),
                registrant.id(),
                registrant.name(),
                registrant.email(),
                registrant.preferredLanguage().code(),
                registrant.createdAt());
    }
}
