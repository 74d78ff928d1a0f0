package org.probono.clearinghouse.submit.app;

import java.time.Instant;
import java.util.List;
import org.probono.clearinghouse.domain.Category;
import org.probono.clearinghouse.domain.Codes;
import org.probono.clearinghouse.validation.Validation;

/**
 * The body of {@code POST /requests}, as sent. Everything is text here so that a bad value is reported
 * by {@link #validate(Instant)} with its field name instead of failing the JSON mapping.
 */
public record NewRequest(
        String category,
        String title,
        String summary,
        String confidentialDetails,
        String jurisdiction,
        String language,
        String deadline,
        List<String> counterparties) {

    public static final int TITLE_MAX = 120;
    public static final int SUMMARY_MAX = 4000;
    public static final int CONFIDENTIAL_MAX = 8000;
    public static final int COUNTERPARTIES_MAX = 20;
    public static final int COUNTERPARTY_MAX = 200;
    public static final String DEFAULT_LANGUAGE = "en";

    /** Every rule at once; a 400 naming each bad field, or the cleaned values. */
    public Draft validate(Instant now) {
        Validation check = new Validation();
        Category checkedCategory = check.enumValue("category", category, Category.class);
        String checkedTitle = check.text("title", title, 3, TITLE_MAX);
        String checkedSummary = check.text("summary", summary, 10, SUMMARY_MAX);
        String checkedDetails = check.optionalText("confidentialDetails", confidentialDetails, 1, CONFIDENTIAL_MAX);
        String checkedJurisdiction = check.code(
                "jurisdiction",
                jurisdiction,
                Codes::isJurisdiction,
                "an ISO 3166-2 code such as IN-WB, or IN for national");
        String checkedLanguage = language == null || language.isBlank()
                ? DEFAULT_LANGUAGE
                : check.code("language", language, Codes::isLanguage, "an ISO 639-1 code such as en, hi or bn");
        Instant checkedDeadline = check.futureInstant("deadline", deadline, now);
        List<String> checkedCounterparties = check.list(
                "counterparties",
                counterparties,
                0,
                COUNTERPARTIES_MAX,
                (field, name) -> check.text(field, name, 1, COUNTERPARTY_MAX));
        check.throwIfInvalid();
        return new Draft(
                checkedCategory,
                checkedTitle,
                checkedSummary,
                checkedDetails,
                checkedJurisdiction,
                checkedLanguage,
                checkedDeadline,
                checkedCounterparties);
    }

    /** The body without its confidential details: what an idempotency fingerprint may be computed from. */
    NewRequest shareable() {
        return new NewRequest(category, title, summary, null, jurisdiction, language, deadline, counterparties);
    }

    /** Never prints the confidential details (a record's default toString would). */
    @Override
    public String toString() {
        return "NewRequest[category=" + category + ", title=" + title + ", confidentialDetails="
                + (confidentialDetails == null ? "absent" : "(withheld)") + "]";
    }

    /** A request body that passed every rule. */
    public record Draft(
            Category category,
            String title,
            String summary,
            String confidentialDetails,
            String jurisdiction,
            String language,
            Instant deadline,
            List<String> counterparties) {

        public Draft {
            counterparties = List.copyOf(counterparties);
        }

        @Override
        public String toString() {
            return "Draft[category=" + category + ", title=" + title + ", confidentialDetails="
                    + (confidentialDetails == null ? "absent" : "(withheld)") + "]";
        }
    }
}
