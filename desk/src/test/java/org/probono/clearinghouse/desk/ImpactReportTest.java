package org.probono.clearinghouse.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's formatting from a sample in the contract's shape (the live command arrives with issue 13). */
class ImpactReportTest {
    private static JsonNode sample() throws IOException {
        try (InputStream in = ImpactReportTest.class.getResourceAsStream("/report-2026-11.json")) {
            return DeskJson.MAPPER.readTree(in);
        }
    }

    @Test
    void a_month_is_its_first_to_its_last_day_and_two_days_are_taken_as_given() {
        assertThat(ImpactReport.period(List.of("2026-11")))
                .isEqualTo(new ImpactReport.Period(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")));
        assertThat(ImpactReport.period(List.of("2024-02")).to()).isEqualTo(LocalDate.parse("2024-02-29"));
        assertThat(ImpactReport.period(List.of("2026-11-03", "2026-11-09")))
                .isEqualTo(new ImpactReport.Period(LocalDate.parse("2026-11-03"), LocalDate.parse("2026-11-09")));
    }

    @Test
    void a_period_that_is_not_one_or_ends_before_it_starts_is_a_usage_error() {
        for (List<String> words : List.<List<String>>of(
                List.of("November"), List.of("2026-13"), List.of("2026-11-09", "2026-11-03"), List.of())) {
            assertThatThrownBy(() -> ImpactReport.period(words))
                    .isInstanceOfSatisfying(
                            DeskFailure.class,
                            failure -> assertThat(failure.exitCode).isEqualTo(ExitCode.USAGE));
        }
    }

    @Test
    void the_summary_reads_every_figure_of_the_report() throws IOException {
        String text = ImpactReport.summary(sample());

        assertThat(text)
                .contains("Impact report, 1 Nov 2026 to 30 Nov 2026")
                .contains("42 received, 30 placed with a lawyer, 21 completed, 3 closed, 2 withdrawn")
                .contains("Hours donated  131.5")
                .contains("first offer 5.3 h, acceptance nothing to measure")
                .contains("61 made, 30 accepted, 22 declined, 9 expired")
                .contains("14 ratings, average 4.6 of 5")
                .contains("conflict with a client")
                .contains("Contract review")
                .contains("FCRA compliance")
                .contains("IN-WB")
                .contains("90.5")
                .contains("Asha Rao")
                .contains("22.5")
                .contains("Shakti Vahini Trust");
        assertThat(text.lines()
                        .filter(line -> line.contains("Contract review"))
                        .findFirst()
                        .orElseThrow())
                .matches("\\s+Contract review\\s+18\\s+11\\s+61");
    }

    @Test
    void the_csv_has_one_figure_a_row_quotes_what_needs_it_and_defuses_formulas() throws IOException {
        String csv = ImpactReport.csv(sample());
        List<String> rows = csv.lines().toList();

        assertThat(csv).contains("\r\n");
        assertThat(rows.getFirst()).isEqualTo("section,key,name,measure,value");
        assertThat(rows)
                .contains(
                        "requests,,,received,42",
                        "hours,,,donated,131.5",
                        "hours,,,medianToAcceptance,",
                        "category,CONTRACT_REVIEW,,hours,61",
                        "jurisdiction,IN-WB,,completed,14",
                        "lawyer,0193c5a0-0000-7000-8000-000000000002,Asha Rao,hours,22.5",
                        "organisation,0193c5a0-0000-7000-8000-000000000001,Shakti Vahini Trust,completed,5",
                        "declineReason,,\"no time this month, sorry\",count,5",
                        "feedback,,,averageRating,4.571");
        assertThat(rows)
                .contains("lawyer,0193c5a0-0000-7000-8000-000000000003,\"'=HYPERLINK(\"\"x\"\"), Sen\",matters,1");
        assertThat(rows)
                .allSatisfy(row -> assertThat(row.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1))
                        .hasSize(5));
    }
}
