package org.probono.clearinghouse.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShortIdsTest {
    private static final String A = "019ad0a2-6b3e-7c41-9d2a-3f5b8e1c0a01";
    private static final String B = "019ad0a2-6b3e-7f00-8000-000000000002";
    private static final String C = "019ad1ff-0000-7000-8000-000000000003";

    @Test
    void a_unique_prefix_names_its_id_in_any_case() {
        assertThat(ShortIds.resolve("019ad1", List.of(A, B, C), "open request")).isEqualTo(C);
        assertThat(ShortIds.resolve("019AD0A2-6B3E-7C", List.of(A, B, C), "open request"))
                .isEqualTo(A);
    }

    @Test
    void an_ambiguous_prefix_is_a_usage_error_that_shows_the_candidates() {
        assertThatThrownBy(() -> ShortIds.resolve("019ad0a2", List.of(A, B, C), "open request"))
                .isInstanceOfSatisfying(DeskFailure.class, failure -> {
                    assertThat(failure.exitCode).isEqualTo(ExitCode.USAGE);
                    assertThat(failure.getMessage())
                            .contains("could be 2 open requests")
                            .contains("019ad0a2-6b3e-7c")
                            .contains("019ad0a2-6b3e-7f");
                });
    }

    @Test
    void a_prefix_that_matches_nothing_is_not_found_but_a_whole_id_passes_as_it_is() {
        assertThatThrownBy(() -> ShortIds.resolve("feed", List.of(A, B), "open request"))
                .isInstanceOfSatisfying(
                        DeskFailure.class,
                        failure -> assertThat(failure.exitCode).isEqualTo(ExitCode.NOT_FOUND));
        assertThat(ShortIds.resolve(C, List.of(A, B), "open request")).isEqualTo(C);
    }

    @Test
    void abbreviations_are_the_shortest_prefixes_of_eight_characters_or_more_that_tell_the_ids_apart() {
        assertThat(ShortIds.abbreviations(List.of(A, B, C)))
                .containsEntry(C, "019ad1ff")
                .containsEntry(A, "019ad0a2-6b3e-7c")
                .containsEntry(B, "019ad0a2-6b3e-7f");
        // Never ending on a hyphen: "019ad0a2-" would read like a cut-off id.
        assertThat(ShortIds.abbreviations(List.of(A, "019ad0a2-7000-7000-8000-000000000009")))
                .containsEntry(A, "019ad0a2-6");
        assertThat(ShortIds.abbreviations(List.of(A))).containsEntry(A, "019ad0a2");
    }

    @Test
    void every_abbreviation_resolves_back_to_its_id() {
        List<String> ids = List.of(A, B, C);
        ShortIds.abbreviations(ids)
                .forEach((id, shortId) ->
                        assertThat(ShortIds.resolve(shortId, ids, "id")).isEqualTo(id));
    }
}
