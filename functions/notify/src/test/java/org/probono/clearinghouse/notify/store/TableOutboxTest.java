package org.probono.clearinghouse.notify.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.Language;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.LocalAwsExtension;
import org.probono.clearinghouse.notify.app.Outbox;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.OutboxItems;
import org.probono.clearinghouse.testkit.TableFixture;

/** The outbox's conditions on the table: a resend is both or neither; a claim and a mark happen once. */
@ExtendWith(LocalAwsExtension.class)
class TableOutboxTest {
    private static OutboxMessage email(String id) {
        return OutboxMessage.of(
                id,
                EmailTemplate.OFFER_FILLED,
                "asha.rao@example.org",
                Language.EN,
                Map.of("title", "T"),
                Instant.parse("2026-11-28T10:15:30Z"));
    }

    private static final Instant NOW = Instant.parse("2026-11-28T10:16:00Z");

    private static TableFixture table(LocalAws aws) {
        return new TableFixture(aws, Clock.systemUTC());
    }

    /** The outbox on the table, holding one pending email of each id. */
    private static TableOutbox outboxHolding(TableFixture table, String... ids) {
        table.outbox(Arrays.stream(ids).map(TableOutboxTest::email).toArray(OutboxMessage[]::new));
        return new TableOutbox(table.store());
    }

    @Test
    void a_copy_that_cannot_be_created_leaves_the_old_item_in_place(LocalAws aws) {
        TableFixture table = table(aws);
        TableOutbox outbox = outboxHolding(table, "OB-OLD", "OB-TAKEN");
        int itemsBefore = aws.countItems();

        boolean replaced = outbox.replaceWithCopy(outbox.find("OB-OLD").orElseThrow(), email("OB-TAKEN"), NOW)
                .committed();

        assertThat(replaced).isFalse();
        assertThat(aws.countItems()).isEqualTo(itemsBefore);
        assertThat(outbox.find("OB-OLD").orElseThrow().isPending()).isTrue();
        assertThat(table.store().get(Keys.outbox("OB-TAKEN")).orElseThrow().string(TableOutbox.RESEND_OF))
                .isNull();
    }

    @Test
    void an_item_sent_after_it_was_read_is_not_replaced(LocalAws aws) {
        TableFixture table = table(aws);
        TableOutbox outbox = outboxHolding(table, "OB-RACED");
        Outbox.Entry read = outbox.find("OB-RACED").orElseThrow();
        outbox.markSent(read, "ses-1", "Subject", Instant.now());

        boolean replaced = outbox.replaceWithCopy(read, email("OB-COPY"), NOW).committed();

        assertThat(replaced).isFalse();
        assertThat(table.store().get(Keys.outbox("OB-COPY"))).isEmpty();
        assertThat(table.store().get(Keys.outbox("OB-RACED")).orElseThrow().string(OutboxItems.STATUS))
                .isEqualTo(OutboxItems.SENT);
    }

    @Test
    void a_claimed_email_cannot_be_claimed_again_until_the_claim_lapses(LocalAws aws) {
        TableFixture table = table(aws);
        TableOutbox outbox = outboxHolding(table, "OB-CLAIM");
        Outbox.Entry entry = outbox.find("OB-CLAIM").orElseThrow();

        Outbox.Claim first = outbox.claim(entry, NOW, NOW.plusSeconds(60));
        Outbox.Claim meanwhile = outbox.claim(entry, NOW.plusSeconds(30), NOW.plusSeconds(90));
        Outbox.Claim afterItLapsed = outbox.claim(entry, NOW.plusSeconds(61), NOW.plusSeconds(121));

        assertThat(first).isEqualTo(new Outbox.Claim.Claimed(NOW.plusSeconds(60)));
        assertThat(meanwhile).isEqualTo(new Outbox.Claim.Busy(NOW.plusSeconds(60)));
        assertThat(afterItLapsed).isEqualTo(new Outbox.Claim.Claimed(NOW.plusSeconds(121)));
    }

    @Test
    void an_email_being_sent_is_not_resent_until_its_claim_lapses(LocalAws aws) {
        TableFixture table = table(aws);
        TableOutbox outbox = outboxHolding(table, "OB-SENDING");
        Outbox.Entry entry = outbox.find("OB-SENDING").orElseThrow();
        outbox.claim(entry, NOW, NOW.plusSeconds(22));

        boolean whileSending = outbox.replaceWithCopy(entry, email("OB-SENDING-COPY"), NOW.plusSeconds(5))
                .committed();
        boolean afterItLapsed = outbox.replaceWithCopy(entry, email("OB-SENDING-COPY"), NOW.plusSeconds(23))
                .committed();

        assertThat(whileSending).isFalse();
        assertThat(afterItLapsed).isTrue();
        assertThat(table.store()
                        .get(Keys.outbox("OB-SENDING-COPY"))
                        .orElseThrow()
                        .string(TableOutbox.RESEND_OF))
                .isEqualTo("OB-SENDING");
    }

    @Test
    void a_released_claim_frees_the_email_and_a_sent_one_is_done(LocalAws aws) {
        TableFixture table = table(aws);
        TableOutbox outbox = outboxHolding(table, "OB-FREE");
        Outbox.Entry entry = outbox.find("OB-FREE").orElseThrow();
        outbox.claim(entry, NOW, NOW.plusSeconds(60));

        outbox.release(entry, NOW.plusSeconds(60));
        Outbox.Claim again = outbox.claim(entry, NOW.plusSeconds(1), NOW.plusSeconds(61));
        boolean marked =
                outbox.markSent(entry, "ses-1", "Subject", NOW.plusSeconds(2)).committed();
        boolean markedTwice =
                outbox.markSent(entry, "ses-2", "Subject", NOW.plusSeconds(3)).committed();

        assertThat(again).isInstanceOf(Outbox.Claim.Claimed.class);
        assertThat(marked).isTrue();
        assertThat(markedTwice).isFalse();
        assertThat(outbox.claim(entry, NOW.plusSeconds(4), NOW.plusSeconds(64))).isInstanceOf(Outbox.Claim.Done.class);
        var item = outbox.raw("OB-FREE").orElseThrow();
        assertThat(item.string("sesMessageId")).isEqualTo("ses-1");
        assertThat(item.string(TableOutbox.CLAIMED_UNTIL)).isNull();
        assertThat(item.version()).isEqualTo(2);
    }

    @Test
    void an_email_resent_under_a_new_id_is_neither_claimed_nor_marked_and_not_written_back(LocalAws aws) {
        TableFixture table = table(aws);
        TableOutbox outbox = outboxHolding(table, "OB-GONE");
        Outbox.Entry entry = outbox.find("OB-GONE").orElseThrow();
        outbox.replaceWithCopy(entry, email("OB-GONE-COPY"), NOW);

        assertThat(outbox.claim(entry, NOW, NOW.plusSeconds(60))).isInstanceOf(Outbox.Claim.Done.class);
        assertThat(outbox.markSent(entry, "ses-1", "Subject", NOW).committed()).isFalse();
        assertThat(outbox.raw("OB-GONE")).isEmpty();
    }
}
