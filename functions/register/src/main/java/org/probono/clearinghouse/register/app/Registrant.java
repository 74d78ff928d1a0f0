package org.probono.clearinghouse.register.app;

import java.time.Instant;
import org.probono.clearinghouse.domain.Language;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.domain.ProfileKind;
import org.probono.clearinghouse.domain.ProfileStatus;

/**
 * An organisation or a lawyer, seen as a registration: what verification and review need of either.
 * For an organisation the email and the greeting go to its contact.
 */
public sealed interface Registrant {
    ProfileKind kind();

    String id();

    String name();

    String email();

    /** The language every email to this registrant is written in. */
    Language preferredLanguage();

    ProfileStatus status();

    Instant createdAt();

    long version();

    /** The same registrant in {@code status}, one version on. */
    Registrant withStatus(ProfileStatus status);

    record OfOrganisation(Organisation organisation) implements Registrant {
        public ProfileKind kind() {
            return ProfileKind.ORGANISATION;
        }

        public String id() {
            return organisation.id();
        }

        public String name() {
            return organisation.name();
        }

        public String email() {
            return organisation.contact().email();
        }

        public Language preferredLanguage() {
            return organisation.contact().preferredLanguage();
        }

        public ProfileStatus status() {
            return organisation.status();
        }

        public Instant createdAt() {
            return organisation.createdAt();
        }

        public long version() {
            return organisation.version();
        }

        public Registrant withStatus(ProfileStatus status) {
            return new OfOrganisation(organisation.withStatus(status));
        }
    }

    record OfLawyer(Lawyer lawyer) implements Registrant {
        public ProfileKind kind() {
            return ProfileKind.LAWYER;
        }

        public String id() {
            return lawyer.id();
        }

        public String name() {
            return lawyer.name();
        }

        public String email() {
            return lawyer.email();
        }

        public Language preferredLanguage() {
            return lawyer.preferredLanguage();
        }

        public ProfileStatus status() {
            return lawyer.status();
        }

        public Instant createdAt() {
            return lawyer.createdAt();
        }

        public long version() {
            return lawyer.version();
        }

        public Registrant withStatus(ProfileStatus status) {
            return new OfLawyer(lawyer.withStatus(status));
        }
    }
}
