package org.probono.clearinghouse.register.app;

import java.time.Instant;
import org.probono.clearinghouse.domain.Language;

/**
 * Consent to a version of the privacy notice, recorded when the registrant opens the verification link
 * (the email that carried the link also linked the notice). Holds no personal data, so erasure keeps it.
 */
public record Consent(String noticeVersion, Language language, Instant givenAt) {}
