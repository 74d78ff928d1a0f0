package org.probono.clearinghouse.submit.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.LocalAwsExtension;
import org.probono.clearinghouse.submit.handler.SubmitApi.Reply;
import org.probono.clearinghouse.testkit.TableFixture.OrganisationWithToken;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A planted marker in confidentialDetails: readable by the owner, found nowhere else. */
@ExtendWith(LocalAwsExtension.class)
class ConfidentialDetailsTest {
    private static final String MARKER = "SURVIVOR-Meena-Khatun-7f3a9c";

    @Test
    void the_marker_reaches_only_the_owner_and_never_the_table_the_outbox_or_the_logs(LocalAws aws) {
        World world = new World(aws);
        SubmitApi api = new SubmitApi(new SubmitRequestHandler());
        OrganisationWithToken shakti = world.shakti();
        OrganisationWithToken other = world.approvedOrganisation("Prajwala", "office@prajwala.example");
        ObjectNode body = SubmitFlowTest.body().put("confidentialDetails", "The survivor is " + MARKER + ", 19.");

        Captured logs = Captured.during(() -> {
            String id = api.submit(shakti.token(), "with-marker", body)
                    .body()
                    .path("id")
                    .asText();
            api.submit(shakti.token(), "with-marker", body.deepCopy()); // replay
            api.submit(shakti.token(), "with-marker", body.deepCopy().put("title", "Changed")); // 422
            api.submit(shakti.token(), null, body.deepCopy().put("deadline", "2001-01-01T00:00:00Z")); // 400
            api.submit(shakti.token(), null, body.deepCopy().put("category", MARKER)); // 400
            assertThat(api.view(other.token(), id).body().toString()).doesNotContain(MARKER);
            assertThat(api.view(shakti.token(), id)
                            .body()
                            .path("confidentialDetails")
                            .asText())
                    .contains(MARKER);
            Lawyer meera = world.lawyer("Meera Rao", 1);
            world.offer(id, List.of(meera), List.of());
            assertThat(api.withdraw(shakti.token(), id).status()).isEqualTo(200);
        });

        assertThat(logs.text())
                .contains("request submitted")
                .contains("request withdrawn")
                .doesNotContain(MARKER);
        List<Map<String, AttributeValue>> items = world.table.allItems();
        assertThat(items)
                .isNotEmpty()
                .allSatisfy(item -> assertThat(item.toString()).doesNotContain(MARKER));
        assertThat(world.table.rawItems("OUTBOX"))
                .hasSize(4)
                .allSatisfy(item ->
                        assertThat(item.toString()).doesNotContain(MARKER).doesNotContain("survivor"));
        assertThat(world.table.rawItems("REQUEST")).singleElement().satisfies(request -> {
            assertThat(request.get("sealedDetails").s()).startsWith("v1.");
            assertThat(request).doesNotContainKey("confidentialDetails");
        });
    }

    @Test
    void a_request_without_confidential_details_stores_no_sealed_value(LocalAws aws) {
        World world = new World(aws);
        OrganisationWithToken shakti = world.shakti();
        SubmitApi api = new SubmitApi(new SubmitRequestHandler());

        Reply reply = api.submit(shakti.token(), null, SubmitFlowTest.body().without("confidentialDetails"));

        assertThat(world.table.rawItems("REQUEST"))
                .singleElement()
                .satisfies(item -> assertThat(item).doesNotContainKey("sealedDetails"));
        assertThat(api.view(shakti.token(), reply.body().path("id").asText())
                        .body()
                        .has("confidentialDetails"))
                .isFalse();
    }

    /** Everything written to System.out and System.err while a block runs (where Lambda's logs come from). */
    record Captured(String text) {
        static Captured during(Runnable block) {
            PrintStream out = System.out;
            PrintStream err = System.err;
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
            System.setOut(capture);
            System.setErr(capture);
            try {
                block.run();
            } finally {
                System.setOut(out);
                System.setErr(err);
            }
            return new Captured(buffer.toString(StandardCharsets.UTF_8));
        }
    }
}
