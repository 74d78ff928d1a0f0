package org.probono.clearinghouse.submit.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.ids.Secrets;

/**
 * An idempotency key is remembered for 24 hours with the fingerprint of its body, so a retry that spans a
 * deployment must fingerprint the same: the JSON the body is hashed from is, character for character, what the
 * functions' databind mapper wrote before jackson-jr replaced it (absent fields left out, record order).
 */
class FingerprintTest {
    /** The functions' ObjectMapper as it was configured for writing (issue 17 moved them to jackson-jr). */
    private static final ObjectMapper BEFORE = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    @Test
    void a_body_fingerprints_as_it_did_when_databind_wrote_it() throws Exception {
        List<NewRequest> bodies = List.of(
                new NewRequest(
                        "CONTRACT_REVIEW",
                        "अनुबंध की समीक्षा \"urgent\"",
                        "Line one\nLine two\twith a tab and an emoji 🙂",
                        "survivor's name",
                        "West Bengal",
                        "bn",
                        "2026-12-24T18:30:00Z",
                        List.of("City Arts Trust", "দক্ষিণ ফাউন্ডেশন")),
                new NewRequest("FCRA", "t", null, null, null, null, null, null),
                new NewRequest(null, null, null, null, null, null, null, List.of()));

        for (NewRequest body : bodies) {
            assertThat(Submission.fingerprint(body))
                    .as("%s", body)
                    .isEqualTo(Secrets.hash(BEFORE.writeValueAsString(body.shareable())));
        }
    }

    @Test
    void the_confidential_details_are_never_part_of_it() {
        NewRequest body = new NewRequest("FCRA", "t", "s", "one secret", null, null, null, null);
        NewRequest other = new NewRequest("FCRA", "t", "s", "another secret", null, null, null, null);

        assertThat(Submission.fingerprint(body)).isEqualTo(Submission.fingerprint(other));
        assertThat(Submission.fingerprint(body))
                .isNotEqualTo(Submission.fingerprint(new NewRequest("FCRA", "t2", "s", null, null, null, null, null)));
    }
}
