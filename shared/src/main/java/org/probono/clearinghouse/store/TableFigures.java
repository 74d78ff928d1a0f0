package org.probono.clearinghouse.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.probono.clearinghouse.impact.Figure;
import org.probono.clearinghouse.impact.RunningFigures;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * {@link RunningFigures} on the single table: a day is one eventually consistent Query of its partition
 * ({@link RunningTotals} writes it); names are BatchGetItem calls of 100 keys, eventually consistent.
 */
public final class TableFigures implements RunningFigures {
    /** The sort-key prefixes of a day's per-subject counters and request rows (none is a prefix of another). */
    private static final Map<String, Figure.Kind> KINDS = Map.of(
            Keys.IMPACT_CATEGORY_PREFIX, Figure.Kind.CATEGORY,
            Keys.IMPACT_JURISDICTION_PREFIX, Figure.Kind.JURISDICTION,
            Keys.IMPACT_LAWYER_PREFIX, Figure.Kind.LAWYER,
            Keys.IMPACT_ORGANISATION_PREFIX, Figure.Kind.ORGANISATION,
            Keys.IMPACT_REQUEST_PREFIX, Figure.Kind.REQUEST);

    private final Store store;

    public TableFigures(Store store) {
        this.store = store;
    }

    @Override
    public List<Figure> day(LocalDate day) {
        List<Figure> figures = new ArrayList<>();
        for (Item item : store.wholePartition(Keys.impactDayPk(day))) {
            String sk = item.string(Keys.SK);
            Map<String, Double> numbers = new HashMap<>();
            Map<String, String> texts = new HashMap<>();
            item.document().toMap().forEach((name, value) -> {
                if (value.n() != null) numbers.put(name, Double.parseDouble(value.n()));
                else if (value.s() != null) texts.put(name, value.s());
            });
            if (sk.equals(Keys.IMPACT_TOTAL)) {
                figures.add(new Figure(Figure.Kind.TOTAL, "", numbers, texts));
                continue;
            }
            KINDS.forEach((prefix, kind) -> {
                if (sk.startsWith(prefix)) figures.add(new Figure(kind, sk.substring(prefix.length()), numbers, texts));
            });
        }
        return figures;
    }

    @Override
    public Map<String, String> names(List<String> lawyerIds, List<String> organisationIds) {
        List<Key> keys = new ArrayList<>();
        lawyerIds.forEach(id -> keys.add(Keys.lawyer(id)));
        organisationIds.forEach(id -> keys.add(Keys.organisation(id)));
        Map<String, String> names = new HashMap<>();
        for (Item item : store.getAll(keys)) {
            String id = item.string("id");
            if (id != null && item.string("name") != null) names.put(id, item.string("name"));
        }
        return names;
    }
}
