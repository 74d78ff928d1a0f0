package org.probono.clearinghouse.submit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.probono.clearinghouse.domain.Category;
import org.probono.clearinghouse.validation.FieldError;
import org.probono.clearinghouse.validation.InvalidInput;

class NewRequestTest {
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    static NewRequest valid() {
        return new NewRequest(
                "CONTRACT_REVIEW",
                "Review of a muralist's contract",
                "We need the artist's contract reviewed before signing.",
                "Names of the survivors involved.",
                "IN-WB",
                "bn",
                "2026-12-05T17:00:00Z",
                List.of("Ananya Sen"));
    }

    static NewRequest with(String field, Object value) {
        NewRequest r = valid();
        return new NewRequest(
                field.equals("category") ? (String) value : r.category(),
                field.equals("title") ? (String) value : r.title(),
                field.equals("summary") ? (String) value : r.summary(),
                field.equals("confidentialDetails") ? (String) value : r.confidentialDetails(),
                field.equals("jurisdiction") ? (String) value : r.jurisdiction(),
                field.equals("language") ? (String) value : r.language(),
                field.equals("deadline") ? (String) value : r.deadline(),
                field.equals("counterparties") ? castList(value) : r.counterparties());
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object value) {
        return (List<String>) value;
    }

    static Stream<Arguments> badFields() {
        List<String> withBlank = new ArrayList<>(List.of("Ananya Sen", " "));
        return Stream.of(
                Arguments.of("category", null, "category", "is required"),
                Arguments.of("category", "TAX", "category", "must be one of"),
                Arguments.of("category", "contract_review", "category", "must be one of"),
                Arguments.of("title", null, "title", "is required"),
                Arguments.of("title", "   ", "title", "is required"),
                Arguments.of("title", "ab", "title", "at least 3"),
                Arguments.of("title", "t".repeat(121), "title", "at most 120"),
                Arguments.of("title", "Bell\u0007", "title", "control characters"),
                Arguments.of("summary", null, "summary", "is required"),
                Arguments.of("summary", "too short", "summary", "at least 10"),
                Arguments.of("summary", "s".repeat(4001), "summary", "at most 4000"),
                Arguments.of("confidentialDetails", "c".repeat(8001), "confidentialDetails", "at most 8000"),
                Arguments.of("jurisdiction", null, "jurisdiction", "is required"),
                Arguments.of("jurisdiction", "IN-XX", "jurisdiction", "ISO 3166-2"),
                Arguments.of("jurisdiction", "in-wb", "jurisdiction", "ISO 3166-2"),
                Arguments.of("jurisdiction", "Kolkata", "jurisdiction", "ISO 3166-2"),
                Arguments.of("language", "english", "language", "ISO 639-1"),
                Arguments.of("language", "zz", "language", "ISO 639-1"),
                Arguments.of("deadline", "2026-11-28T09:59:59Z", "deadline", "in the future"),
                Arguments.of("deadline", "2026-11-28T10:00:00Z", "deadline", "in the future"),
                Arguments.of("deadline", "next Friday", "deadline", "ISO-8601"),
                Arguments.of("deadline", "2026-12-05", "deadline", "ISO-8601"),
                Arguments.of("counterparties", Collections.nCopies(21, "X"), "counterparties", "at most 20"),
                Arguments.of("counterparties", List.of("n".repeat(201)), "counterparties[0]", "at most 200"),
                Arguments.of("counterparties", withBlank, "counterparties[1]", "is required"));
    }

    @ParameterizedTest(name = "{0} = {1} is refused")
    @MethodSource("badFields")
    void each_bad_field_is_reported_by_name(String field, Object value, String reported, String message) {
        assertThatThrownBy(() -> with(field, value).validate(NOW))
                .isInstanceOfSatisfying(InvalidInput.class, problem -> {
                    assertThat(problem.errors()).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo(reported);
                        assertThat(error.message()).contains(message);
                    });
                });
    }

    @Test
    void every_bad_field_is_reported_at_once() {
        NewRequest bad = new NewRequest("TAX", "", "short", null, "XX", "xx", "yesterday", null);

        assertThatThrownBy(() -> bad.validate(NOW))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        problem -> assertThat(problem.errors())
                                .extracting(FieldError::field)
                                .containsExactly(
                                        "category", "title", "summary", "jurisdiction", "language", "deadline"));
    }

    @Test
    void a_valid_body_is_trimmed_and_optional_fields_take_their_defaults() {
        NewRequest sparse = new NewRequest(
                " LEGAL_ADVICE ",
                "  Can a survivor appear in a film?  ",
                "  A documentary wants to show a survivor's face.  ",
                "   ",
                "IN",
                null,
                null,
                null);

        NewRequest.Draft draft = sparse.validate(NOW);

        assertThat(draft.category()).isEqualTo(Category.LEGAL_ADVICE);
        assertThat(draft.title()).isEqualTo("Can a survivor appear in a film?");
        assertThat(draft.summary()).isEqualTo("A documentary wants to show a survivor's face.");
        assertThat(draft.confidentialDetails()).isNull();
        assertThat(draft.language()).isEqualTo("en");
        assertThat(draft.deadline()).isNull();
        assertThat(draft.counterparties()).isEmpty();
    }

    @Test
    void limits_are_inclusive_and_duplicate_counterparties_are_dropped() {
        NewRequest atLimits = new NewRequest(
                "OTHER",
                "t".repeat(120),
                "s".repeat(4000),
                "c".repeat(8000),
                "IN-DL",
                "hi",
                "2026-11-28T10:00:01Z",
                List.of("Same Name", "Same Name", "n".repeat(200)));

        NewRequest.Draft draft = atLimits.validate(NOW);

        assertThat(draft.counterparties()).containsExactly("Same Name", "n".repeat(200));
        assertThat(draft.deadline()).isEqualTo(Instant.parse("2026-11-28T10:00:01Z"));
    }

    @Test
    void printing_a_body_or_a_draft_never_shows_the_confidential_details() {
        NewRequest body = with("confidentialDetails", "SECRET-MARKER");

        assertThat(body.toString()).doesNotContain("SECRET-MARKER");
        assertThat(body.validate(NOW).toString()).doesNotContain("SECRET-MARKER");
    }

    @Test
    void the_fingerprint_ignores_confidential_details_and_changes_with_any_shared_field() {
        String base = Submission.fingerprint(valid());

        assertThat(Submission.fingerprint(with("confidentialDetails", "other"))).isEqualTo(base);
        assertThat(Submission.fingerprint(with("title", "Another title"))).isNotEqualTo(base);
        assertThat(Submission.fingerprint(with("counterparties", List.of("Someone else"))))
                .isNotEqualTo(base);
    }
}
