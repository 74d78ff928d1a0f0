package org.probono.clearinghouse.assign.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.probono.clearinghouse.assign.wiring.Wiring;
import org.probono.clearinghouse.domain.Category;
import org.probono.clearinghouse.domain.Contact;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.domain.OrganisationType;
import org.probono.clearinghouse.domain.ProfileStatus;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.local.backend.AwsBackend;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.LocalAwsExtension;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.OrganisationItems;
import org.probono.clearinghouse.store.RequestItems;
import org.probono.clearinghouse.store.Transaction;
import org.probono.clearinghouse.testkit.TestEvents;
import org.probono.clearinghouse.testkit.TestJson;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The queue costs one Query whatever the number of open requests, organisations and offers (issue 17). */
@ExtendWith(LocalAwsExtension.class)
class QueueQueryTest {
    private final List<String> calls = new ArrayList<>();
    private Fixture fx;
    private AssignHandler counted;

    @BeforeEach
    void setUp(LocalAws aws) {
        fx = new Fixture(aws);
        // Endpoint and credentials from the system properties LocalAwsExtension installed, as a function reads them.
        DynamoDbClient client = DynamoDbClient.builder()
                .region(Region.of(AwsBackend.REGION))
                .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        calls.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
                    }
                }))
                .build();
        counted = new AssignHandler(Wiring.create(fx.config, client, aws::kms, fx.clock));
    }

    private Organisation organisation(String name) {
        Organisation org = new Organisation(
                fx.ids.next(),
                name,
                OrganisationType.TRUST,
                "REG-" + name.length(),
                "IN-DL",
                "Delhi",
                null,
                List.of(),
                new Contact("Contact of " + name, name.length() + "@org.example", "+911100000000"),
                ProfileStatus.APPROVED,
                Fixture.START,
                2);
        assertThat(fx.store
                        .commit(new Transaction().create(OrganisationItems.toItem(org)))
                        .committed())
                .isTrue();
        return org;
    }

    private LegalRequest request(Organisation org, String title, boolean withName) {
        LegalRequest request = withName
                ? new LegalRequest(
                        fx.ids.next(),
                        org.id(),
                        org.name(),
                        RequestStatus.SUBMITTED,
                        Category.EMPLOYMENT,
                        title,
                        "Summary",
                        Fixture.CONFIDENTIAL,
                        "IN-WB",
                        "en",
                        null,
                        List.of(),
                        fx.clock.instant(),
                        null,
                        null,
                        1,
                        null,
                        null)
                : new LegalRequest(
                        fx.ids.next(),
                        org.id(),
                        RequestStatus.SUBMITTED,
                        Category.EMPLOYMENT,
                        title,
                        "Summary",
                        Fixture.CONFIDENTIAL,
                        "IN-WB",
                        "en",
                        null,
                        List.of(),
                        fx.clock.instant(),
                        null,
                        1);
        assertThat(fx.store
                        .commit(new Transaction().create(RequestItems.toItem(request)))
                        .committed())
                .isTrue();
        fx.clock.advance(Duration.ofSeconds(1));
        return request;
    }

    private JsonNode queue() {
        calls.clear();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        counted.handleRequest(TestEvents.command("assign-queue.json").stream(), out, null);
        try {
            return TestJson.MAPPER.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void twelve_open_requests_of_four_organisations_with_offers_are_listed_by_one_query() {
        List<Organisation> orgs =
                List.of(fx.org, organisation("Jan Sahas"), organisation("Sanlaap"), organisation("Prajwala"));
        List<LegalRequest> requests = new ArrayList<>();
        for (int i = 0; i < 12; i++) requests.add(request(orgs.get(i % 4), "Request " + i, true));
        Lawyer meera = fx.lawyer("Meera Das");
        Lawyer ravi = fx.lawyer("Ravi Sen");
        fx.invoke(
                "assign-assign.json",
                Map.of("requestId", requests.get(0).id(), "lawyerIds", List.of(meera.id(), ravi.id())));
        fx.invoke("assign-assign.json", Map.of("requestId", requests.get(5).id(), "lawyerIds", List.of(ravi.id())));
        fx.invoke("assign-withdraw.json", Map.of("requestId", requests.get(0).id(), "lawyerId", ravi.id()));

        JsonNode items = queue().path("items");

        assertThat(calls).containsExactly("Query");
        assertThat(items).hasSize(12);
        for (int i = 0; i < 12; i++) {
            assertThat(items.path(i).path("id").asText())
                    .isEqualTo(requests.get(i).id());
            assertThat(items.path(i).path("organisation").path("name").asText())
                    .isEqualTo(orgs.get(i % 4).name());
        }
        assertThat(items.path(0).path("offers")).hasSize(1);
        assertThat(items.path(0).path("offers").path(0).path("lawyerId").asText())
                .isEqualTo(meera.id());
        assertThat(items.path(5).path("offers").path(0).path("lawyerId").asText())
                .isEqualTo(ravi.id());
        assertThat(items.path(5).path("status").asText()).isEqualTo("OFFERED");
        assertThat(items.path(1).path("offers")).isEmpty();
    }

    @Test
    void a_request_written_before_it_carried_its_organisations_name_still_shows_the_name() {
        Organisation older = organisation("Older Trust");
        request(older, "Written without the name", false);
        request(older, "Also without it", false);

        JsonNode items = queue().path("items");

        assertThat(items)
                .extracting(item -> item.path("organisation").path("name").asText())
                .containsExactly("Older Trust", "Older Trust");
        assertThat(calls).containsExactly("Query", "GetItem");
    }

    @Test
    void a_closed_request_leaves_the_queue_with_its_offers() {
        LegalRequest request = fx.request("Unpaid wages");
        Lawyer meera = fx.lawyer("Meera Das");
        fx.invoke("assign-assign.json", Map.of("requestId", request.id(), "lawyerIds", List.of(meera.id())));
        fx.invoke("assign-close.json", Map.of("requestId", request.id()));

        assertThat(queue().path("items")).isEmpty();
        assertThat(fx.store.index(Keys.GSI2, Keys.QUEUE_OPEN, true, 0)).isEmpty();
    }
}
