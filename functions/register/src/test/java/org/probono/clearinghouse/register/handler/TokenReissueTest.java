package org.probono.clearinghouse.register.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.domain.Token;
import org.probono.clearinghouse.ids.Secrets;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.LocalAwsExtension;
import org.probono.clearinghouse.store.Item;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.TokenItems;
import org.probono.clearinghouse.testkit.MovableClock;
import org.probono.clearinghouse.testkit.TestJson;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** reissue-token: a lost or leaked org token is replaced in one transaction, and only for an approved organisation. */
@ExtendWith(LocalAwsExtension.class)
class TokenReissueTest {
    private static final String CONTACT = "ananya.roy@shakti.example.org";
    private InterposedWrite client;
    private RegisterFunction function;

    @BeforeEach
    void setUp(LocalAws aws) {
        client = new InterposedWrite(aws.dynamoDb());
        function = new RegisterFunction(aws, new MovableClock(Instant.parse("2026-11-28T10:00:00Z")), Map.of(), client);
    }

    @Test
    void a_reissue_deletes_the_old_token_stores_only_the_new_ones_hash_and_emails_it_to_the_contact() {
        String org = approvedOrganisation();
        String oldToken = function.table.tokenOf(function.table.lastEmailTo(CONTACT));
        int before = function.aws.countItems();

        JsonNode answer = function.invoke(
                RegisterFunction.event("register-reissue-token.json").put("id", org));

        assertThat(answer)
                .isEqualTo(TestJson.MAPPER
                        .createObjectNode()
                        .put("id", org)
                        .put("status", "APPROVED")
                        .put("tokenReissued", true));
        assertThat(function.store.get(Keys.token(Secrets.hash(oldToken)))).isEmpty();
        OutboxMessage email = function.table.lastEmailTo(CONTACT);
        assertThat(email.template()).isEqualTo(EmailTemplate.ORGANISATION_TOKEN_REISSUED);
        assertThat(email.data())
                .isEqualTo(Map.of(
                        "name", "Shakti Vahini Trust", "contactName", "Ananya Roy", "webUrl", "http://localhost:3000"));
        String newToken = function.table.tokenOf(email);
        assertThat(Secrets.looksLikeToken(newToken)).isTrue();
        assertThat(newToken).isNotEqualTo(oldToken);
        Token stored = TokenItems.from(
                Secrets.hash(newToken),
                function.store.get(Keys.token(Secrets.hash(newToken))).orElseThrow());
        assertThat(stored.purpose()).isEqualTo(Token.Purpose.ORGANISATION_ACCESS);
        assertThat(stored.subjectId()).isEqualTo(org);
        assertThat(stored.expiresAt()).isNull();
        assertThat(accessTokenHashes(org)).containsExactly(Secrets.hash(newToken));
        // The secret itself is nowhere in the table: the outbox item holds it sealed (only NotifyFunction opens it).
        assertThat(everyItem()).noneMatch(item -> item.document().toJson().contains(newToken));
        assertThat(function.table.tokenOf(email)).isEqualTo(newToken);
        assertThat(function.table.auditTrail("ORG#" + org)).last().satisfies(event -> {
            assertThat(event.status()).isEqualTo("APPROVED");
            assertThat(event.note()).isEqualTo("access token reissued: The coordinator lost the approval email.");
            assertThat(event.actor()).isEqualTo("priya@clearinghouse.example");
        });
        assertThat(function.aws.countItems()).isEqualTo(before + 2); // token swapped, plus audit event and email
    }

    @Test
    void reissuing_twice_leaves_exactly_one_access_token_the_latest() {
        String org = approvedOrganisation();

        reissue(org, c -> c.remove("reason"));
        function.clock.advance(Duration.ofMinutes(1));
        reissue(org, c -> {});

        String latest = function.table.tokenOf(function.table.lastEmailTo(CONTACT));
        assertThat(accessTokenHashes(org)).containsExactly(Secrets.hash(latest));
        assertThat(function.table.items("TOKEN"))
                .filteredOn(t -> "ORGANISATION_ACCESS".equals(t.string("purpose")))
                .extracting(t -> t.string(Keys.PK))
                .containsExactly("TOKEN#" + Secrets.hash(latest));
        assertThat(function.table.outbox())
                .filteredOn(m -> m.template() == EmailTemplate.ORGANISATION_TOKEN_REISSUED)
                .hasSize(2);
        assertThat(function.table.auditTrail("ORG#" + org))
                .extracting(e -> e.note())
                .containsSubsequence(
                        "access token reissued", "access token reissued: The coordinator lost the approval email.");
    }

    @Test
    void only_organisation_access_tokens_are_in_the_index() {
        String org = approvedOrganisation();

        assertThat(function.table.items("TOKEN"))
                .hasSize(2)
                .allSatisfy(token -> assertThat(token.string(Keys.GSI1PK))
                        .isEqualTo("ORGANISATION_ACCESS".equals(token.string("purpose")) ? "ORGTOKENS#" + org : null));
    }

    @Test
    void an_unknown_id_or_a_lawyers_id_is_a_404_and_writes_nothing() {
        approvedOrganisation();
        String lawyer =
                function.register("register-post-lawyer.json", RegisterFunction.body("register-post-lawyer.json"));
        int before = function.aws.countItems();

        assertError(reissueAnswer("0193c5a0-0000-7000-8000-00000000dead", c -> {}), 404);
        assertError(reissueAnswer(lawyer, c -> {}), 404);
        assertThat(function.aws.countItems()).isEqualTo(before);
    }

    @Test
    void an_organisation_not_approved_is_a_409_and_writes_nothing() {
        String org = function.register(
                "register-post-organisation.json", RegisterFunction.body("register-post-organisation.json"));
        int before = function.aws.countItems();
        JsonNode unverified = reissueAnswer(org, c -> {});
        function.http(RegisterFunction.verifyEvent(function.table.tokenOf(function.table.lastEmailTo(CONTACT)), true));
        int verified = function.aws.countItems();
        JsonNode pendingReview = reissueAnswer(org, c -> {});
        function.invoke(RegisterFunction.command(
                "register-reject.json", c -> c.put("kind", "organisation").put("id", org)));
        int rejected = function.aws.countItems();
        JsonNode afterRejection = reissueAnswer(org, c -> {});

        assertError(unverified, 409);
        assertThat(unverified.path("error").path("detail").asText()).contains("PENDING_VERIFICATION");
        assertError(pendingReview, 409);
        assertThat(pendingReview.path("error").path("detail").asText()).contains("PENDING_REVIEW");
        assertError(afterRejection, 409);
        assertThat(afterRejection.path("error").path("detail").asText()).contains("REJECTED");
        assertThat(List.of(before, verified, rejected)).doesNotHaveDuplicates();
        assertThat(function.aws.countItems()).isEqualTo(rejected);
        assertThat(function.table.items("TOKEN")).noneMatch(t -> "ORGANISATION_ACCESS".equals(t.string("purpose")));
        assertThat(function.table.outbox()).noneMatch(m -> m.template() == EmailTemplate.ORGANISATION_TOKEN_REISSUED);
    }

    @Test
    void bad_commands_are_400_error_objects_that_name_the_problem_and_write_nothing() {
        String org = approvedOrganisation();
        String token = function.table.tokenOf(function.table.lastEmailTo(CONTACT));
        int before = function.aws.countItems();
        Map<String, Consumer<ObjectNode>> breakages = Map.of(
                "id is required", c -> c.remove("id"),
                "id must be a string", c -> c.put("id", 42),
                "reviewedBy is required", c -> c.put("reviewedBy", "  "),
                "reviewedBy must be at most 120 characters", c -> c.put("reviewedBy", "x".repeat(121)),
                "reason must be at most 1000 characters", c -> c.put("reason", "x".repeat(1001)),
                "reason must be a string", c -> c.putArray("reason").add("lost"),
                "kind is not a known field", c -> c.put("kind", "organisation"),
                "reviewer is not a known field", c -> c.put("reviewer", "priya@clearinghouse.example"));
        breakages.forEach((problem, breakage) -> {
            JsonNode answer = reissueAnswer(org, breakage);
            assertError(answer, 400);
            assertThat(answer.path("error").path("detail").asText()).as(problem).contains(problem);
            assertThat(answer.toString()).doesNotContain("Exception").doesNotContain("\tat ");
        });
        assertThat(function.aws.countItems()).isEqualTo(before);
        assertThat(accessTokenHashes(org)).containsExactly(Secrets.hash(token));
    }

    @Test
    void when_one_action_fails_the_whole_reissue_is_undone() {
        String org = approvedOrganisation();
        String oldHash = Secrets.hash(function.table.tokenOf(function.table.lastEmailTo(CONTACT)));
        long version = function.store.get(Keys.organisation(org)).orElseThrow().version();
        int outbox = function.table.outbox().size();
        int events = function.table.auditTrail("ORG#" + org).size();
        int before = function.aws.countItems();
        // Someone revokes the old token after the command read it: its conditioned delete fails.
        client.beforeNextTransaction(() -> function.aws
                .dynamoDb()
                .deleteItem(d -> d.tableName(function.aws.tableName())
                        .key(Map.of(
                                Keys.PK,
                                AttributeValue.fromS("TOKEN#" + oldHash),
                                Keys.SK,
                                AttributeValue.fromS("TOKEN")))));

        JsonNode answer = reissueAnswer(org, c -> {});

        assertError(answer, 409);
        assertThat(answer.path("error").path("detail").asText()).contains("nothing was written");
        assertThat(function.aws.countItems()).isEqualTo(before - 1); // only the other party's delete
        assertThat(function.table.items("TOKEN")).noneMatch(t -> "ORGANISATION_ACCESS".equals(t.string("purpose")));
        assertThat(function.table.outbox()).hasSize(outbox);
        assertThat(function.table.auditTrail("ORG#" + org)).hasSize(events);
        assertThat(function.store.get(Keys.organisation(org)).orElseThrow().version())
                .isEqualTo(version);
    }

    /* moto runs one request at a time in our harness (local/backend moto_serialized.py), so the reads and
     * transactions of the attempts interleave as they would on DynamoDB. */
    @Test
    void simultaneous_reissues_leave_one_access_token_and_every_loser_writes_nothing() throws Exception {
        String org = approvedOrganisation();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<JsonNode>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) attempts.add(() -> reissueAnswer(org, c -> {}));
        List<JsonNode> answers = new ArrayList<>();
        for (Future<JsonNode> answer : pool.invokeAll(attempts)) answers.add(answer.get());
        pool.shutdown();

        long won = answers.stream()
                .filter(a -> a.path("tokenReissued").asBoolean())
                .count();
        assertThat(won).isPositive();
        assertThat(answers)
                .filteredOn(a -> a.path("error").path("status").asInt() == 409)
                .hasSize((int) (8 - won));
        List<OutboxMessage> emails = function.table.outbox().stream()
                .filter(m -> m.template() == EmailTemplate.ORGANISATION_TOKEN_REISSUED)
                .toList();
        assertThat(emails).hasSize((int) won);
        assertThat(function.table.auditTrail("ORG#" + org))
                .filteredOn(e -> e.note().startsWith("access token reissued"))
                .hasSize((int) won);
        List<String> hashes = accessTokenHashes(org);
        assertThat(hashes).hasSize(1);
        assertThat(emails)
                .extracting(m -> Secrets.hash(function.table.tokenOf(m)))
                .contains(hashes.getFirst());
        assertThat(function.table.items("TOKEN"))
                .filteredOn(t -> "ORGANISATION_ACCESS".equals(t.string("purpose")))
                .hasSize(1);
    }

    /** Registers, verifies and approves the organisation of events/; its approval email holds the first token. */
    private String approvedOrganisation() {
        String org = function.register(
                "register-post-organisation.json", RegisterFunction.body("register-post-organisation.json"));
        function.http(RegisterFunction.verifyEvent(function.table.tokenOf(function.table.lastEmailTo(CONTACT)), true));
        JsonNode approved =
                function.invoke(RegisterFunction.command("register-approve-organisation.json", c -> c.put("id", org)));
        assertThat(approved.path("status").asText()).isEqualTo("APPROVED");
        return org;
    }

    private void reissue(String org, Consumer<ObjectNode> change) {
        assertThat(reissueAnswer(org, change).path("tokenReissued").asBoolean()).isTrue();
    }

    private JsonNode reissueAnswer(String org, Consumer<ObjectNode> change) {
        return function.invoke(RegisterFunction.command("register-reissue-token.json", c -> {
            c.put("id", org);
            change.accept(c);
        }));
    }

    private List<String> accessTokenHashes(String org) {
        return function.store.index(Keys.GSI1, Keys.organisationTokensPk(org), true, 0).stream()
                .map(item -> item.string(Keys.GSI1SK))
                .toList();
    }

    private List<Item> everyItem() {
        return function.aws.dynamoDb().scanPaginator(s -> s.tableName(function.aws.tableName())).items().stream()
                .map(map -> Item.of(EnhancedDocument.fromAttributeValueMap(map)))
                .toList();
    }

    private static void assertError(JsonNode answer, int status) {
        assertThat(answer.path("error").path("status").asInt())
                .as(answer.toString())
                .isEqualTo(status);
        assertThat(answer.path("error").path("title").asText()).isNotBlank();
        assertThat(answer.path("error").path("detail").asText()).isNotBlank();
    }
}
