package org.probono.clearinghouse.notify.mail;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.Language;

/**
 * The one email renderer: logic-less mustache templates, three per {@link EmailTemplate} and language
 * ({@code <name>.subject.mustache}, {@code .txt.mustache}, {@code .html.mustache}), with the footer
 * partials. English lives in {@code templates/}, Hindi and Bengali in {@code templates/hi/} and
 * {@code templates/bn/}, for every email to a person; the team's emails exist in English only. The HTML
 * part is HTML-escaped; the subject and text part are not (they are not HTML). Each email's templates
 * compile on its first render and are kept: a delivery compiles the one email it sends, not all hundred-odd
 * parts (a third of a second of a cold start). A missing translation is caught by TranslationsTest and
 * EmailTemplatesTest at build time.
 */
public final class EmailTemplates {
    private static final String ROOT = "templates";

    /** One email, rendered. */
    public record Rendered(String subject, String text, String html) {}

    private record Compiled(Mustache subject, Mustache text, Mustache html) {}

    private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();
    private final MustacheFactory html = new DefaultMustacheFactory(ROOT);
    private final MustacheFactory plain = new PlainMustacheFactory();

    /** Subjects and text parts are not HTML: values go in as they are. */
    private static final class PlainMustacheFactory extends DefaultMustacheFactory {
        PlainMustacheFactory() {
            super(ROOT);
        }

        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The file name of {@code template} in {@code language} under {@code templates/}, without the part and
     * extension: {@code offer}, {@code hi/offer}.
     */
    public static String path(Language language, EmailTemplate template) {
        return (language == Language.EN ? "" : language.code() + "/") + template.fileName();
    }

    /**
     * Renders {@code template} in the reader's {@code language} (the team's emails always in English) with
     * {@code scope} (strings and lists of strings; missing keys are empty).
     */
    public Rendered render(EmailTemplate template, Language language, Map<String, Object> scope) {
        Compiled parts = compiled.computeIfAbsent(
                path(template.languageFor(language), template),
                name -> new Compiled(
                        plain.compile(name + ".subject.mustache"),
                        plain.compile(name + ".txt.mustache"),
                        html.compile(name + ".html.mustache")));
        return new Rendered(
                run(parts.subject(), scope).strip().replaceAll("\\s+", " "),
                run(parts.text(), scope),
                run(parts.html(), scope));
    }

    private static String run(Mustache mustache, Map<String, Object> scope) {
        StringWriter out = new StringWriter();
        mustache.execute(out, scope);
        return out.toString();
    }
}
