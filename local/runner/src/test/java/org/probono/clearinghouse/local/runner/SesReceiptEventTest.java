package org.probono.clearinghouse.local.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.events.EventShape;
import org.probono.clearinghouse.testkit.TestJson;

class SesReceiptEventTest {
    static final String REPLY = """
            Return-Path: <asha@lawfirm.example>
            From: Asha Rao <Asha@LawFirm.example>
            To: reply+abc123@reply.clearinghouse.test
            Cc: someone@else.example
            Subject: Re: A matter for you
            Message-ID: <m1@lawfirm.example>
            Date: Sat, 28 Nov 2026 10:15:30 +0000
            Content-Type: text/plain; charset=utf-8

            Yes, I accept.
            """.replace("\n", "\r\n");

    @Test
    void the_event_carries_the_headers_the_recipients_and_passing_verdicts() throws Exception {
        JsonNode event = SesReceiptEvent.of(
                SesReceiptEvent.parse(REPLY.getBytes(StandardCharsets.UTF_8)),
                "id40",
                SesReceiptEvent.Verdicts.ALL_PASS,
                "arn:aws:lambda:us-east-1:123456789012:function:NotifyFunction",
                "reply.clearinghouse.test",
                Instant.parse("2026-11-28T10:15:31Z"));

        assertThat(EventShape.of(TestJson.tree(event))).isEqualTo(EventShape.SES_RECEIPT);
        JsonNode mail = event.path("Records").path(0).path("ses").path("mail");
        assertThat(mail.path("messageId").asText()).isEqualTo("id40");
        assertThat(mail.path("source").asText()).isEqualTo("asha@lawfirm.example");
        assertThat(mail.path("destination").toString())
                .contains("reply+abc123@reply.clearinghouse.test", "someone@else.example");
        assertThat(mail.path("headers").toString()).contains("\"name\":\"Subject\",\"value\":\"Re: A matter for you\"");
        assertThat(mail.path("commonHeaders").path("from").path(0).asText())
                .isEqualTo("Asha Rao <Asha@LawFirm.example>");
        assertThat(mail.path("commonHeaders").path("subject").asText()).isEqualTo("Re: A matter for you");
        assertThat(mail.path("commonHeaders").path("messageId").asText()).isEqualTo("<m1@lawfirm.example>");
        JsonNode receipt = event.path("Records").path(0).path("ses").path("receipt");
        assertThat(receipt.path("recipients").toString()).isEqualTo("[\"reply+abc123@reply.clearinghouse.test\"]");
        assertThat(receipt.path("spfVerdict").path("status").asText()).isEqualTo("PASS");
        assertThat(receipt.path("action").path("type").asText()).isEqualTo("Lambda");
        assertThat(receipt.path("timestamp").asText()).isEqualTo("2026-11-28T10:15:31Z");
    }

    @Test
    void the_query_turns_verdicts_to_fail_and_rejects_unknown_values() {
        SesReceiptEvent.Verdicts verdicts = SesReceiptEvent.Verdicts.from(Map.of("spf", "FAIL", "virus", "fail"));

        assertThat(verdicts).isEqualTo(new SesReceiptEvent.Verdicts("FAIL", "PASS", "PASS", "FAIL", "PASS"));
        assertThatThrownBy(() -> SesReceiptEvent.Verdicts.from(Map.of("dkim", "MAYBE")))
                .hasMessageContaining("dkim");
    }

    @Test
    void message_ids_look_like_ses_ones() {
        assertThat(SesReceiptEvent.newMessageId()).matches("[a-z0-9]{40}");
    }
}
