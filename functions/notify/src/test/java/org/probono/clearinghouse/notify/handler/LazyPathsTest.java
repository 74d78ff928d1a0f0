package org.probono.clearinghouse.notify.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.probono.clearinghouse.notify.handler.NotifyTestKit.invoke;
import static org.probono.clearinghouse.notify.handler.NotifyTestKit.json;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.probono.clearinghouse.config.Config;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.LocalAwsExtension;
import org.probono.clearinghouse.notify.wiring.Wiring;
import org.probono.clearinghouse.testkit.TestEvents;

/** Each of NotifyFunction's paths builds only the clients it needs, on first use (issue 17). */
@ExtendWith(LocalAwsExtension.class)
class LazyPathsTest {
    private final List<String> built = new ArrayList<>();

    private <T> Supplier<T> recorded(String name, Supplier<T> client) {
        return () -> {
            built.add(name);
            return client.get();
        };
    }

    private Wiring wiring(LocalAws aws) {
        return Wiring.create(
                Config.fromEnvironment(),
                aws.dynamoDb(),
                recorded("ses", aws::sesV2),
                recorded("s3", aws::s3),
                recorded("kms", aws::kms),
                Clock.systemUTC());
    }

    @Test
    void an_ses_bounce_through_sns_builds_no_ses_s3_or_kms_client(LocalAws aws) {
        Wiring wiring = wiring(aws);

        String answer = invoke(
                new NotifyHandler(wiring),
                TestEvents.file("notify-sns-bounce.json").text());

        assertThat(json(answer).path("suppressed").asInt()).isEqualTo(1);
        assertThat(built).isEmpty();
        assertThat(wiring.outbox().isBuilt()).isFalse();
        assertThat(wiring.replies().isBuilt()).isFalse();
    }

    @Test
    void the_teams_outbox_command_builds_no_other_client(LocalAws aws) {
        Wiring wiring = wiring(aws);

        String answer = invoke(
                new NotifyHandler(wiring),
                TestEvents.file("notify-pending-emails.json").text());

        assertThat(json(answer).has("items")).isTrue();
        assertThat(built).isEmpty();
    }

    @Test
    void an_outbox_record_builds_the_ses_client_once_and_never_s3(LocalAws aws) {
        Wiring wiring = wiring(aws);
        NotifyHandler handler = new NotifyHandler(wiring);

        invoke(handler, TestEvents.file("notify-stream-outbox.json").text());
        invoke(handler, TestEvents.file("notify-stream-outbox.json").text());

        assertThat(built).containsExactly("ses");
        assertThat(wiring.replies().isBuilt()).isFalse();
    }
}
