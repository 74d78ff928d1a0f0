package org.probono.clearinghouse.register.app;

import java.util.List;

/** The body of {@code POST /lawyers}, as sent; {@link RegistrationRules} checks every field. */
public record LawyerForm(
        String name,
        String email,
        String phone,
        String firm,
        String barEnrolmentNumber,
        String barCouncil,
        Integer yearsOfPractice,
        List<String> practiceAreas,
        List<String> jurisdictions,
        List<String> languages,
        Integer maxActiveMatters,
        String preferredLanguage) {}
