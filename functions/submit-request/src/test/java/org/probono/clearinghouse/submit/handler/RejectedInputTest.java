package org.probono.clearinghouse.submit.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.LocalAwsExtension;
import org.probono.clearinghouse.submit.handler.SubmitApi.Reply;
import org.probono.clearinghouse.testkit.TableFixture.OrganisationWithToken;

/** Bad input through the entry point: a 4xx problem, and the table exactly as it was. */
@ExtendWith(LocalAwsExtension.class)
class RejectedInputTest {
    private LocalAws aws;
    private SubmitApi api;
    private OrganisationWithToken shakti;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        api = new SubmitApi(new SubmitRequestHandler());
        shakti = new World(aws).shakti();
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of(
                        "deadline in the past",
                        (UnaryOperator<ObjectNode>) b -> b.put(
                                "deadline",
                                Instant.now()
                                        .minus(1, ChronoUnit.HOURS)
                                        .truncatedTo(ChronoUnit.SECONDS)
                                        .toString()),
                        "deadline"),
                Arguments.of("unknown category", (UnaryOperator<ObjectNode>) b -> b.put("category", "TAX"), "category"),
                Arguments.of("missing title", (UnaryOperator<ObjectNode>) b -> b.without("title"), "title"),
                Arguments.of(
                        "title too long", (UnaryOperator<ObjectNode>) b -> b.put("title", "t".repeat(121)), "title"),
                Arguments.of(
                        "summary too long",
                        (UnaryOperator<ObjectNode>) b -> b.put("summary", "s".repeat(4001)),
                        "summary"),
                Arguments.of(
                        "confidential too long",
                        (UnaryOperator<ObjectNode>) b -> b.put("confidentialDetails", "c".repeat(8001)),
                        "confidentialDetails"),
                Arguments.of(
                        "bad jurisdiction",
                        (UnaryOperator<ObjectNode>) b -> b.put("jurisdiction", "IN-ZZ"),
                        "jurisdiction"),
                Arguments.of("bad language", (UnaryOperator<ObjectNode>) b -> b.put("language", "xx"), "language"),
                Arguments.of(
                        "too many counterparties",
                        (UnaryOperator<ObjectNode>) b -> {
                            var list = b.putArray("counterparties");
                            for (int i = 0; i < 21; i++) list.add("Party " + i);
                            return b;
                        },
                        "counterparties"),
                Arguments.of("unknown field", (UnaryOperator<ObjectNode>) b -> b.put("priority", "HIGH"), "priority"),
                Arguments.of(
                        "wrong type",
                        (UnaryOperator<ObjectNode>) b -> b.put("counterparties", "Ananya"),
                        "counterparties"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void an_invalid_body_is_a_400_naming_the_field_and_writes_nothing(
            String name, UnaryOperator<ObjectNode> change, String field) {
        int before = aws.countItems();

        Reply reply = api.submit(shakti.token(), "attempt-1", change.apply(SubmitFlowTest.body()));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(reply.body().path("errors"))
                .anySatisfy(error -> assertThat(error.path("field").asText()).isEqualTo(field));
        assertThat(aws.countItems()).isEqualTo(before);
    }

    @Test
    void a_rejected_submit_does_not_use_up_its_key() {
        api.submit(shakti.token(), "attempt-1", SubmitFlowTest.body().put("category", "TAX"));

        assertThat(api.submit(shakti.token(), "attempt-1", SubmitFlowTest.body())
                        .status())
                .isEqualTo(201);
    }

    @Test
    void bodies_that_are_not_json_objects_are_refused_and_write_nothing() {
        int before = aws.countItems();

        Reply notJson = api.submit(shakti.token(), null, new TextNode("{\"title\": "));
        Reply array = api.submit(shakti.token(), null, new TextNode("[1,2]"));
        ObjectNode event = SubmitApi.withToken(SubmitApi.event("submit-post-request.json"), shakti.token());
        ((ObjectNode) event.get("headers")).put("content-type", "text/plain");
        Reply plainText = api.invoke(event);
        event.put("body", "x".repeat(64 * 1024 + 1));
        ((ObjectNode) event.get("headers")).put("content-type", "application/json");
        Reply tooLarge = api.invoke(event);

        assertThat(notJson.status()).isEqualTo(400);
        assertThat(array.status()).isEqualTo(400);
        assertThat(plainText.status()).isEqualTo(415);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(aws.countItems()).isEqualTo(before);
    }

    @Test
    void an_unknown_route_or_event_shape_is_refused_without_a_stack_trace() {
        ObjectNode event = SubmitApi.event("submit-get-request.json");
        event.put("routeKey", "DELETE /requests/{id}");

        assertThat(api.invoke(event).status()).isEqualTo(404);
    }
}
