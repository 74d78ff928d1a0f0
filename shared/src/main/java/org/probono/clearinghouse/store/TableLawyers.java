package org.probono.clearinghouse.store;

import java.util.List;
import java.util.Optional;
import org.probono.clearinghouse.domain.Category;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LawyerStats;
import org.probono.clearinghouse.matters.LawyerProfile;
import org.probono.clearinghouse.matters.Lawyers;

/**
 * {@link Lawyers} on the single table. A profile is one strongly consistent query of the lawyer's partition
 * (the lawyer and its statistics: 1 read unit). The lawyers of a category come from the practice-area index
 * (GSI1 {@code AREA#category}, eventually consistent, about 100 bytes an entry: 0.5 read unit per 40 lawyers)
 * and one profile read each: about N + 0.5 read units for N lawyers.
 */
public final class TableLawyers implements Lawyers {
    private final Store store;

    public TableLawyers(Store store) {
        this.store = store;
    }

    @Override
    public Optional<LawyerProfile> profile(String lawyerId) {
        List<Item> items = store.partition(Keys.lawyerPk(lawyerId), Keys.LAWYER_PROFILE_PREFIX);
        Optional<Lawyer> lawyer = items.stream()
                .filter(item -> LawyerItems.ENTITY.equals(item.entity()))
                .findFirst()
                .map(LawyerItems::from);
        LawyerStats stats = items.stream()
                .filter(LawyerStatsItems::isStats)
                .findFirst()
                .map(LawyerStatsItems::from)
                .orElse(LawyerStats.none(lawyerId));
        return lawyer.map(found -> new LawyerProfile(found, stats));
    }

    @Override
    public Optional<Lawyer> lawyer(String lawyerId) {
        return store.get(Keys.lawyer(lawyerId)).map(LawyerItems::from);
    }

    @Override
    public List<LawyerProfile> practising(Category category) {
        return store.index(Keys.GSI1, Keys.areaIndexPk(category.name()), true, 0).stream()
                .map(item -> item.string("lawyerId"))
                .distinct()
                .map(this::profile)
                .flatMap(Optional::stream)
                .toList();
    }
}
