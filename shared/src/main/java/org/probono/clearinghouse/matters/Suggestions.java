package org.probono.clearinghouse.matters;

import java.time.Clock;
import java.util.List;

/**
 * Ranked candidates for a request, among the lawyers who practise its category ({@link Lawyers#practising}:
 * on DynamoDB the practice-area index, never a table scan, and one strongly consistent read of each profile).
 */
public final class Suggestions {
    private final Lawyers lawyers;
    private final Clock clock;

    public Suggestions(Lawyers lawyers, Clock clock) {
        this.lawyers = lawyers;
        this.clock = clock;
    }

    public List<Candidate> forMatter(Matter matter, int limit) {
        return Ranking.rank(
                matter.request(),
                matter.offers(),
                lawyers.practising(matter.request().category()),
                clock.instant(),
                limit);
    }
}
