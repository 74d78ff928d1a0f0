package org.probono.clearinghouse.impact;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The impact report's running totals, as the report reads them (it decides nothing: eventually consistent). */
public interface RunningFigures {
    /** Every figure counted on {@code day} (the deployment's time zone). */
    List<Figure> day(LocalDate day);

    /** The names of these lawyers and organisations, by id; those not found are left out. */
    Map<String, String> names(List<String> lawyerIds, List<String> organisationIds);
}
