package org.probono.clearinghouse.submit.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.LocalAwsExtension;
import org.probono.clearinghouse.submit.handler.SubmitApi.Reply;
import org.probono.clearinghouse.testkit.TableFixture.OrganisationWithToken;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(LocalAwsExtension.class)
class SubmitFlowTest {
    private LocalAws aws;
    private World world;
    private SubmitApi api;
    private OrganisationWithToken shakti;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        world = new World(aws);
        api = new SubmitApi(new SubmitRequestHandler());
        shakti = world.shakti();
    }

    static ObjectNode body(Instant deadline) {
        ObjectNode body = SubmitApi.sampleBody();
        body.put("deadline", deadline.truncatedTo(ChronoUnit.SECONDS).toString());
        return body;
    }

    static ObjectNode body() {
        return body(Instant.now().plus(7, ChronoUnit.DAYS));
    }

    @Test
    void an_approved_organisation_submits_a_request_and_everything_is_written_together() {
        Reply reply = api.submit(shakti.token(), null, body());

        assertThat(reply.status()).isEqualTo(201);
        String id = reply.body().path("id").asText();
        assertThat(reply.body().path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(reply.header("Location")).isEqualTo("/requests/" + id);

        LegalRequest request = world.table.readRequest(id);
        assertThat(request.organisationId()).isEqualTo(shakti.id());
        assertThat(request.status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(request.jurisdiction()).isEqualTo("IN-WB");
        assertThat(request.counterparties()).containsExactly("Ananya Sen (artist)", "Kolkata Municipal Corporation");
        assertThat(world.table.queue()).containsExactly(id);
        assertThat(world.table.rawItems("EVENT"))
                .singleElement()
                .satisfies(event -> assertThat(event.get("status").s()).isEqualTo("SUBMITTED"));

        List<Map<String, AttributeValue>> outbox = world.table.rawItems("OUTBOX");
        assertThat(outbox)
                .extracting(item ->
                        item.get("template").s() + " -> " + item.get("to").s())
                .containsExactlyInAnyOrder(
                        "REQUEST_ACKNOWLEDGED -> priya@shakti.example",
                        "ADMIN_NEW_REQUEST -> " + aws.environment().get("ADMIN_EMAIL"));
        Map<String, AttributeValue> acknowledgement = outbox.stream()
                .filter(item -> item.get("template").s().equals("REQUEST_ACKNOWLEDGED"))
                .findFirst()
                .orElseThrow();
        assertThat(acknowledgement.get("data").m().keySet())
                .containsExactlyInAnyOrder(
                        "contactName", "organisationName", "requestId", "title", "category", "webUrl");
        assertThat(acknowledgement.get("data").m().get("requestId").s()).isEqualTo(id);
    }

    @Test
    void the_queue_orders_requests_by_deadline_then_age_with_undated_ones_last() {
        Instant now = Instant.now();
        String undated = api.submit(shakti.token(), null, body().without("deadline"))
                .body()
                .path("id")
                .asText();
        String later = api.submit(shakti.token(), null, body(now.plus(10, ChronoUnit.DAYS)))
                .body()
                .path("id")
                .asText();
        String sooner = api.submit(shakti.token(), null, body(now.plus(2, ChronoUnit.DAYS)))
                .body()
                .path("id")
                .asText();
        String alsoLater = api.submit(shakti.token(), null, body(now.plus(10, ChronoUnit.DAYS)))
                .body()
                .path("id")
                .asText();

        assertThat(world.table.queue()).containsExactly(sooner, later, alsoLater, undated);
    }

    @Test
    void the_owner_sees_the_request_with_its_confidential_details_and_history() {
        String id = api.submit(shakti.token(), null, body()).body().path("id").asText();

        Reply view = api.view(shakti.token(), id);

        assertThat(view.status()).isEqualTo(200);
        JsonNode body = view.body();
        assertThat(body.path("id").asText()).isEqualTo(id);
        assertThat(body.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(body.path("category").asText()).isEqualTo("CONTRACT_REVIEW");
        assertThat(body.path("language").asText()).isEqualTo("en");
        assertThat(body.path("confidentialDetails").asText()).startsWith("The mural depicts two survivors");
        assertThat(body.path("counterparties")).hasSize(2);
        assertThat(Instant.parse(body.path("deadline").asText())).isAfter(Instant.now());
        assertThat(Instant.parse(body.path("createdAt").asText()))
                .isBefore(Instant.now().plusSeconds(1));
        assertThat(body.path("history")).hasSize(1);
        assertThat(body.path("history").get(0).path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(body.path("history").get(0).has("at")).isTrue();
        assertThat(body.has("lawyer")).isFalse();
    }

    @Test
    void another_organisations_request_and_an_unknown_id_are_both_not_found() {
        OrganisationWithToken other = world.approvedOrganisation("Prajwala", "office@prajwala.example");
        String id = api.submit(shakti.token(), null, body()).body().path("id").asText();
        int before = aws.countItems();

        Reply foreign = api.view(other.token(), id);
        Reply unknown = api.view(other.token(), "01937a6c-5d2e-7f10-8a3b-4c5d6e7f8091");
        Reply nonsense = api.view(other.token(), "REQ#..%2F");
        Reply foreignWithdraw = api.withdraw(other.token(), id);

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).isEqualTo(unknown.body());
        assertThat(nonsense.status()).isEqualTo(404);
        assertThat(foreignWithdraw.status()).isEqualTo(404);
        assertThat(foreignWithdraw.body()).isEqualTo(unknown.body());
        assertThat(foreign.body().toString()).doesNotContain("mural");
        assertThat(aws.countItems()).isEqualTo(before);
        assertThat(world.table.readRequest(id).status()).isEqualTo(RequestStatus.SUBMITTED);
    }

    @Test
    void once_accepted_the_view_names_the_lawyer() {
        String id = api.submit(shakti.token(), null, body()).body().path("id").asText();
        var lawyer = world.lawyer("Meera Rao", 1);
        world.offer(id, List.of(lawyer), List.of());
        world.accept(id, lawyer);

        JsonNode view = api.view(shakti.token(), id).body();

        assertThat(view.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(view.path("lawyer").path("name").asText()).isEqualTo("Meera Rao");
        assertThat(view.path("lawyer").path("firm").asText()).isEqualTo("Das & Rao");
        assertThat(view.path("lawyer").path("email").asText()).isEqualTo("meera.rao@firm.example");
    }

    @Test
    void every_kind_of_bad_credential_gets_the_same_401_and_writes_nothing() {
        OrganisationWithToken pending = world.organisation(
                "Pending NGO", "pending@ngo.example", org.probono.clearinghouse.domain.ProfileStatus.PENDING_REVIEW);
        OrganisationWithToken revoked = world.approvedOrganisation("Revoked NGO", "revoked@ngo.example");
        world.revoke(revoked);
        String verification = world.verificationToken(shakti);
        int before = aws.countItems();

        List<Reply> replies = List.of(
                api.submit(null, null, body()),
                api.submit("not-a-token", null, body()),
                api.submit("A".repeat(43), null, body()),
                api.submit(revoked.token(), null, body()),
                api.submit(pending.token(), null, body()),
                api.submit(verification, null, body()),
                api.view("A".repeat(43), "01937a6c-5d2e-7f10-8a3b-4c5d6e7f8091"),
                api.withdraw(revoked.token(), "01937a6c-5d2e-7f10-8a3b-4c5d6e7f8091"));

        assertThat(replies).allSatisfy(reply -> {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(reply.body()).isEqualTo(replies.get(0).body());
        });
        assertThat(replies.get(0).body().path("title").asText()).isEqualTo("Unauthorized");
        assertThat(aws.countItems()).isEqualTo(before);
    }

    @Test
    void a_malformed_authorization_header_is_401_even_with_a_bad_body() {
        ObjectNode event = SubmitApi.withToken(SubmitApi.event("submit-post-request.json"), null);
        ((ObjectNode) event.get("headers")).put("authorization", "Basic dXNlcjpwYXNz");
        event.put("body", "{not json");

        assertThat(api.invoke(event).status()).isEqualTo(401);
    }
}
