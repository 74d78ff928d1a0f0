package org.probono.clearinghouse.matters;

import java.util.List;
import java.util.Optional;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.Store;

/**
 * Ranked candidates for a request, read from the practice-area index (never a table scan).
 * Cost per call, for N lawyers in the request's category: the area index query (eventually consistent,
 * about 100 bytes an entry: 0.5 read unit per 40 lawyers) plus one strongly consistent query per lawyer
 * for the profile and its statistics (1 read unit each): about N + 0.5 read units, on top of the
 * {@link Matter} the caller already read (3 units).
 */
public final class Suggestions {
    private final Store store;

    public Suggestions(Store store) { this.store = store; }

    public List<Candidate> forMatter(Matter matter, int limit) {
        List<LawyerProfile> profiles = store.index(Keys.GSI1, Keys.areaIndexPk(matter.request().category().name()), true, 0)
                .stream()
                .map(item -> item.string("lawyerId"))
                .distinct()
                .map(lawyerId -> LawyerProfile.load(store, lawyerId))
                .flatMap(Optional::stream)
                .toList();
        return Ranking.rank(matter.request(), matter.offers(), profiles, store.clock().instant(), limit);
    }
}
