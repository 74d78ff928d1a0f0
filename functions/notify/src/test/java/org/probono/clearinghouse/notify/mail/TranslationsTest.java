package org.probono.clearinghouse.notify.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.probono.clearinghouse.domain.Category;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.Language;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.impact.ImpactFigures;
import org.probono.clearinghouse.impact.ImpactReport;
import org.probono.clearinghouse.local.backend.Template;
import org.probono.clearinghouse.notify.app.ImpactReportMail;

/**
 * Every email to a person exists in English, Hindi and Bengali with the same placeholders, and every
 * template renders in every language with no value missing. Mustache renders a missing value as empty
 * text, silently; here the scope records every name a template asks for that the data lacks. The data is
 * what docs/emails.md promises for each template, plus what NotifyFunction adds at send time.
 */
class TranslationsTest {
    private static final List<String> PARTS = List.of("subject", "txt", "html");
    private static final Pattern TAG = Pattern.compile("\\{\\{\\s*([#^/>&!]?)\\s*([^}\\s]+)\\s*}?}}");
    private static final Pattern DOC_ROW = Pattern.compile("^\\| `([A-Z_]+)` \\|[^|]*\\|([^|]*)\\|([^|]*)\\|$");
    private static final Pattern DOC_KEY = Pattern.compile("`([a-zA-Z]+)`( \\(list)?");
    private static final Pattern DEVANAGARI = Pattern.compile("\\p{IsDevanagari}");
    private static final Pattern BENGALI = Pattern.compile("\\p{IsBengali}");

    private final EmailTemplates templates = new EmailTemplates();
    private final Wording wording = new Wording(ZoneId.of("Asia/Kolkata"));

    @TestFactory
    Stream<DynamicTest> every_email_to_a_person_exists_in_hindi_and_bengali_with_the_same_placeholders_as_in_english() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Language language : List.of(Language.HI, Language.BN)) {
            for (EmailTemplate template : EmailTemplate.values()) {
                if (template.isForTheTeam()) continue;
                tests.add(DynamicTest.dynamicTest(language.code() + " " + template.fileName(), () -> {
                    for (String part : PARTS) {
                        String english =
                                resource(EmailTemplates.path(Language.EN, template) + "." + part + ".mustache");
                        String translated =
                                resource(EmailTemplates.path(language, template) + "." + part + ".mustache");
                        assertThat(placeholders(translated)).as(part).isEqualTo(placeholders(english));
                        assertThat(translated).as(part).containsPattern(language == Language.HI ? DEVANAGARI : BENGALI);
                    }
                }));
            }
            tests.add(DynamicTest.dynamicTest(language.code() + " footers", () -> {
                for (String part : List.of("txt", "html")) {
                    String english = resource("footer." + part + ".mustache");
                    String translated = resource(language.code() + "/footer." + part + ".mustache");
                    assertThat(placeholders(translated)).isEqualTo(placeholders(english));
                }
            }));
        }
        return tests.stream();
    }

    @Test
    void the_team_emails_exist_in_english_only() {
        for (EmailTemplate template : EmailTemplate.values()) {
            if (!template.isForTheTeam()) continue;
            for (Language language : List.of(Language.HI, Language.BN)) {
                assertThat(getClass()
                                .getResource(
                                        "/templates/" + language.code() + "/" + template.fileName() + ".txt.mustache"))
                        .as(language + " " + template)
                        .isNull();
            }
        }
    }

    @TestFactory
    Stream<DynamicTest>
            every_template_renders_in_every_language_with_every_value_docs_emails_md_promises_and_none_missing() {
        Map<EmailTemplate, Map<String, Object>> promised = promisedData();
        assertThat(promised.keySet())
                .as("docs/emails.md lists every template")
                .containsExactlyInAnyOrder(EmailTemplate.values());
        List<DynamicTest> tests = new ArrayList<>();
        for (Language language : Language.values()) {
            for (EmailTemplate template : EmailTemplate.values()) {
                tests.add(DynamicTest.dynamicTest(language.code() + " " + template.fileName(), () -> {
                    // As OutboxDelivery does: the team reads English whatever the item says.
                    Language reader = template.languageFor(language);
                    StrictScope scope = new StrictScope(wording.inWordsOf(reader, promised.get(template)));
                    EmailTemplates.Rendered rendered = templates.render(template, language, scope);

                    assertThat(scope.missing)
                            .as("values the template names but the data lacks")
                            .isEmpty();
                    assertThat(rendered.subject()).isNotBlank();
                    assertThat(rendered.text()).contains("Pro Bono Clearinghouse", "team@clearinghouse.test");
                    assertThat(rendered.html())
                            .startsWith("<!DOCTYPE html>")
                            .contains("mailto:team@clearinghouse.test");
                    assertThat(rendered.html()).contains("<html lang=\"" + reader.code() + "\">");
                    if (reader == Language.HI)
                        assertThat(rendered.text()).containsPattern(DEVANAGARI).doesNotContainPattern(BENGALI);
                    if (reader == Language.BN)
                        assertThat(rendered.text()).containsPattern(BENGALI).doesNotContainPattern(DEVANAGARI);
                    if (reader == Language.EN)
                        assertThat(rendered.text())
                                .doesNotContainPattern(DEVANAGARI)
                                .doesNotContainPattern(BENGALI);
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void times_read_as_people_write_them_in_each_language_in_the_deployment_zone() {
        Instant at = Instant.parse("2026-11-30T10:15:00Z");

        assertThat(wording.time(at, Language.EN)).isEqualTo("30 Nov 2026, 15:45 IST");
        assertThat(wording.time(at, Language.HI)).isEqualTo("30 नवंबर 2026, 15:45 IST");
        assertThat(wording.time(at, Language.BN)).isEqualTo("৩০ নভেম্বর ২০২৬, ১৫:৪৫ IST");
        assertThat(new Wording(ZoneId.of("Europe/London")).time(at, Language.EN))
                .isEqualTo("30 Nov 2026, 10:15 GMT");
    }

    @Test
    void codes_become_labels_in_hindi_and_bengali_while_what_people_wrote_passes_through() {
        Map<String, Object> data = Map.of(
                "category",
                "LEGAL_ADVICE",
                "kind",
                "lawyer",
                "language",
                "bn",
                "title",
                "Contract review",
                "deadline",
                "2026-12-01T04:30:00Z",
                "respondBy",
                "",
                "summary",
                "2026-12-01T04:30:00Z");

        Map<String, Object> hindi = wording.inWordsOf(Language.HI, data);
        Map<String, Object> english = wording.inWordsOf(Language.EN, data);

        assertThat(hindi)
                .containsEntry("category", "क़ानूनी सलाह")
                .containsEntry("kind", "वकील")
                .containsEntry("language", "बांग्ला")
                .containsEntry("title", "Contract review")
                .containsEntry("deadline", "1 दिसंबर 2026, 10:00 IST")
                .containsEntry("respondBy", "")
                .containsEntry("summary", "2026-12-01T04:30:00Z");
        assertThat(english)
                .containsEntry("category", "LEGAL_ADVICE")
                .containsEntry("kind", "a lawyer")
                .containsEntry("deadline", "1 Dec 2026, 10:00 IST");
        for (Category category : Category.values()) {
            for (Language language : List.of(Language.HI, Language.BN)) {
                assertThat(wording.label("category", category.name(), language))
                        .as(language + " " + category)
                        .isNotEqualTo(category.name());
            }
        }
    }

    /** docs/emails.md's table: template → the data its writer puts in, with a sample value for each key. */
    private static Map<EmailTemplate, Map<String, Object>> promisedData() {
        Map<EmailTemplate, Map<String, Object>> promised = new EnumMap<>(EmailTemplate.class);
        try {
            for (String line : Files.readAllLines(Template.repositoryRoot().resolve("docs/emails.md"))) {
                Matcher row = DOC_ROW.matcher(line.strip());
                if (!row.matches()) continue;
                EmailTemplate template = EmailTemplate.valueOf(row.group(1));
                Map<String, Object> data = new HashMap<>();
                String keys = row.group(2);
                if (keys.contains("same as `OFFER`")) data.putAll(promised.get(EmailTemplate.OFFER));
                Matcher key = DOC_KEY.matcher(keys);
                while (key.find()) data.put(key.group(1), sample(key.group(1), key.group(2) != null));
                if (!row.group(3).isBlank()) data.put("token", "tok_sample");
                promised.put(template, data);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // What NotifyFunction adds to every email at send time (OutboxDelivery.scope).
        promised.values().forEach(data -> {
            data.putIfAbsent("webUrl", "https://help.example.org");
            data.put("adminEmail", "team@clearinghouse.test");
            data.put("inboundDomain", "reply.clearinghouse.test");
        });
        promised.get(EmailTemplate.MATTER_DETAILS_TO_LAWYER)
                .put("confidentialDetails", "The muralist's fee is disputed.");
        promised.get(EmailTemplate.ADMIN_IMPACT_REPORT)
                .putAll(impactReportScope(promised.get(EmailTemplate.ADMIN_IMPACT_REPORT)));
        return promised;
    }

    /** What NotifyFunction adds to the monthly report at send time: a small month's figures. */
    private static Map<String, Object> impactReportScope(Map<String, Object> data) {
        Map<String, Object> period = new HashMap<>(data);
        period.put("from", "2026-11-01");
        period.put("to", "2026-11-30");
        ImpactReport report = new ImpactReport(
                "2026-11-01",
                "2026-11-30",
                new ImpactReport.Requests(3, 2, 1, 0, 1),
                6.5,
                2.0,
                5.0,
                new ImpactReport.Offers(4, 2, 1, 1),
                List.of(new ImpactReport.DeclineReason("conflict", 1)),
                List.of(new ImpactReport.CategoryFigures("CONTRACT_REVIEW", 3, 1, 6.5)),
                List.of(),
                List.of(new ImpactReport.LawyerFigures("L-1", "Asha Rao", 1, 6.5)),
                List.of(new ImpactReport.OrganisationFigures("O-1", "Shakti Vahini", 3, 1)),
                new ImpactReport.Feedback(1, 5.0));
        OutboxMessage message = OutboxMessage.toTeam(
                "01900000-0000-7000-8000-000000000001",
                EmailTemplate.ADMIN_IMPACT_REPORT,
                "team@clearinghouse.test",
                Map.copyOf(period),
                Instant.EPOCH);
        return new ImpactReportMail(null, ZoneId.of("Asia/Kolkata"))
                .enclose(message, new ImpactFigures.Period(report, List.of()))
                .scope();
    }

    private static Object sample(String key, boolean list) {
        if (list) return List.of(key + " one", key + " two");
        if (OutboxMessage.TIME_KEYS.contains(key)) return "2026-11-30T10:15:00Z";
        return switch (key) {
            case "category" -> "CONTRACT_REVIEW";
            case "kind" -> "lawyer";
            case "language" -> "hi";
            default -> key + " value";
        };
    }

    /** The tags of a template: values, sections (opening, inverted, closing: one name) and partials. */
    private static Set<String> placeholders(String template) {
        Set<String> found = new TreeSet<>();
        Matcher tag = TAG.matcher(template);
        while (tag.find()) {
            String kind = switch (tag.group(1)) {
                case "#", "^", "/" -> "section ";
                case ">" -> "partial ";
                case "!" -> null;
                default -> "value ";
            };
            if (kind != null) found.add(kind + tag.group(2));
        }
        return found;
    }

    private static String resource(String path) {
        try (InputStream in = TranslationsTest.class.getResourceAsStream("/templates/" + path)) {
            assertThat(in).as("templates/" + path + " exists").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A scope that notes every name looked up and not there (mustache asks a Map through containsKey). */
    private static final class StrictScope extends HashMap<String, Object> {
        final Set<String> missing = new LinkedHashSet<>();

        StrictScope(Map<String, Object> values) {
            super(values);
        }

        @Override
        public boolean containsKey(Object key) {
            boolean present = super.containsKey(key);
            if (!present) missing.add(String.valueOf(key));
            return present;
        }
    }
}
