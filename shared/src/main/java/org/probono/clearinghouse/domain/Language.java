package org.probono.clearinghouse.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The languages the clearinghouse writes to people in: a contact's or a lawyer's {@code preferredLanguage}
 * (an ISO 639-1 code). English is the default and the language of the team's own emails.
 */
public enum Language {
    EN("en"),
    HI("hi"),
    BN("bn");

    public static final Language DEFAULT = EN;

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** The ISO 639-1 code, as the API and the stored items spell it. */
    public String code() {
        return code;
    }

    public Locale locale() {
        return Locale.of(code, "IN");
    }

    /** The language with this code (case and surrounding spaces ignored), if it is one we write in. */
    public static Optional<Language> ofCode(String code) {
        if (code == null) return Optional.empty();
        String wanted = code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(language -> language.code.equals(wanted))
                .findFirst();
    }

    /** The stored code's language; items written before languages existed (no code) are English. */
    public static Language ofStored(String code) {
        return code == null ? DEFAULT : ofCode(code).orElse(DEFAULT);
    }

    /** "en, hi, bn": for error messages. */
    public static String codes() {
        return Arrays.stream(values()).map(Language::code).collect(Collectors.joining(", "));
    }
}
