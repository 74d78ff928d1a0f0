package org.probono.clearinghouse.domain;

import java.util.Locale;
import java.util.Optional;

/** The two kinds of registration the team reviews. */
public enum ProfileKind {
    ORGANISATION,
    LAWYER;

    /** The lower-case word admins type ({@code "organisation"}, {@code "lawyer"}). */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ProfileKind> fromWord(String word) {
        for (ProfileKind kind : values()) {
            if (kind.word().equals(word)) return Optional.of(kind);
        }
        return Optional.empty();
    }
}
