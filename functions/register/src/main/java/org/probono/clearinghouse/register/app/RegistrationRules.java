package org.probono.clearinghouse.register.app;

import java.time.Instant;
import java.util.List;
import org.probono.clearinghouse.domain.Category;
import org.probono.clearinghouse.domain.Codes;
import org.probono.clearinghouse.domain.Contact;
import org.probono.clearinghouse.domain.Language;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.domain.OrganisationType;
import org.probono.clearinghouse.domain.ProfileStatus;
import org.probono.clearinghouse.validation.Validation;

/**
 * Every field rule of a registration (docs/api/register.md lists them). Each form is checked whole, so
 * the 400 names every bad field at once; a valid form becomes a PENDING_VERIFICATION profile.
 */
final class RegistrationRules {
    static final int NAME_MAX = 200;
    static final int PERSON_NAME_MAX = 120;
    static final int REGISTRATION_NUMBER_MAX = 100;
    static final int CITY_MAX = 100;
    static final int FOCUS_AREAS_MAX = 10;
    static final int FOCUS_AREA_MAX = 60;
    static final int FIRM_MAX = 200;
    static final int BAR_ENROLMENT_MAX = 60;
    static final int YEARS_OF_PRACTICE_MAX = 70;
    static final int MAX_ACTIVE_MATTERS_MAX = 10;
    static final int JURISDICTIONS_MAX = 20;
    static final int LANGUAGES_MAX = 10;

    private static final String JURISDICTION = "an ISO 3166-2 code such as IN-WB, or IN for national";
    private static final String LANGUAGE = "an ISO 639-1 code such as en, hi or bn";

    private RegistrationRules() {}

    /** The organisation the form describes, or InvalidInput naming every bad field (a 400). */
    static Organisation organisation(OrganisationForm form, String id, Instant now) {
        Validation v = new Validation();
        String name = v.text("name", form.name(), 2, NAME_MAX);
        OrganisationType type = v.enumValue("organisationType", form.organisationType(), OrganisationType.class);
        String registrationNumber = v.text("registrationNumber", form.registrationNumber(), 1, REGISTRATION_NUMBER_MAX);
        String jurisdiction = v.code("jurisdiction", form.jurisdiction(), Codes::isJurisdiction, JURISDICTION);
        String city = v.text("city", form.city(), 1, CITY_MAX);
        String website = v.url("website", form.website());
        List<String> focusAreas = v.list(
                "focusAreas",
                form.focusAreas(),
                0,
                FOCUS_AREAS_MAX,
                (field, value) -> v.text(field, value, 1, FOCUS_AREA_MAX));
        Contact contact = contact(v, form.contact());
        v.throwIfInvalid();
        return new Organisation(
                id,
                name,
                type,
                registrationNumber,
                jurisdiction,
                city,
                website,
                focusAreas,
                contact,
                ProfileStatus.PENDING_VERIFICATION,
                now,
                1);
    }

    private static Contact contact(Validation v, OrganisationForm.ContactForm form) {
        if (form == null) {
            v.fail("contact", "is required");
            return null;
        }
        return new Contact(
                v.text("contact.name", form.name(), 2, PERSON_NAME_MAX),
                v.email("contact.email", form.email()),
                v.phone("contact.phone", form.phone()),
                preferredLanguage(v, "contact.preferredLanguage", form.preferredLanguage()));
    }

    /** The lawyer the form describes, or InvalidInput naming every bad field (a 400). */
    static Lawyer lawyer(LawyerForm form, String id, Instant now) {
        Validation v = new Validation();
        String name = v.text("name", form.name(), 2, PERSON_NAME_MAX);
        String email = v.email("email", form.email());
        String phone = v.phone("phone", form.phone());
        String firm = v.optionalText("firm", form.firm(), 1, FIRM_MAX);
        String barEnrolmentNumber = v.text("barEnrolmentNumber", form.barEnrolmentNumber(), 1, BAR_ENROLMENT_MAX);
        String barCouncil = v.code("barCouncil", form.barCouncil(), Codes::isJurisdiction, JURISDICTION);
        int years = v.integer("yearsOfPractice", form.yearsOfPractice(), 0, YEARS_OF_PRACTICE_MAX, null);
        List<Category> areas = v.list(
                "practiceAreas",
                form.practiceAreas(),
                1,
                Category.values().length,
                (field, value) -> v.enumValue(field, value, Category.class));
        List<String> jurisdictions = v.list(
                "jurisdictions",
                form.jurisdictions(),
                1,
                JURISDICTIONS_MAX,
                (field, value) -> v.code(field, value, Codes::isJurisdiction, JURISDICTION));
        List<String> languages = v.list(
                "languages",
                form.languages(),
                1,
                LANGUAGES_MAX,
                (field, value) -> v.code(field, value, Codes::isLanguage, LANGUAGE));
        int maxActive = v.integer(
                "maxActiveMatters",
                form.maxActiveMatters(),
                1,
                MAX_ACTIVE_MATTERS_MAX,
                Lawyer.DEFAULT_MAX_ACTIVE_MATTERS);
        Language preferredLanguage = preferredLanguage(v, "preferredLanguage", form.preferredLanguage());
        v.throwIfInvalid();
        return new Lawyer(
                id,
                name,
                email,
                phone,
                firm,
                barEnrolmentNumber,
                barCouncil,
                years,
                areas,
                jurisdictions,
                languages,
                preferredLanguage,
                maxActive,
                0,
                false,
                ProfileStatus.PENDING_VERIFICATION,
                now,
                1);
    }

    /** The language emails are written in: absent means English; only the languages we write in are accepted. */
    private static Language preferredLanguage(Validation v, String field, String code) {
        if (code == null || code.isBlank()) return Language.DEFAULT;
        return Language.ofCode(code).orElseGet(() -> {
            v.fail(field, "must be one of " + Language.codes());
            return null;
        });
    }
}
