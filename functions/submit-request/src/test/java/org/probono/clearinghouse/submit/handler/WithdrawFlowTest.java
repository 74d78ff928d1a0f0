package org.probono.clearinghouse.submit.handler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.OfferStatus;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.LocalAwsExtension;
import org.probono.clearinghouse.submit.handler.SubmitApi.Reply;
import org.probono.clearinghouse.testkit.TableFixture.OrganisationWithToken;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(LocalAwsExtension.class)
class WithdrawFlowTest {
    private LocalAws aws;
    private World world;
    private SubmitApi api;
    private OrganisationWithToken shakti;
    private String requestId;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        world = new World(aws);
        api = new SubmitApi(new SubmitRequestHandler());
        shakti = world.shakti();
        requestId = api.submit(shakti.token(), null, SubmitFlowTest.body())
                .body()
                .path("id")
                .asText();
    }

    @Test
    void a_submitted_request_is_withdrawn_leaves_the_queue_and_the_team_is_told() {
        Reply reply = api.withdraw(shakti.token(), requestId);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("id").asText()).isEqualTo(requestId);
        assertThat(reply.body().path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(world.table.readRequest(requestId).status()).isEqualTo(RequestStatus.WITHDRAWN);
        assertThat(world.table.queue()).isEmpty();
        assertThat(templates())
                .containsExactlyInAnyOrder("REQUEST_ACKNOWLEDGED", "ADMIN_NEW_REQUEST", "REQUEST_WITHDRAWN");
        assertThat(world.impactTotal(requestId).number("received"))
                .as("counted by the submit")
                .isEqualTo(1);
        assertThat(world.impactTotal(requestId).number("withdrawn"))
                .as("counted by the withdrawal")
                .isEqualTo(1);

        var history = api.view(shakti.token(), requestId).body().path("history");
        assertThat(history).hasSize(2);
        assertThat(history.get(1).path("status").asText()).isEqualTo("WITHDRAWN");
    }

    @Test
    void withdrawing_an_offered_request_withdraws_its_pending_offers_frees_the_lawyers_and_tells_them() {
        Lawyer meera = world.lawyer("Meera Rao", 1);
        Lawyer arjun = world.lawyer("Arjun Sen", 2);
        Lawyer declined = world.lawyer("Kavya Iyer", 0);
        world.offer(requestId, List.of(meera, arjun), List.of(declined));

        Reply reply = api.withdraw(shakti.token(), requestId);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(world.table.readOffer(requestId, meera.id()).status()).isEqualTo(OfferStatus.WITHDRAWN);
        assertThat(world.table.readOffer(requestId, arjun.id()).status()).isEqualTo(OfferStatus.WITHDRAWN);
        assertThat(world.table.readOffer(requestId, declined.id()).status()).isEqualTo(OfferStatus.DECLINED);
        assertThat(world.table.readLawyer(meera.id()).activeMatters()).isZero();
        assertThat(world.table.readLawyer(arjun.id()).activeMatters()).isEqualTo(1);
        assertThat(world.table.readLawyer(declined.id()).activeMatters()).isZero();
        assertThat(world.table.readLawyer(declined.id()).version()).isEqualTo(declined.version());

        List<Map<String, AttributeValue>> told = world.table.rawItems("OUTBOX").stream()
                .filter(item -> item.get("template").s().equals("OFFER_WITHDRAWN"))
                .toList();
        assertThat(told).extracting(item -> item.get("to").s()).containsExactlyInAnyOrder(meera.email(), arjun.email());
        assertThat(told).allSatisfy(item -> {
            Map<String, AttributeValue> data = item.get("data").m();
            assertThat(data.get("reason").s()).isEqualTo("The organisation withdrew the request.");
            assertThat(data.get("requestId").s()).isEqualTo(requestId);
            assertThat(data.keySet()).containsExactlyInAnyOrder("lawyerName", "requestId", "title", "reason");
        });
        assertThat(world.table.queue()).isEmpty();
        // the expiry index no longer holds the withdrawn offers
        assertThat(world.table.allItems())
                .noneMatch(item ->
                        item.containsKey("GSI2PK") && item.get("GSI2PK").s().equals("OFFERS#PENDING"));
    }

    @Test
    void an_accepted_request_cannot_be_withdrawn_and_nothing_is_written() {
        Lawyer meera = world.lawyer("Meera Rao", 1);
        world.offer(requestId, List.of(meera), List.of());
        world.accept(requestId, meera);
        int before = aws.countItems();

        Reply reply = api.withdraw(shakti.token(), requestId);

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.body().path("detail").asText()).contains("ACCEPTED");
        assertThat(aws.countItems()).isEqualTo(before);
        assertThat(world.table.readRequest(requestId).status()).isEqualTo(RequestStatus.ACCEPTED);
    }

    @Test
    void a_second_withdrawal_is_a_conflict_and_changes_nothing() {
        api.withdraw(shakti.token(), requestId);
        int before = aws.countItems();
        long version = world.table.readRequest(requestId).version();

        Reply again = api.withdraw(shakti.token(), requestId);

        assertThat(again.status()).isEqualTo(409);
        assertThat(aws.countItems()).isEqualTo(before);
        assertThat(world.table.readRequest(requestId).version()).isEqualTo(version);
    }

    private List<String> templates() {
        return world.table.rawItems("OUTBOX").stream()
                .map(item -> item.get("template").s())
                .toList();
    }
}
