package org.probono.clearinghouse.notify.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.probono.clearinghouse.impact.RequestRow;
import org.probono.clearinghouse.json.Json;

/**
 * The report's CSV: one row per request of the period, the columns of {@link RequestRow} in its order
 * (no summary, no confidential details), times ISO-8601 UTC, with a header row. UTF-8 with a byte-order
 * mark, so spreadsheet programs show Hindi and Bengali titles and names as written.
 */
public final class ImpactCsv {
    private static final CsvMapper CSV = CsvMapper.builder()
            .addModule(Json.timeTypes())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    private static final CsvSchema SCHEMA = CSV.schemaFor(RequestRow.class)
            .withHeader()
            .sortedBy(java.util.Arrays.stream(RequestRow.class.getRecordComponents())
                    .map(java.lang.reflect.RecordComponent::getName)
                    .toArray(String[]::new));

    private ImpactCsv() {}

    public static byte[] of(List<RequestRow> rows) {
        try {
            return ("\uFEFF" + CSV.writer(SCHEMA).writeValueAsString(rows)).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request row could not be written as CSV", e);
        }
    }
}
