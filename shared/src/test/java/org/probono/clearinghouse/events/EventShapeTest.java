package org.probono.clearinghouse.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.testkit.TestJson;

class EventShapeTest {
    private static EventShape shapeOf(String json) throws Exception {
        return EventShape.of(TestJson.tree(json));
    }

    @Test
    void each_trigger_is_told_apart_by_its_shape() throws Exception {
        assertThat(shapeOf("{\"version\":\"2.0\",\"routeKey\":\"POST /lawyers\",\"requestContext\":{}}"))
                .isEqualTo(EventShape.HTTP_API);
        assertThat(shapeOf("{\"command\":\"queue\"}")).isEqualTo(EventShape.ADMIN_COMMAND);
        assertThat(shapeOf("{\"source\":\"aws.events\",\"detail-type\":\"Scheduled Event\"}"))
                .isEqualTo(EventShape.SCHEDULE);
        assertThat(shapeOf("{\"Records\":[{\"eventSource\":\"aws:dynamodb\"}]}"))
                .isEqualTo(EventShape.DYNAMODB_STREAM);
        assertThat(shapeOf("{\"Records\":[{\"eventSource\":\"aws:ses\"}]}")).isEqualTo(EventShape.SES_RECEIPT);
        assertThat(shapeOf("{\"Records\":[{\"EventSource\":\"aws:sns\"}]}")).isEqualTo(EventShape.SNS);
    }

    @Test
    void anything_else_is_unknown() throws Exception {
        assertThat(shapeOf("{\"command\":42}")).isEqualTo(EventShape.UNKNOWN);
        assertThat(shapeOf("[1,2]")).isEqualTo(EventShape.UNKNOWN);
        assertThat(EventShape.of(null)).isEqualTo(EventShape.UNKNOWN);
    }

    @Test
    void an_admin_command_that_fails_unexpectedly_is_a_500_error_object_not_a_stack_trace() {
        var output = new java.io.ByteArrayOutputStream();
        Invocation.run(
                new java.io.ByteArrayInputStream("{\"command\":\"queue\"}".getBytes()),
                output,
                null,
                (shape, event) -> {
                    throw new IllegalStateException("table missing SURVIVOR");
                });

        assertThat(output.toString())
                .startsWith("{\"error\":{\"status\":500,")
                .doesNotContain("SURVIVOR")
                .doesNotContain("IllegalStateException")
                .doesNotContain("at org.");
    }

    @Test
    void a_stream_record_that_fails_still_fails_the_invocation_so_lambda_retries_it() {
        String stream = "{\"Records\":[{\"eventSource\":\"aws:dynamodb\"}]}";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Invocation.run(
                        new java.io.ByteArrayInputStream(stream.getBytes()),
                        new java.io.ByteArrayOutputStream(),
                        null,
                        (shape, event) -> {
                            throw new IllegalStateException("SES down");
                        }))
                .isInstanceOf(IllegalStateException.class);
    }
}
