package org.probono.clearinghouse.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.domain.Language;
import org.probono.clearinghouse.local.backend.Template;

class PrivacyNoticeTest {
    @Test
    void the_current_notice_is_published_in_every_language_emails_are_written_in() throws Exception {
        for (Language language : Language.values()) {
            Path file = Template.repositoryRoot()
                    .resolve("web/privacy/" + PrivacyNotice.CURRENT_VERSION + "." + language.code() + ".html");
            assertThat(file).as(language.code()).exists();
            String text = Files.readString(file);
            assertThat(text).contains("<html lang=\"" + language.code() + "\"");
        }
    }

    @Test
    void the_link_names_the_version_and_the_language() {
        assertThat(PrivacyNotice.current("https://help.example.org").url(Language.BN))
                .isEqualTo("https://help.example.org/privacy/v1.bn.html");
    }
}
