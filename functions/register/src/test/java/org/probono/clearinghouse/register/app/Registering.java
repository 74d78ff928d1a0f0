package org.probono.clearinghouse.register.app;

import java.time.Instant;
import java.util.List;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.domain.ProfileKind;
import org.probono.clearinghouse.ids.Ids;
import org.probono.clearinghouse.ids.Secrets;
import org.probono.clearinghouse.testkit.MovableClock;

/**
 * RegisterFunction's use cases over an {@link InMemoryRegistry}, for the rules' tests (no backend). The
 * token sealer seals nothing, so the secret an email carries can be read back from it.
 */
final class Registering {
    static final String API_URL = "https://api.example";
    static final String WEB_URL = "https://form.example";

    final MovableClock clock = new MovableClock(Instant.parse("2026-11-02T09:00:00Z"));
    final InMemoryRegistry registry = new InMemoryRegistry(clock);
    final PrivacyNotice notice = PrivacyNotice.current(WEB_URL);
    final Registrations registrations =
            new Registrations(registry, new Ids(clock), new Secrets(), clock, (secret, emailId) -> secret, notice);
    final Verifications verifications = new Verifications(registry, clock, notice);
    final Reviews reviews =
            new Reviews(registry, new Ids(clock), new Secrets(), clock, WEB_URL, (secret, emailId) -> secret);

    static OrganisationForm organisation(String email) {
        return new OrganisationForm(
                "Shakti Vahini Trust",
                "TRUST",
                "IV-1234/2019",
                "IN-WB",
                "Kolkata",
                "https://shakti.example.org",
                List.of("anti-trafficking"),
                new OrganisationForm.ContactForm("Ananya Roy", email, "+91 98300 12345", "bn"));
    }

    static LawyerForm lawyer(String email) {
        return new LawyerForm(
                "Adv. Meera Iyer",
                email,
                "+91 98111 22233",
                "Iyer & Associates LLP",
                "D/1234/2012",
                "IN-DL",
                12,
                List.of("CONTRACT_REVIEW"),
                List.of("IN-DL", "IN"),
                List.of("en", "hi"),
                3,
                "hi");
    }

    /** The id of a newly registered organisation. */
    String registerOrganisation(String email) {
        return ((Registrations.Result.Registered) registrations.registerOrganisation(organisation(email), API_URL))
                .id();
    }

    String registerLawyer(String email) {
        return ((Registrations.Result.Registered) registrations.registerLawyer(lawyer(email), API_URL)).id();
    }

    /** The secret of the last email of {@code template} to {@code to}. */
    String secretIn(EmailTemplate template, String to) {
        return registry.outbox().stream()
                .filter(email -> email.template() == template && email.to().equals(to))
                .reduce((first, second) -> second)
                .map(OutboxMessage::sealedToken)
                .orElseThrow();
    }

    /** Registers and verifies an organisation: it awaits review. */
    String organisationAwaitingReview(String email) {
        String id = registerOrganisation(email);
        verifications.verify(secretIn(EmailTemplate.VERIFY_EMAIL, email));
        return id;
    }

    String lawyerAwaitingReview(String email) {
        String id = registerLawyer(email);
        verifications.verify(secretIn(EmailTemplate.VERIFY_EMAIL, email));
        return id;
    }

    Registrant profile(ProfileKind kind, String id) {
        return registry.find(kind, id).orElseThrow();
    }
}
