package org.probono.clearinghouse.notify.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.Language;

class EmailTemplatesTest {
    private final EmailTemplates templates = new EmailTemplates();

    @Test
    void every_template_has_a_subject_a_text_and_an_html_part_with_the_footer() {
        for (EmailTemplate template : EmailTemplate.values()) {
            for (String part : List.of(".subject.mustache", ".txt.mustache", ".html.mustache")) {
                assertThat(getClass().getResource("/templates/" + template.fileName() + part))
                        .as(template + part)
                        .isNotNull();
            }
            EmailTemplates.Rendered rendered =
                    templates.render(template, Language.EN, Map.of("adminEmail", "team@clearinghouse.test"));
            assertThat(rendered.subject()).as(template.name()).isNotBlank().doesNotContain("\n");
            assertThat(rendered.text())
                    .as(template.name())
                    .contains("Pro Bono Clearinghouse", "team@clearinghouse.test");
            assertThat(rendered.html())
                    .as(template.name())
                    .startsWith("<!DOCTYPE html>")
                    .contains("mailto:team@clearinghouse.test");
        }
    }

    @Test
    void the_html_part_is_escaped_and_the_text_part_is_not() {
        EmailTemplates.Rendered rendered = templates.render(
                EmailTemplate.OFFER,
                Language.EN,
                Map.of(
                        "title",
                        "Contract <review> & more",
                        "lawyerName",
                        "Asha",
                        "counterparties",
                        List.of("Rao & Sen", "<b>X</b>")));
        assertThat(rendered.html())
                .contains("Contract &lt;review&gt; &amp; more", "<li>Rao &amp; Sen</li>", "&lt;b&gt;X&lt;/b&gt;")
                .doesNotContain("<review>");
        assertThat(rendered.text()).contains("Contract <review> & more", "- Rao & Sen");
        assertThat(rendered.subject()).isEqualTo("Pro bono offer: Contract <review> & more ()");
    }

    @Test
    void links_carry_the_token() {
        EmailTemplates.Rendered rendered = templates.render(
                EmailTemplate.VERIFY_EMAIL,
                Language.EN,
                Map.of("apiUrl", "https://api.example.org", "token", "tok_123", "name", "Asha", "kind", "lawyer"));
        assertThat(rendered.text()).contains("https://api.example.org/verify?token=tok_123");
        assertThat(rendered.html()).contains("href=\"https://api.example.org/verify?token=tok_123\"");
    }

    @Test
    void a_reissued_org_token_is_linked_and_shown_and_the_old_one_is_said_to_be_dead() {
        EmailTemplates.Rendered rendered = templates.render(
                EmailTemplate.ORGANISATION_TOKEN_REISSUED,
                Language.EN,
                Map.of(
                        "webUrl",
                        "https://help.example.org",
                        "token",
                        "tok_456",
                        "name",
                        "Shakti & Co",
                        "contactName",
                        "Ananya"));
        assertThat(rendered.subject()).isEqualTo("Your new Pro Bono Clearinghouse access token");
        assertThat(rendered.text())
                .contains(
                        "Dear Ananya,",
                        "Shakti & Co",
                        "https://help.example.org/#token=tok_456",
                        "\ntok_456\n",
                        "previous token no longer works");
        assertThat(rendered.html())
                .contains(
                        "href=\"https://help.example.org/#token=tok_456\"",
                        ">tok_456</p>",
                        "Shakti &amp; Co",
                        "previous token no longer works");
    }

    @Test
    void an_empty_list_says_so() {
        EmailTemplates.Rendered rendered =
                templates.render(EmailTemplate.OFFER, Language.EN, Map.of("counterparties", List.of()));
        assertThat(rendered.text()).contains("None named.");
    }
}
