package org.probono.clearinghouse.domain;

/** The person at an organisation the clearinghouse writes to, in their {@code preferredLanguage}. */
public record Contact(String name, String email, String phone, Language preferredLanguage) {

    public Contact {
        if (preferredLanguage == null) preferredLanguage = Language.DEFAULT;
    }

    /** A contact written to in English. */
    public Contact(String name, String email, String phone) {
        this(name, email, phone, Language.DEFAULT);
    }
}
