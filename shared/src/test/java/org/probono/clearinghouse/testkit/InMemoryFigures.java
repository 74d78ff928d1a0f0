package org.probono.clearinghouse.testkit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.probono.clearinghouse.impact.Figure;
import org.probono.clearinghouse.impact.RunningFigures;

/** {@link RunningFigures} held in memory: the figures of each day as a test writes them, and the names it knows. */
public final class InMemoryFigures implements RunningFigures {
    private final Map<LocalDate, List<Figure>> days = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();

    public InMemoryFigures add(LocalDate day, Figure figure) {
        days.computeIfAbsent(day, d -> new ArrayList<>()).add(figure);
        return this;
    }

    /** The name of a lawyer or an organisation. */
    public InMemoryFigures name(String id, String name) {
        names.put(id, name);
        return this;
    }

    @Override
    public List<Figure> day(LocalDate day) {
        return List.copyOf(days.getOrDefault(day, List.of()));
    }

    @Override
    public Map<String, String> names(List<String> lawyerIds, List<String> organisationIds) {
        Map<String, String> found = new HashMap<>();
        for (String id : lawyerIds) if (names.containsKey(id)) found.put(id, names.get(id));
        for (String id : organisationIds) if (names.containsKey(id)) found.put(id, names.get(id));
        return found;
    }
}
