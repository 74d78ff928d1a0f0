package org.probono.clearinghouse.notify.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.Language;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.LocalAwsExtension;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.OutboxItems;
import org.probono.clearinghouse.store.Store;
import org.probono.clearinghouse.store.Transaction;

/** A resend's delete and create are one transaction: both or neither. */
@ExtendWith(LocalAwsExtension.class)
class OutboxStoreTest {
    private static OutboxMessage email(String id) {
        return OutboxMessage.of(id, EmailTemplate.OFFER_FILLED, "asha.rao@example.org", Language.EN, Map.of("title", "T"),
                Instant.parse("2026-11-28T10:15:30Z"));
    }

    private static Store store(LocalAws aws) { return new Store(aws.dynamoDb(), aws.tableName(), Clock.systemUTC()); }

    @Test
    void a_copy_that_cannot_be_created_leaves_the_old_item_in_place(LocalAws aws) {
        Store store = store(aws);
        store.commit(new Transaction().create(OutboxItems.toItem(email("OB-OLD"))).create(OutboxItems.toItem(email("OB-TAKEN"))));
        OutboxStore outbox = new OutboxStore(store);
        int itemsBefore = aws.countItems();

        boolean replaced = outbox.replaceWithCopy(outbox.find("OB-OLD").orElseThrow(), email("OB-TAKEN"));

        assertThat(replaced).isFalse();
        assertThat(aws.countItems()).isEqualTo(itemsBefore);
        assertThat(outbox.find("OB-OLD").orElseThrow().isPending()).isTrue();
        assertThat(store.get(Keys.outbox("OB-TAKEN")).orElseThrow().string(OutboxStore.RESEND_OF)).isNull();
    }

    @Test
    void an_item_sent_after_it_was_read_is_not_replaced(LocalAws aws) {
        Store store = store(aws);
        store.commit(new Transaction().create(OutboxItems.toItem(email("OB-RACED"))));
        OutboxStore outbox = new OutboxStore(store);
        OutboxStore.Entry read = outbox.find("OB-RACED").orElseThrow();
        outbox.markSent(read, "ses-1", "Subject", Instant.now());

        boolean replaced = outbox.replaceWithCopy(read, email("OB-COPY"));

        assertThat(replaced).isFalse();
        assertThat(store.get(Keys.outbox("OB-COPY"))).isEmpty();
        assertThat(store.get(Keys.outbox("OB-RACED")).orElseThrow().string(OutboxItems.STATUS)).isEqualTo(OutboxItems.SENT);
    }
}
