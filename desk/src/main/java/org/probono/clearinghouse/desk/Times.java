package org.probono.clearinghouse.desk;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as the team reads them: in the deployment's time zone, as the emails show them ({@code 30 Nov 2026, 15:45 IST}). */
record Times(ZoneId zone) {
    static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Kolkata");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm zzz", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /** An ISO-8601 time from a function's answer; empty or null shows as {@code none}. */
    String time(String iso) {
        if (iso == null || iso.isBlank() || iso.equals("null")) return "none";
        return TIME.format(Instant.parse(iso).atZone(zone));
    }

    static String day(LocalDate date) {
        return DAY.format(date);
    }
}
