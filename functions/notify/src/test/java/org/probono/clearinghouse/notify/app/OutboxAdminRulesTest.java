package org.probono.clearinghouse.notify.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.Language;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.ids.Ids;
import org.probono.clearinghouse.testkit.MovableClock;

/** The team's outbox commands, on an in-memory outbox. */
class OutboxAdminRulesTest {
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-28T10:15:30Z"));
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final OutboxAdmin admin = new OutboxAdmin(
            outbox,
            (sealedText, outboxId) -> {
                if (!sealedText.endsWith("@" + outboxId)) throw new IllegalStateException("sealed to another email");
                return sealedText.substring("sealed:".length(), sealedText.indexOf('@'));
            },
            (token, outboxId) -> "sealed:" + token + "@" + outboxId,
            new Ids(clock),
            clock);

    private OutboxMessage offer(String id) {
        return new OutboxMessage(
                id,
                EmailTemplate.OFFER,
                "asha.rao@example.org",
                Language.EN,
                Map.of("title", "T"),
                "sealed:the-token@" + id,
                null,
                clock.instant());
    }

    @Test
    void a_resent_email_is_a_pending_copy_whose_token_is_sealed_to_the_copy() {
        outbox.insert(offer("OB-1"));

        OutboxAdmin.Resend resent = admin.resend("OB-1");

        String copyId = ((OutboxAdmin.Resend.Resent) resent).outboxId();
        assertThat(outbox.find("OB-1")).isEmpty();
        Outbox.Entry copy = outbox.find(copyId).orElseThrow();
        assertThat(copy.isPending()).isTrue();
        assertThat(copy.resendOf()).isEqualTo("OB-1");
        assertThat(copy.message().sealedToken()).isEqualTo("sealed:the-token@" + copyId);
    }

    @Test
    void a_sent_email_or_an_unknown_id_is_not_resent() {
        Outbox.Entry entry = outbox.insert(offer("OB-2"));
        outbox.markSent(entry, "ses-1", "Subject", clock.instant());

        assertThat(admin.resend("OB-2")).isEqualTo(new OutboxAdmin.Resend.NotPending("OB-2", "SENT"));
        assertThat(admin.resend("OB-NONE")).isEqualTo(new OutboxAdmin.Resend.NotFound("OB-NONE"));
        assertThat(outbox.all()).hasSize(1);
    }

    @Test
    void only_emails_pending_longer_than_asked_are_listed_oldest_first() {
        outbox.insert(offer("OB-OLD"));
        clock.advance(Duration.ofMinutes(20));
        outbox.insert(offer("OB-NEW"));
        clock.advance(Duration.ofMinutes(5));

        assertThat(admin.pendingEmails(Duration.ofMinutes(15)))
                .extracting(Outbox.Pending::id)
                .containsExactly("OB-OLD");
        assertThat(admin.pendingEmails(Duration.ZERO))
                .extracting(Outbox.Pending::id)
                .containsExactly("OB-OLD", "OB-NEW");
    }
}
