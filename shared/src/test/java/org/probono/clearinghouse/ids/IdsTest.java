package org.probono.clearinghouse.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {
    @Test
    void ids_are_version_7_uuids_that_sort_in_creation_order_even_within_one_millisecond() {
        Ids ids = new Ids(Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC));
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5000; i++) made.add(ids.next());

        assertThat(made).isSorted().doesNotHaveDuplicates();
        assertThat(UUID.fromString(made.get(0)).version()).isEqualTo(7);
    }

    @Test
    void the_id_carries_the_clocks_millisecond() {
        Instant at = Instant.parse("2026-11-28T10:00:00.123Z");
        UUID id = UUID.fromString(new Ids(Clock.fixed(at, ZoneOffset.UTC)).next());

        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
    }

    @Test
    void tokens_are_256_bit_url_safe_and_hash_to_hex() {
        Secrets secrets = new Secrets();
        HashSet<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = secrets.newToken();
            assertThat(Secrets.looksLikeToken(token)).isTrue();
            assertThat(seen.add(token)).isTrue();
        }
        assertThat(Secrets.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Secrets.looksLikeToken("abc")).isFalse();
    }

    @Test
    void reply_tokens_are_lower_case_hex_that_fit_an_email_local_part_and_read_back_in_any_case() {
        String token = new Secrets().newReplyToken();

        assertThat(token).matches("[0-9a-f]{56}");
        assertThat(("reply+" + token).length()).isLessThanOrEqualTo(64);
        assertThat(Secrets.normaliseReplyToken(token.toUpperCase(java.util.Locale.ROOT)))
                .isEqualTo(token);
        assertThat(Secrets.normaliseReplyToken("short")).isNull();
        assertThat(Secrets.normaliseReplyToken(new Secrets().newToken())).isNull();
    }
}
