package org.probono.clearinghouse.notify.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.DecimalStyle;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.probono.clearinghouse.domain.Language;
import org.probono.clearinghouse.domain.OutboxMessage;

/**
 * An outbox item's language-neutral values in the reader's words: instants ({@link OutboxMessage#TIME_KEYS})
 * as "30 Nov 2026, 15:45 IST" in the deployment's zone, and the codes under {@link #LABELLED_KEYS} (a
 * category, a registrant's kind, a request's language) as the labels in
 * {@code templates/<language>/labels.properties}; English labels only the kind ("an organisation") and shows
 * the other codes as they are.
 * What people wrote (names, titles, summaries, reasons) passes through untouched.
 */
public final class Wording {
    /** Data keys whose values are codes, labelled per language ({@code category.CONTRACT_REVIEW}, {@code kind.lawyer}). */
    static final Set<String> LABELLED_KEYS = Set.of("category", "kind", "language");

    private final ZoneId zone;
    private final Map<Language, DateTimeFormatter> times = new EnumMap<>(Language.class);
    private final Map<Language, Properties> labels = new EnumMap<>(Language.class);
    /** The zone's short name ("IST") stays in Latin letters in every language: people know it that way. */
    private final DateTimeFormatter zoneName;

    public Wording(ZoneId zone) {
        this.zone = zone;
        this.zoneName = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).withZone(zone);
        for (Language language : Language.values()) {
            // English abbreviates the month as Indian English mail does; Hindi and Bengali name it in full,
            // and Bengali writes its own digits.
            DateTimeFormatter format = language == Language.EN
                    ? DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm", Locale.ENGLISH)
                    : DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm", language.locale());
            if (language == Language.BN) format = format.withDecimalStyle(DecimalStyle.of(language.locale()));
            times.put(language, format.withZone(zone));
            labels.put(language, labels(language));
        }
    }

    public ZoneId zone() {
        return zone;
    }

    /** {@code at} as the reader reads it: "30 Nov 2026, 15:45 IST", "30 नवंबर 2026, 15:45 IST". */
    public String time(Instant at, Language language) {
        return times.get(language).format(at) + " " + zoneName.format(at);
    }

    /** The label of {@code code} under {@code key} in {@code language}; the code itself where there is none. */
    public String label(String key, String code, Language language) {
        return labels.get(language).getProperty(key + "." + code, code);
    }

    /** A copy of {@code data} with its times and codes in the reader's words. */
    public Map<String, Object> inWordsOf(Language language, Map<String, Object> data) {
        Map<String, Object> worded = new HashMap<>(data);
        for (String key : OutboxMessage.TIME_KEYS) {
            if (data.get(key) instanceof String iso && !iso.isBlank()) {
                try {
                    worded.put(key, time(Instant.parse(iso), language));
                } catch (DateTimeParseException e) {
                    // Written before times were instants: already text for people, shown as it is.
                }
            }
        }
        for (String key : LABELLED_KEYS) {
            if (data.get(key) instanceof String code) worded.put(key, label(key, code, language));
        }
        return worded;
    }

    private static Properties labels(Language language) {
        Properties properties = new Properties();
        String path = "templates/" + language.code() + "/labels.properties";
        try (InputStream in = Wording.class.getClassLoader().getResourceAsStream(path)) {
            if (in != null) properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
