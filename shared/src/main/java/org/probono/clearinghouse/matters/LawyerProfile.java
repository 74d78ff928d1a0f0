package org.probono.clearinghouse.matters;

import org.probono.clearinghouse.store.Keys;
import java.util.List;
import java.util.Optional;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LawyerStats;
import org.probono.clearinghouse.store.Item;
import org.probono.clearinghouse.store.LawyerItems;
import org.probono.clearinghouse.store.LawyerStatsItems;
import org.probono.clearinghouse.store.Store;

/** A lawyer with the statistics the ranking uses; read in one query of 1 read unit (strongly consistent). */
public record LawyerProfile(Lawyer lawyer, LawyerStats stats) {
    public static Optional<LawyerProfile> load(Store store, String lawyerId) {
        List<Item> items = store.partition(Keys.lawyerPk(lawyerId), Keys.LAWYER_PROFILE_PREFIX);
        Optional<Lawyer> lawyer = items.stream().filter(item -> LawyerItems.ENTITY.equals(item.entity()))
                .findFirst().map(LawyerItems::from);
        LawyerStats stats = items.stream().filter(LawyerStatsItems::isStats).findFirst()
                .map(LawyerStatsItems::from).orElse(LawyerStats.none(lawyerId));
        return lawyer.map(found -> new LawyerProfile(found, stats));
    }
}
