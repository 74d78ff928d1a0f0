package org.probono.clearinghouse.local.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.domain.Category;
import org.probono.clearinghouse.domain.Language;
import org.probono.clearinghouse.domain.OrganisationType;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.local.backend.Template;

/**
 * The web form's texts (web/i18n/&lt;language&gt;.json): one file per language we write in, the same keys and
 * placeholders in each, every key the page and its script use present, none left over. No browser needed.
 */
class WebFormTextsTest {
    private static final Path WEB = Template.repositoryRoot().resolve("web");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    /** Keys built from the domain's closed sets in app.js ("category." + code). */
    private static final Map<String, List<String>> ENUM_KEYS = Map.of(
            "category.", names(Category.values()),
            "orgType.", names(OrganisationType.values()),
            "requestStatus.", names(RequestStatus.values()));

    private static Map<String, String> texts(Language language) {
        try {
            return JSON.readValue(
                    WEB.resolve("i18n").resolve(language.code() + ".json").toFile(),
                    new TypeReference<LinkedHashMap<String, String>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(WEB.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        for (Matcher m = pattern.matcher(text); m.find(); ) found.add(m.group(1));
        return found;
    }

    private static Set<String> placeholders(String text) {
        return matches(PLACEHOLDER, text);
    }

    /** Every key index.html names (data-i18n, data-i18n-aria-label) and every key literal in app.js. */
    private static Set<String> keysInUse() {
        Set<String> keys =
                new TreeSet<>(matches(Pattern.compile("data-i18n(?:-aria-label)?=\"([^\"]+)\""), read("index.html")));
        Set<String> groups = texts(Language.EN).keySet().stream()
                .map(key -> key.substring(0, key.indexOf('.')))
                .collect(Collectors.toSet());
        for (String literal : matches(Pattern.compile("\"([A-Za-z]+\\.[A-Za-z0-9_]+)\""), read("app.js"))) {
            if (groups.contains(literal.substring(0, literal.indexOf('.')))) keys.add(literal);
        }
        ENUM_KEYS.forEach((prefix, codes) -> codes.forEach(code -> keys.add(prefix + code)));
        return keys;
    }

    @Test
    void every_language_we_write_emails_in_has_its_texts_a_switch_button_and_an_email_language_choice() {
        String page = read("index.html");
        String script = read("app.js");

        for (Language language : Language.values()) {
            assertThat(WEB.resolve("i18n").resolve(language.code() + ".json")).isRegularFile();
            assertThat(page)
                    .contains("data-language=\"" + language.code() + "\"")
                    .contains("<option value=\"" + language.code() + "\" lang=\"" + language.code() + "\">");
        }
        assertThat(script)
                .contains("const LANGUAGES = ["
                        + Arrays.stream(Language.values())
                                .map(language -> "\"" + language.code() + "\"")
                                .collect(Collectors.joining(", "))
                        + "];");
        assertThat(page)
                .contains("name=\"contact.preferredLanguage\" data-email-language")
                .contains("name=\"preferredLanguage\" data-email-language");
    }

    @Test
    void every_language_has_exactly_the_keys_of_english() {
        Set<String> english = texts(Language.EN).keySet();

        for (Language language : Language.values()) {
            assertThat(texts(language).keySet())
                    .as(language.code() + ".json")
                    .containsExactlyInAnyOrderElementsOf(english);
        }
    }

    @Test
    void every_text_has_the_placeholders_of_its_english_text() {
        Map<String, String> english = texts(Language.EN);

        for (Language language : Language.values()) {
            texts(language)
                    .forEach((key, text) -> assertThat(placeholders(text))
                            .as(language.code() + ".json " + key)
                            .isEqualTo(placeholders(english.get(key))));
        }
    }

    @Test
    void hindi_and_bengali_texts_are_written_in_their_own_scripts() {
        Map<Language, Character.UnicodeScript> scripts =
                Map.of(Language.HI, Character.UnicodeScript.DEVANAGARI, Language.BN, Character.UnicodeScript.BENGALI);

        scripts.forEach((language, script) -> texts(language).forEach((key, text) -> {
            String withoutPlaceholders = PLACEHOLDER.matcher(text).replaceAll("");
            boolean written = withoutPlaceholders.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == script);
            // "{field}: {message}" carries only the server's words: nothing of its own to write.
            if (!withoutPlaceholders.replaceAll("[\\s:]", "").isEmpty()) {
                assertThat(written)
                        .as(language.code() + ".json " + key + ": " + text)
                        .isTrue();
            }
        }));
    }

    @Test
    void every_key_the_page_and_its_script_use_has_a_text() {
        assertThat(texts(Language.EN).keySet()).containsAll(keysInUse());
    }

    @Test
    void no_text_is_left_over_that_nothing_shows() {
        assertThat(keysInUse()).containsAll(texts(Language.EN).keySet());
    }

    @Test
    void the_form_offers_the_categories_of_the_domain() {
        Function<String, List<String>> quoted = list ->
                matches(Pattern.compile("\"([A-Z_0-9]+)\""), list).stream().toList();
        Matcher categories = Pattern.compile("const CATEGORIES = \\[([^\\]]+)]").matcher(read("app.js"));

        assertThat(categories.find()).isTrue();
        assertThat(quoted.apply(categories.group(1))).containsExactlyInAnyOrderElementsOf(names(Category.values()));
        assertThat(Stream.of(OrganisationType.values()).map(type -> "<option value=\"" + type.name() + "\""))
                .allMatch(read("index.html")::contains);
    }
}
