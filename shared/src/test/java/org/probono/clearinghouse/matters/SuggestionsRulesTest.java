package org.probono.clearinghouse.matters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.domain.Category;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LawyerStats;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.domain.ProfileStatus;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.testkit.InMemoryMatters;
import org.probono.clearinghouse.testkit.MatterSamples;
import org.probono.clearinghouse.testkit.MovableClock;

/** Suggestions rank the lawyers who practise the request's category, on the in-memory ports: no backend. */
class SuggestionsRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private final MovableClock clock = new MovableClock(NOW);
    private final InMemoryMatters table = new InMemoryMatters(clock);
    private final Suggestions suggestions = new Suggestions(table, clock);

    @Test
    void candidates_are_the_eligible_lawyers_of_the_category_best_first() {
        Organisation org = MatterSamples.organisation("ORG-1");
        LegalRequest request =
                MatterSamples.request("REQ-1", org, RequestStatus.SUBMITTED, NOW.minus(Duration.ofDays(1)));
        Lawyer idle = MatterSamples.lawyer("L-A", "Asha Idle", 0);
        Lawyer busy = MatterSamples.lawyer("L-B", "Bina Busy", 1);
        Lawyer full = MatterSamples.lawyer("L-C", "Chitra Full", 2);
        Lawyer pending = MatterSamples.lawyer("L-D", "Dev Pending", 0).withStatus(ProfileStatus.PENDING_REVIEW);
        Lawyer otherArea = new Lawyer(
                "L-E",
                "Esha Employment",
                "esha@law.example",
                null,
                null,
                "WB/2",
                "IN-WB",
                3,
                List.of(Category.EMPLOYMENT),
                List.of("IN-WB"),
                List.of("en"),
                2,
                0,
                false,
                ProfileStatus.APPROVED,
                NOW,
                1);
        table.put(org)
                .put(request)
                .put(idle)
                .put(busy)
                .put(full)
                .put(pending)
                .put(otherArea)
                .put(new LawyerStats(busy.id(), 4, 4 * 24 * 3600, List.of(), 2));
        Matter matter = table.matter(request.id()).orElseThrow();

        List<Candidate> candidates = suggestions.forMatter(matter, 5);

        assertThat(candidates).extracting(Candidate::lawyerId).containsExactly(idle.id(), busy.id());
        assertThat(candidates.getFirst().score())
                .isGreaterThan(candidates.getLast().score());
        assertThat(suggestions.forMatter(matter, 1))
                .extracting(Candidate::lawyerId)
                .containsExactly(idle.id());
    }
}
