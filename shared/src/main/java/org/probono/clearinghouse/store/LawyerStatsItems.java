package org.probono.clearinghouse.store;

import java.time.Instant;
import org.probono.clearinghouse.domain.Failure;
import org.probono.clearinghouse.domain.LawyerStats;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/**
 * LawyerStats ⇄ item ({@link Keys#lawyerStats}), in the lawyer's partition: one strongly consistent
 * query of 1 read unit reads the lawyer and its statistics ({@link Keys#LAWYER_PROFILE_PREFIX}). A
 * separate item, so writers of the lawyer profile (registration, review) never overwrite the statistics.
 */
public final class LawyerStatsItems {
    public static final String ENTITY = "LAWYER_STATS";

    private LawyerStatsItems() {}

    public static boolean isStats(Item item) {
        return ENTITY.equals(item.entity());
    }

    public static EnhancedDocument toItem(LawyerStats stats) {
        return Item.write(ENTITY, Keys.lawyerStats(stats.lawyerId()))
                .string("lawyerId", stats.lawyerId())
                .number("answered", stats.answered())
                .number("responseSeconds", stats.responseSeconds())
                .strings(
                        "recentOffers",
                        stats.recentOffers().stream().map(Instant::toString).toList())
                .version(stats.version())
                .build();
    }

    public static LawyerStats from(Item item) {
        return new LawyerStats(
                item.requiredString("lawyerId"),
                (int) item.number("answered"),
                item.number("responseSeconds"),
                item.strings("recentOffers").stream().map(Instant::parse).toList(),
                item.version());
    }

    /** Adds the write of {@code after} (read at {@code readVersion}) to the transaction: a create the first time. */
    public static Transaction save(Transaction transaction, LawyerStats after, long readVersion) {
        return readVersion == 0
                ? transaction.create(toItem(after), Failure.CHANGED_CONCURRENTLY)
                : transaction.replace(toItem(after), readVersion);
    }
}
