package org.probono.clearinghouse.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgumentsTest {
    @Test
    void options_may_come_anywhere_in_either_form_and_double_dash_ends_them() {
        Arguments arguments =
                Arguments.parse("--json", "assign", "019a", "--hours=48", "0193", "--by", "meera", "--", "--odd");

        assertThat(arguments.words()).containsExactly("assign", "019a", "0193", "--odd");
        assertThat(arguments.rest()).containsExactly("019a", "0193", "--odd");
        assertThat(arguments.has("json")).isTrue();
        assertThat(arguments.integer("hours", 1, 168)).contains(48);
        assertThat(arguments.option("by")).contains("meera");
    }

    @Test
    void an_unknown_option_a_missing_value_a_repeat_or_a_number_out_of_range_is_a_usage_error() {
        for (String[] args : List.of(
                new String[] {"queue", "--jsn"},
                new String[] {"reject", "--reason"},
                new String[] {"queue", "--json", "--json"},
                new String[] {"queue", "--json=yes"})) {
            assertThatThrownBy(() -> Arguments.parse(args))
                    .isInstanceOfSatisfying(
                            DeskFailure.class,
                            failure -> assertThat(failure.exitCode).isEqualTo(ExitCode.USAGE));
        }
        assertThatThrownBy(() -> Arguments.parse("assign", "--hours", "200").integer("hours", 1, 168))
                .hasMessageContaining("from 1 to 168");
        assertThatThrownBy(() -> Arguments.parse("complete", "--hours", "six").number("hours", 0, 10_000))
                .hasMessageContaining("not 'six'");
    }

    @Test
    void an_option_the_command_does_not_take_is_named_in_the_error() {
        assertThatThrownBy(() -> Arguments.parse("queue", "--reason", "x").allowOnly("queue", Set.of()))
                .hasMessage("desk queue takes no --reason; see desk help queue.");
        Arguments.parse("queue", "--json", "--local", "http://localhost:3000").allowOnly("queue", Set.of());
    }
}
