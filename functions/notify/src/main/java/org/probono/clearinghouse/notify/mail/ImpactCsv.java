package org.probono.clearinghouse.notify.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.probono.clearinghouse.impact.RequestRow;
import org.probono.clearinghouse.json.Json;

/**
 * The report's CSV: one row per request of the period, the columns of {@link RequestRow} in its order
 * (no summary, no confidential details), times ISO-8601 UTC, with a header row. UTF-8 with a byte-order
 * mark, so spreadsheet programs show Hindi and Bengali titles and names as written. Written by Jackson's
 * CSV module, which is built on databind: the one place a function uses databind, on the monthly report's
 * path only (the architecture test keeps it there).
 */
public final class ImpactCsv {
    private static final CsvMapper CSV =
            CsvMapper.builder().addModule(timesAsText()).build();
    private static final CsvSchema SCHEMA = CSV.schemaFor(RequestRow.class)
            .withHeader()
            .sortedBy(java.util.Arrays.stream(RequestRow.class.getRecordComponents())
                    .map(java.lang.reflect.RecordComponent::getName)
                    .toArray(String[]::new));

    private ImpactCsv() {}

    /** The java.time types our records carry as ISO-8601 text, as {@link Json} writes them. */
    @SuppressWarnings("unchecked")
    private static SimpleModule timesAsText() {
        SimpleModule times = new SimpleModule("clearinghouse-java-time-as-text");
        for (Class<?> type : Json.TIME_TYPES) times.addSerializer((Class<Object>) type, ToStringSerializer.instance);
        return times;
    }

    public static byte[] of(List<RequestRow> rows) {
        try {
            return ("\uFEFF" + CSV.writer(SCHEMA).writeValueAsString(rows)).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request row could not be written as CSV", e);
        }
    }
}
