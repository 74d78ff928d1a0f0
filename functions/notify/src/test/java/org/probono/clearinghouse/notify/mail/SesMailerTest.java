package org.probono.clearinghouse.notify.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.LocalAwsExtension;

@ExtendWith(LocalAwsExtension.class)
class SesMailerTest {
    @Test
    void a_refusal_is_reported_by_its_error_code_without_the_addresses_ses_quotes(LocalAws aws) {
        // moto, like SES, refuses a sender whose identity is not verified and names the address in its message.
        OutgoingMail mail = new OutgoingMail(
                "OB-1",
                "someone@unverified-domain.example",
                "Clearinghouse",
                "asha@lawfirm.example",
                null,
                new EmailTemplates.Rendered("Subject", "Text", "<p>Html</p>"),
                Instant.now());

        MailSender.Result result = new SesMailer(aws.sesV2(), null).send(mail);

        assertThat(result).isInstanceOf(MailSender.Result.Failed.class);
        String reason = ((MailSender.Result.Failed) result).reason();
        assertThat(reason)
                .isEqualTo("MessageRejectedException: MessageRejected")
                .doesNotContain("@");
    }
}
