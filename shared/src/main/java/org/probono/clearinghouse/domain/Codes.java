package org.probono.clearinghouse.domain;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The code lists the contract names: ISO 3166-2 jurisdictions and ISO 639-1 languages. */
public final class Codes {
    private Codes() {}

    /** India's states and union territories, with the codes ISO retired in 2023 still accepted. */
    private static final Set<String> INDIA = Set.of(
            "AN", "AP", "AR", "AS", "BR", "CH", "CG", "CT", "DH", "DN", "DD", "DL", "GA", "GJ", "HR", "HP", "JK", "JH",
            "KA", "KL", "LA", "LD", "MP", "MH", "MN", "ML", "MZ", "NL", "OD", "OR", "PY", "PB", "RJ", "SK", "TN", "TS",
            "TG", "TR", "UP", "UK", "UT", "WB");

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Pattern SUBDIVISION = Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,3})?");

    /**
     * A country code ({@code IN}: national) or a subdivision code. Indian subdivisions are checked against
     * the list; elsewhere only the country and the shape are checked.
     */
    public static boolean isJurisdiction(String code) {
        if (code == null || !SUBDIVISION.matcher(code).matches()) return false;
        String country = code.substring(0, 2);
        if (!COUNTRIES.contains(country)) return false;
        if (code.length() == 2) return true;
        return !country.equals("IN") || INDIA.contains(code.substring(3));
    }

    /** National jurisdictions (a bare country code) match every subdivision of that country. */
    public static boolean jurisdictionCovers(String offered, String wanted) {
        if (offered.equals(wanted)) return true;
        return offered.length() == 2 && wanted.startsWith(offered + "-")
                || wanted.length() == 2 && offered.startsWith(wanted + "-");
    }

    public static boolean isLanguage(String code) {
        return code != null && code.length() == 2 && LANGUAGES.contains(code);
    }
}
