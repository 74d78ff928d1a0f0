package org.probono.clearinghouse.notify.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.testkit.MovableClock;

/** SES bounces and complaints, on an in-memory suppression list. */
class MailFeedbackRulesTest {
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-28T10:15:30Z"));
    private final InMemorySuppressions suppressions = new InMemorySuppressions();
    private final MailFeedback feedback = new MailFeedback(suppressions, clock);

    @Test
    void a_permanent_bounce_suppresses_each_bounced_address_normalised() {
        var suppressed = feedback.record("""
                {"notificationType":"Bounce","bounce":{"bounceType":"Permanent","bouncedRecipients":[
                  {"emailAddress":" Gone.Lawyer@Example.org "},{"emailAddress":"old@ngo.example"}]}}""");

        assertThat(suppressed).containsExactly("gone.lawyer@example.org", "old@ngo.example");
        assertThat(suppressions.entries())
                .containsEntry("gone.lawyer@example.org", new InMemorySuppressions.Entry("Bounce", clock.instant()));
    }

    @Test
    void a_complaint_from_a_configuration_set_event_suppresses_too() {
        var suppressed = feedback.record("""
                {"eventType":"Complaint","complaint":{"complainedRecipients":[{"emailAddress":"angry@example.org"}]}}""");

        assertThat(suppressed).containsExactly("angry@example.org");
        assertThat(suppressions.isSuppressed("ANGRY@example.org")).isTrue();
    }

    @Test
    void a_transient_bounce_a_delivery_and_a_message_that_is_not_json_suppress_nothing() {
        feedback.record("""
                {"notificationType":"Bounce","bounce":{"bounceType":"Transient","bouncedRecipients":[{"emailAddress":"full@example.org"}]}}""");
        feedback.record("{\"notificationType\":\"Delivery\"}");
        feedback.record("not json at all");

        assertThat(suppressions.entries()).isEmpty();
    }
}
