package org.probono.clearinghouse.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.LocalAwsExtension;

@ExtendWith(LocalAwsExtension.class)
class ConfidentialBoxTest {
    private static final String MARKER = "SURVIVOR-NAME-Meena-7f3a";

    @Test
    void sealed_details_open_again_for_their_request_and_do_not_show_the_text(LocalAws aws) {
        ConfidentialBox box = new ConfidentialBox(aws.kms(), aws.environment().get("KMS_KEY_ID"));

        String sealed = box.seal("The survivor is " + MARKER + ", age 19.", "REQ-1");

        assertThat(sealed).startsWith("v1.").doesNotContain(MARKER).doesNotContain("survivor");
        assertThat(box.open(sealed, "REQ-1")).isEqualTo("The survivor is " + MARKER + ", age 19.");
    }

    @Test
    void a_sealed_value_copied_onto_another_request_does_not_open(LocalAws aws) {
        ConfidentialBox box = new ConfidentialBox(aws.kms(), aws.environment().get("KMS_KEY_ID"));
        String sealed = box.seal(MARKER, "REQ-1");

        assertThatThrownBy(() -> box.open(sealed, "REQ-2")).isInstanceOf(RuntimeException.class);
    }

    @Test
    void the_same_text_seals_differently_each_time(LocalAws aws) {
        ConfidentialBox box = new ConfidentialBox(aws.kms(), aws.environment().get("KMS_KEY_ID"));

        assertThat(box.seal(MARKER, "REQ-1")).isNotEqualTo(box.seal(MARKER, "REQ-1"));
    }

    @Test
    void a_sealed_token_opens_only_for_its_own_email_and_never_as_details(LocalAws aws) {
        ConfidentialBox box = new ConfidentialBox(aws.kms(), aws.environment().get("KMS_KEY_ID"));
        String token = "tQ3x9Lr7wVb2Kp8YdN4sJh6Fc1Zm5Ga0Ue3Ri7Oy2Xw";

        String sealed = box.sealToken(token, "OUTBOX-1");

        assertThat(sealed).startsWith("v1.").doesNotContain(token);
        assertThat(box.openToken(sealed, "OUTBOX-1")).isEqualTo(token);
        assertThatThrownBy(() -> box.openToken(sealed, "OUTBOX-2")).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> box.open(sealed, "OUTBOX-1")).isInstanceOf(RuntimeException.class);
    }
}
