package org.probono.clearinghouse.register.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.probono.clearinghouse.domain.AuditEvent;
import org.probono.clearinghouse.domain.Category;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.Language;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Offer;
import org.probono.clearinghouse.domain.OfferStatus;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.LocalAwsExtension;
import org.probono.clearinghouse.store.AuditItems;
import org.probono.clearinghouse.store.Item;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.OfferItems;
import org.probono.clearinghouse.store.OutboxItems;
import org.probono.clearinghouse.store.RequestItems;
import org.probono.clearinghouse.store.Transaction;
import org.probono.clearinghouse.testkit.MovableClock;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/** Consent on verification, export-subject and erase-subject, through the entry class with events/ JSON. */
@ExtendWith(LocalAwsExtension.class)
class SubjectRightsTest {
    private static final Instant START = Instant.parse("2026-11-28T10:00:00Z");
    private static final String EMAIL = "meera.iyer@lawfirm.example";
    private static final List<String> IDENTIFIERS = List.of(EMAIL, "Meera Iyer", "+91 98111 22233");
    private RegisterFunction function;
    private InterposedWrite client;
    private String lawyerId;

    @BeforeEach
    void setUp(LocalAws aws) {
        client = new InterposedWrite(aws.dynamoDb());
        function = new RegisterFunction(aws, new MovableClock(START), Map.of(), client);
        lawyerId = function.register("register-post-lawyer.json", RegisterFunction.body("register-post-lawyer.json"));
        function.http(RegisterFunction.verifyEvent(function.table.tokenOf(function.table.lastEmailTo(EMAIL)), true));
        JsonNode approved =
                function.invoke(RegisterFunction.command("register-approve-lawyer.json", c -> c.put("id", lawyerId)));
        assertThat(approved.path("status").asText()).isEqualTo("APPROVED");
    }

    @Test
    void opening_the_verification_link_records_consent_to_the_notice_and_the_export_shows_it() {
        JsonNode export = function.invoke(RegisterFunction.event("register-export-subject.json"));

        assertThat(export.path("consent")).hasSize(1);
        assertThat(export.path("consent").path(0).path("noticeVersion").asText())
                .isEqualTo("v1");
        assertThat(export.path("consent").path(0).path("givenAt").asText()).isEqualTo(START.toString());
        assertThat(export.path("profiles").path(0).path("name").asText()).isEqualTo("Adv. Meera Iyer");
        assertThat(export.path("emails"))
                .extracting(e -> e.path("template").asText())
                .containsExactlyInAnyOrder("VERIFY_EMAIL", "LAWYER_APPROVED");
        assertThat(export.path("auditEntries")).hasSizeGreaterThanOrEqualTo(3);
        // Never a token, sealed or raw.
        assertThat(export.toString())
                .doesNotContain(
                        "sealedToken",
                        function.table.tokenOf(function.table.outbox().getFirst()));
    }

    @Test
    void a_lawyer_holding_an_accepted_matter_cannot_be_erased_and_nothing_is_written() {
        LegalRequest accepted = request("REQ-ACCEPTED", RequestStatus.ACCEPTED, lawyerId);
        function.store.commit(new Transaction().create(RequestItems.toItem(accepted)));
        int before = function.aws.countItems();

        JsonNode answer = function.invoke(RegisterFunction.event("register-erase-subject.json"));

        assertThat(answer.path("error").path("status").asInt()).isEqualTo(409);
        assertThat(answer.path("error").path("detail").asText()).contains("REQ-ACCEPTED");
        assertThat(function.aws.countItems()).isEqualTo(before);
        assertThat(everyItemAsText()).contains(EMAIL);
    }

    @Test
    void erasure_leaves_no_address_name_or_phone_withdraws_open_offers_and_frees_the_address() {
        LegalRequest offered = request("REQ-OFFERED", RequestStatus.OFFERED, null);
        Offer offer = new Offer(
                offered.id(),
                lawyerId,
                OfferStatus.PENDING,
                START,
                START.plusSeconds(86_400),
                "hash",
                null,
                null,
                false,
                1);
        function.store.commit(new Transaction()
                .create(RequestItems.toItem(offered))
                .create(OfferItems.toItem(offer))
                .create(OutboxItems.toItem(OutboxMessage.toTeam(
                        "OB-ADMIN",
                        EmailTemplate.ADMIN_ACCEPTED,
                        "team@example.org",
                        Map.of("lawyerName", "Adv. Meera Iyer", "requestId", offered.id()),
                        START)))
                .create(AuditItems.toItem(
                        Keys.requestPk(offered.id()),
                        new AuditEvent(START, "OFFERED", "Offered to Adv. Meera Iyer", "admin"))));

        JsonNode erased = function.invoke(RegisterFunction.event("register-erase-subject.json"));

        assertThat(erased.path("status").asText()).as(erased.toString()).isEqualTo("ERASED");
        assertThat(erased.path("transactions").asInt()).isEqualTo(1);
        assertThat(everyItemAsText())
                .doesNotContainIgnoringCase(IDENTIFIERS.get(0))
                .doesNotContain(IDENTIFIERS.get(1), IDENTIFIERS.get(2));
        assertThat(OfferItems.from(function.store
                                .get(Keys.offer(offered.id(), lawyerId))
                                .orElseThrow())
                        .status())
                .isEqualTo(OfferStatus.WITHDRAWN);
        assertThat(RequestItems.from(
                                function.store.get(Keys.request(offered.id())).orElseThrow())
                        .status())
                .isEqualTo(RequestStatus.SUBMITTED);
        assertThat(function.table.items("TOKEN")).isEmpty();
        assertThat(function.table.items("LAWYER_AREA")).isEmpty();
        assertThat(function.table.auditTrail(Keys.lawyerPk(lawyerId))).last().satisfies(event -> {
            assertThat(event.status()).isEqualTo("ERASED");
            assertThat(event.actor()).isEqualTo("priya@clearinghouse.example");
        });
        // The address may register again; a repeat finds nothing left.
        assertThat(function.invoke(RegisterFunction.event("register-erase-subject.json"))
                        .path("error")
                        .path("status")
                        .asInt())
                .isEqualTo(404);
        function.register("register-post-lawyer.json", RegisterFunction.body("register-post-lawyer.json"));
    }

    @Test
    void an_erasure_interrupted_between_transactions_is_finished_by_running_it_again() {
        // 150 emails to her: more than one transaction's 100 actions.
        Transaction emails = new Transaction();
        for (int i = 0; i < 99; i++) emails.create(OutboxItems.toItem(email(i)));
        function.store.commit(emails);
        Transaction more = new Transaction();
        for (int i = 99; i < 150; i++) more.create(OutboxItems.toItem(email(i)));
        function.store.commit(more);

        // The second transaction of the erasure never lands: another write changes one of its items first.
        int[] transactions = {0};
        client.beforeEveryTransaction(() -> {
            if (++transactions[0] == 2) {
                throw new IllegalStateException("the function stopped between two transactions");
            }
        });
        JsonNode interrupted = function.invokeRaw(
                RegisterFunction.event("register-erase-subject.json").toString());
        assertThat(interrupted.path("error").path("status").asInt()).isEqualTo(500);
        assertThat(everyItemAsText()).contains(EMAIL);

        client.beforeEveryTransaction(() -> {});
        JsonNode finished = function.invoke(RegisterFunction.event("register-erase-subject.json"));

        assertThat(finished.path("status").asText()).as(finished.toString()).isEqualTo("ERASED");
        assertThat(everyItemAsText()).doesNotContainIgnoringCase(EMAIL).doesNotContain("Meera Iyer", "+91 98111 22233");
    }

    private static OutboxMessage email(int i) {
        return OutboxMessage.of(
                "OB-%03d".formatted(i),
                EmailTemplate.OFFER_FILLED,
                EMAIL,
                Language.EN,
                Map.of("lawyerName", "Adv. Meera Iyer", "requestId", "REQ-" + i),
                START);
    }

    private static LegalRequest request(String id, RequestStatus status, String lawyer) {
        return new LegalRequest(
                id,
                "ORG-1",
                status,
                Category.CONTRACT_REVIEW,
                "A contract",
                "Summary",
                null,
                "IN-DL",
                "en",
                null,
                List.of(),
                START,
                lawyer,
                1);
    }

    private String everyItemAsText() {
        return function.aws.dynamoDb().scanPaginator(s -> s.tableName(function.aws.tableName())).items().stream()
                .map(map -> Item.of(EnhancedDocument.fromAttributeValueMap(map))
                        .document()
                        .toJson())
                .reduce("", String::concat);
    }
}
