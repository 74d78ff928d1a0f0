package org.probono.clearinghouse.notify.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.LocalAwsExtension;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sesv2.SesV2Client;

@ExtendWith(LocalAwsExtension.class)
class SesMailerTest {
    private static OutgoingMail mail(String from) {
        return new OutgoingMail(
                "OB-1",
                from,
                "Clearinghouse",
                "asha@lawfirm.example",
                null,
                new EmailTemplates.Rendered("Subject", "Text", "<p>Html</p>"),
                Instant.now());
    }

    /** An SES client whose calls end with {@code failure} before any answer. */
    private static SesV2Client failing(LocalAws aws, RuntimeException failure) {
        return SesV2Client.builder()
                .endpointOverride(aws.backend().endpoint())
                .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1))
                        .addExecutionInterceptor(new ExecutionInterceptor() {
                            @Override
                            public void beforeTransmission(
                                    Context.BeforeTransmission context, ExecutionAttributes attributes) {
                                throw failure;
                            }
                        }))
                .build();
    }

    @Test
    void a_call_that_never_connected_failed_but_one_left_without_an_answer_may_have_been_sent(LocalAws aws) {
        SdkClientException refused =
                SdkClientException.create("Unable to execute HTTP request", new ConnectException("Connection refused"));
        SdkClientException timedOut = SdkClientException.create(
                "Unable to execute HTTP request", new SocketTimeoutException("Read timed out"));

        MailSender.Result neverConnected = new SesMailer(failing(aws, refused), null).send(mail("offers@example.org"));
        MailSender.Result noAnswer = new SesMailer(failing(aws, timedOut), null).send(mail("offers@example.org"));

        assertThat(neverConnected).isInstanceOf(MailSender.Result.Failed.class);
        assertThat(noAnswer).isInstanceOf(MailSender.Result.Unknown.class);
    }

    @Test
    void a_refusal_is_reported_by_its_error_code_without_the_addresses_ses_quotes(LocalAws aws) {
        // moto, like SES, refuses a sender whose identity is not verified and names the address in its message.
        MailSender.Result result = new SesMailer(aws.sesV2(), null).send(mail("someone@unverified-domain.example"));

        assertThat(result).isInstanceOf(MailSender.Result.Failed.class);
        String reason = ((MailSender.Result.Failed) result).reason();
        assertThat(reason)
                .isEqualTo("MessageRejectedException: MessageRejected")
                .doesNotContain("@");
    }
}
