package org.probono.clearinghouse.local.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;

@ExtendWith(LocalAwsExtension.class)
class SentMailTest {
    private static final String MULTIPART = String.join(
            "\r\n",
            "From: Clearinghouse <Clearinghouse@mail.clearinghouse.test>",
            "To: \"Asha Rao\" <Asha@Example.org>",
            "Reply-To: reply+tok@reply.clearinghouse.test",
            "Subject: =?UTF-8?B?4KSo4KSu4KS44KWN4KSk4KWH?= offer",
            "Date: Sat, 28 Nov 2026 10:15:30 +0000",
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=\"b1\"",
            "",
            "--b1",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            "Hello =E0=A4=A8",
            "--b1",
            "Content-Type: text/html; charset=UTF-8",
            "",
            "<p>Hello</p>",
            "--b1--",
            "");

    private static void send(LocalAws aws, String raw, String to) {
        aws.sesV2()
                .sendEmail(s -> s.fromEmailAddress("clearinghouse@mail.clearinghouse.test")
                        .destination(d -> d.toAddresses(to))
                        .content(c -> c.raw(r -> r.data(SdkBytes.fromString(raw, StandardCharsets.UTF_8)))));
    }

    @Test
    void reads_every_raw_message_moto_accepted_oldest_first(LocalAws aws) {
        send(aws, MULTIPART, "asha@example.org");
        send(
                aws,
                "From: clearinghouse@mail.clearinghouse.test\r\nTo: team@clearinghouse.test\r\nSubject: second\r\n\r\nplain only\r\n",
                "team@clearinghouse.test");

        List<SentMail.Mail> mails = SentMail.of(aws).all();

        assertThat(mails).hasSize(2);
        SentMail.Mail first = mails.getFirst();
        assertThat(first.id()).isNotBlank();
        assertThat(first.to()).containsExactly("asha@example.org");
        assertThat(first.from()).isEqualTo("clearinghouse@mail.clearinghouse.test");
        assertThat(first.replyTo()).containsExactly("reply+tok@reply.clearinghouse.test");
        assertThat(first.subject()).isEqualTo("नमस्ते offer");
        assertThat(first.text()).contains("Hello न");
        assertThat(first.html()).isEqualTo("<p>Hello</p>");
        assertThat(first.sentAt()).isEqualTo("2026-11-28T10:15:30Z");
        SentMail.Mail second = mails.get(1);
        assertThat(second.subject()).isEqualTo("second");
        assertThat(second.replyTo()).isEmpty();
        assertThat(second.html()).isEmpty();
        assertThat(second.text()).contains("plain only");
        assertThat(SentMail.of(aws).to("TEAM@clearinghouse.test"))
                .extracting(SentMail.Mail::subject)
                .containsExactly("second");
    }

    @Test
    void reads_base64_raw_data_and_localstack_listings_too() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String base64 = Base64.getEncoder().encodeToString(MULTIPART.getBytes(StandardCharsets.UTF_8));
        var moto = json.readTree("{\"ses\":{\"RawMessage\":[{\"id\":\"m1\",\"raw_data\":\"" + base64
                + "\",\"destinations\":[\"asha@example.org\"]}]}}");
        assertThat(SentMail.fromMoto(moto))
                .singleElement()
                .satisfies(m -> assertThat(m.text()).contains("Hello न"));

        var localStack =
                json.readTree("{\"messages\":[{\"Id\":\"l1\",\"Timestamp\":\"2026-11-28T10:00:00Z\",\"RawData\":"
                        + json.writeValueAsString(MULTIPART) + "},{\"Id\":\"simple\",\"Body\":{}}]}");
        assertThat(SentMail.fromLocalStack(localStack)).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo("l1");
            assertThat(m.sentAt()).isEqualTo("2026-11-28T10:00:00Z");
            assertThat(m.replyTo()).containsExactly("reply+tok@reply.clearinghouse.test");
        });
    }
}
