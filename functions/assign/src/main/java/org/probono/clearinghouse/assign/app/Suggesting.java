package org.probono.clearinghouse.assign.app;

import java.util.List;
import java.util.Optional;
import org.probono.clearinghouse.matters.Candidate;
import org.probono.clearinghouse.matters.Matter;
import org.probono.clearinghouse.matters.Matters;
import org.probono.clearinghouse.matters.Suggestions;

/** Ranked candidates for an open request (the rule lives in shared {@code matters.Ranking}). */
public final class Suggesting {
    public record Candidates(List<Candidate> candidates) {}

    private final Matters matters;
    private final Suggestions suggestions;

    public Suggesting(Matters matters, Suggestions suggestions) {
        this.matters = matters;
        this.suggestions = suggestions;
    }

    public Result suggest(String requestId, int limit) {
        Optional<Matter> matter = matters.matter(requestId);
        if (matter.isEmpty()) return Result.notFound("No request " + requestId + ".");
        if (!matter.get().request().status().isOpen()) {
            return Result.conflict(
                    "Request " + requestId + " is " + matter.get().request().status() + ", not open.");
        }
        return Result.done(new Candidates(suggestions.forMatter(matter.get(), limit)));
    }
}
