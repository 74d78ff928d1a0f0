package org.probono.clearinghouse.store;

import java.time.Instant;
import org.probono.clearinghouse.domain.LawyerStats;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/**
 * LawyerStats ⇄ item, in the lawyer's partition with SK {@code LAWYER#STATS}: the prefix {@code LAWYER}
 * matches the lawyer item and this one and not the practice-area items, so one strongly consistent query
 * of 1 read unit reads both (see {@link #profileSkPrefix()}). A separate item, so writers of the lawyer
 * profile (registration, review) never overwrite the statistics.
 */
public final class LawyerStatsItems {
    public static final String ENTITY = "LAWYER_STATS";
    private static final String SK = "LAWYER#STATS";

    private LawyerStatsItems() {}

    public static Key key(String lawyerId) { return Keys.key("LAWYER#" + lawyerId, SK); }

    public static String lawyerPk(String lawyerId) { return "LAWYER#" + lawyerId; }

    /** The sort-key prefix that selects the lawyer item and its statistics, not its practice-area items. */
    public static String profileSkPrefix() { return "LAWYER"; }

    public static boolean isStats(Item item) { return ENTITY.equals(item.entity()); }

    public static EnhancedDocument toItem(LawyerStats stats) {
        return Item.write(ENTITY, key(stats.lawyerId()))
                .string("lawyerId", stats.lawyerId())
                .number("answered", stats.answered())
                .number("responseSeconds", stats.responseSeconds())
                .strings("recentOffers", stats.recentOffers().stream().map(Instant::toString).toList())
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

    /** Adds the write of {@code after} (read as {@code before}) to the transaction: a create the first time. */
    public static Transaction save(Transaction transaction, LawyerStats before, LawyerStats after) {
        return before.version() == 0
                ? transaction.create(toItem(after), Failure.CHANGED_CONCURRENTLY)
                : transaction.replace(toItem(after), before.version());
    }
}
