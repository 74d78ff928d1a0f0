package org.probono.clearinghouse.notify.mail;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.EnumMap;
import java.util.Map;
import org.probono.clearinghouse.domain.EmailTemplate;

/**
 * The one email renderer: logic-less mustache templates under {@code templates/}, three per
 * {@link EmailTemplate} ({@code <name>.subject.mustache}, {@code .txt.mustache}, {@code .html.mustache}),
 * with the footer partials. The HTML part is HTML-escaped; the subject and text part are not (they are
 * not HTML). Everything compiles once, when the container starts.
 */
public final class EmailTemplates {
    private static final String ROOT = "templates";

    /** One email, rendered. */
    public record Rendered(String subject, String text, String html) {}

    private record Compiled(Mustache subject, Mustache text, Mustache html) {}

    private final Map<EmailTemplate, Compiled> compiled = new EnumMap<>(EmailTemplate.class);

    public EmailTemplates() {
        MustacheFactory html = new DefaultMustacheFactory(ROOT);
        MustacheFactory plain = new DefaultMustacheFactory(ROOT) {
            @Override
            public void encode(String value, Writer writer) {
                try {
                    writer.write(value);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        for (EmailTemplate template : EmailTemplate.values()) {
            String name = template.fileName();
            compiled.put(template, new Compiled(plain.compile(name + ".subject.mustache"),
                    plain.compile(name + ".txt.mustache"), html.compile(name + ".html.mustache")));
        }
    }

    /** Renders {@code template} with {@code scope} (strings and lists of strings; missing keys are empty). */
    public Rendered render(EmailTemplate template, Map<String, Object> scope) {
        Compiled parts = compiled.get(template);
        return new Rendered(run(parts.subject(), scope).strip().replaceAll("\\s+", " "), run(parts.text(), scope),
                run(parts.html(), scope));
    }

    private static String run(Mustache mustache, Map<String, Object> scope) {
        StringWriter out = new StringWriter();
        mustache.execute(out, scope);
        return out.toString();
    }
}
