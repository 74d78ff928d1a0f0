package org.probono.clearinghouse.register.app;

import java.util.List;

/** The body of {@code POST /organisations}, as sent; {@link RegistrationRules} checks every field. */
public record OrganisationForm(
        String name,
        String organisationType,
        String registrationNumber,
        String jurisdiction,
        String city,
        String website,
        List<String> focusAreas,
        ContactForm contact) {

    /** The organisation's contact person, as sent. */
    public record ContactForm(String name, String email, String phone, String preferredLanguage) {}
}
