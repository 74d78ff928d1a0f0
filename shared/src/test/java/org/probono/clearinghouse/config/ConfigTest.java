package org.probono.clearinghouse.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {
    private static Map<String, String> complete() {
        Map<String, String> values = new HashMap<>();
        values.put("AWS_REGION", "eu-west-1");
        values.put("TABLE_NAME", "t");
        values.put("SENDER_ADDRESS", "clearinghouse@mail.example.org");
        values.put("INBOUND_DOMAIN", "reply.example.org");
        values.put("ADMIN_EMAIL", "team@example.org");
        values.put("API_URL", "");
        values.put("WEB_URL", "https://help.example.org/");
        values.put("KMS_KEY_ID", "key");
        values.put("INBOUND_BUCKET", "bucket");
        values.put("CURSOR_KEY", "a-signing-key-of-some-length");
        return values;
    }

    @Test
    void a_complete_environment_reads_with_optional_values_absent_when_blank() {
        Config config = Config.from(complete());

        assertThat(config.webUrl()).isEqualTo("https://help.example.org");
        assertThat(config.publicApiUrl()).isEmpty();
        assertThat(config.sesConfigurationSet()).isNull();
        assertThat(config.timeZone()).isEqualTo(ZoneId.of("Asia/Kolkata"));
    }

    @Test
    void the_time_zone_is_read_and_one_the_jvm_does_not_know_fails_the_start_naming_it() {
        Map<String, String> values = complete();
        values.put("TIME_ZONE", "Europe/London");
        assertThat(Config.from(values).timeZone()).isEqualTo(ZoneId.of("Europe/London"));

        values.put("TIME_ZONE", "India/Kolkata");
        assertThatThrownBy(() -> Config.from(values))
                .hasMessageContaining("TIME_ZONE")
                .hasMessageContaining("India/Kolkata");
    }

    @Test
    void missing_variables_are_named_together() {
        Map<String, String> values = complete();
        values.remove("TABLE_NAME");
        values.put("KMS_KEY_ID", " ");

        assertThatThrownBy(() -> Config.from(values))
                .hasMessage("Missing configuration: set the environment variables TABLE_NAME, KMS_KEY_ID");
    }
}
