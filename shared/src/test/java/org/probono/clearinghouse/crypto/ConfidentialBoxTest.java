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
}
