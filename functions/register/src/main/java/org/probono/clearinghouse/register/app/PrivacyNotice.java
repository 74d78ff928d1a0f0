package org.probono.clearinghouse.register.app;

import org.probono.clearinghouse.domain.Language;

/**
 * The privacy notice a registrant is shown and consents to: a versioned text in each language, published
 * with the web form as {@code web/privacy/<version>.<language>.html}. A changed notice is a new version
 * (new files, this constant moved on); consent recorded earlier keeps naming the version it was given to.
 */
public record PrivacyNotice(String version, String webUrl) {
    /** The notice in force; web/privacy holds its text in every language (a test checks). */
    public static final String CURRENT_VERSION = "v1";

    public static PrivacyNotice current(String webUrl) {
        return new PrivacyNotice(CURRENT_VERSION, webUrl);
    }

    /** Where the notice is read in {@code language}, linked from the verification email. */
    public String url(Language language) {
        return webUrl + "/privacy/" + version + "." + language.code() + ".html";
    }
}
