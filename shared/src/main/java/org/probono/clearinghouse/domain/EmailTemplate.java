package org.probono.clearinghouse.domain;

import java.util.Locale;

/**
 * Every email the clearinghouse sends. The file names under notify's templates/ follow {@link #fileName()};
 * those to people also exist under templates/hi/ and templates/bn/.
 */
public enum EmailTemplate {
    VERIFY_EMAIL,
    REGISTRATION_REJECTED,
    ORGANISATION_APPROVED,
    ORGANISATION_TOKEN_REISSUED,
    LAWYER_APPROVED,
    REQUEST_ACKNOWLEDGED,
    ADMIN_NEW_REQUEST,
    OFFER,
    OFFER_REMINDER,
    MATTER_DETAILS_TO_LAWYER,
    INTRODUCTION_TO_ORGANISATION,
    OFFER_FILLED,
    OFFER_WITHDRAWN,
    ALREADY_TAKEN,
    REPLY_NOT_UNDERSTOOD,
    /** The lawyer's reply to the matter-details email did not clearly say done, hours and outcome. */
    COMPLETION_NOT_UNDERSTOOD,
    ADMIN_OFFER_DECLINED,
    ADMIN_OFFER_EXPIRED,
    ADMIN_ACCEPTED,
    ADMIN_SUPPRESSED,
    REQUEST_WITHDRAWN,
    REQUEST_CLOSED,
    REQUEST_COMPLETED,
    /** The team's monthly impact report; NotifyFunction reads the figures and builds the CSV and chart when sending. */
    ADMIN_IMPACT_REPORT;

    public String fileName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The team's own emails: written in English only, whatever the people concerned chose. */
    public boolean isForTheTeam() {
        return switch (this) {
            case ADMIN_NEW_REQUEST,
                    ADMIN_OFFER_DECLINED,
                    ADMIN_OFFER_EXPIRED,
                    ADMIN_ACCEPTED,
                    ADMIN_SUPPRESSED,
                    REQUEST_WITHDRAWN,
                    ADMIN_IMPACT_REPORT -> true;
            default -> false;
        };
    }

    /** The language this email is written in for a recipient who chose {@code chosen}: the team reads English. */
    public Language languageFor(Language chosen) {
        return isForTheTeam() ? Language.EN : chosen;
    }
}
