package org.probono.clearinghouse.register.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.probono.clearinghouse.ids.Secrets;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.LocalAwsExtension;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.testkit.MovableClock;

/** GET /verify: once, harmlessly again, never with an expired or unknown token. */
@ExtendWith(LocalAwsExtension.class)
class VerificationTest {
    private RegisterFunction function;
    private String id;
    private String token;

    @BeforeEach
    void setUp(LocalAws aws) {
        function = new RegisterFunction(aws, new MovableClock(Instant.parse("2026-11-28T10:00:00Z")));
        id = function.register("register-post-lawyer.json", RegisterFunction.body("register-post-lawyer.json"));
        token = function.table.tokenOf(function.table.lastEmailTo("meera.iyer@lawfirm.example"));
    }

    @Test
    void a_second_click_answers_200_already_verified_and_changes_nothing() {
        function.http(RegisterFunction.verifyEvent(token, true));
        int before = function.aws.countItems();

        RegisterFunction.HttpAnswer json = function.http(RegisterFunction.verifyEvent(token, true));
        RegisterFunction.HttpAnswer page = function.http(RegisterFunction.verifyEvent(token, false));

        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().path("status").asText()).isEqualTo("PENDING_REVIEW");
        assertThat(json.json().path("alreadyVerified").asBoolean()).isTrue();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("already verified");
        assertThat(function.aws.countItems()).isEqualTo(before);
        assertThat(function.table.auditTrail("LAWYER#" + id)).hasSize(2);
        assertThat(function.store
                        .get(Keys.token(Secrets.hash(token)))
                        .orElseThrow()
                        .string("usedAt"))
                .isNotNull();
    }

    @Test
    void a_used_link_still_says_already_verified_long_after_its_48_hours() {
        function.http(RegisterFunction.verifyEvent(token, true));
        function.clock.advance(Duration.ofDays(30));

        RegisterFunction.HttpAnswer late = function.http(RegisterFunction.verifyEvent(token, true));

        assertThat(late.status()).isEqualTo(200);
        assertThat(late.json().path("alreadyVerified").asBoolean()).isTrue();
    }

    @Test
    void an_address_whose_link_expired_unverified_can_be_registered_again() {
        function.clock.advance(Duration.ofHours(48));

        String again =
                function.register("register-post-lawyer.json", RegisterFunction.body("register-post-lawyer.json"));

        assertThat(again).isNotEqualTo(id);
        assertThat(function.store
                        .get(Keys.email("meera.iyer@lawfirm.example"))
                        .orElseThrow()
                        .string("ownerId"))
                .isEqualTo(again);
        assertThat(function.store.get(Keys.lawyer(id)).orElseThrow().string("status"))
                .isEqualTo("REJECTED");
        assertThat(function.table.auditTrail("LAWYER#" + id))
                .extracting(e -> e.status())
                .containsExactly("PENDING_VERIFICATION", "REJECTED");
        String secondToken = function.table.tokenOf(function.table.lastEmailTo("meera.iyer@lawfirm.example"));
        assertThat(function.http(RegisterFunction.verifyEvent(secondToken, true))
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("PENDING_REVIEW");
    }

    @Test
    void an_unverified_address_whose_link_is_still_live_stays_taken() {
        function.clock.advance(Duration.ofHours(47));
        int before = function.aws.countItems();

        RegisterFunction.HttpAnswer answer = function.http(RegisterFunction.withBody(
                "register-post-lawyer.json", RegisterFunction.body("register-post-lawyer.json")));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(function.aws.countItems()).isEqualTo(before);
    }

    @Test
    void ten_simultaneous_clicks_move_the_registration_once() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Callable<JsonNode>> clicks = new ArrayList<>();
        for (int i = 0; i < 10; i++)
            clicks.add(() ->
                    function.http(RegisterFunction.verifyEvent(token, true)).json());
        List<JsonNode> answers = new ArrayList<>();
        for (Future<JsonNode> answer : pool.invokeAll(clicks)) answers.add(answer.get());
        pool.shutdown();

        assertThat(answers)
                .allSatisfy(a -> assertThat(a.path("status").asText()).isEqualTo("PENDING_REVIEW"));
        assertThat(answers).filteredOn(a -> !a.has("alreadyVerified")).hasSize(1);
        assertThat(function.table.auditTrail("LAWYER#" + id)).hasSize(2);
        assertThat(function.store.get(Keys.lawyer(id)).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void a_token_past_48_hours_is_a_400_with_a_friendly_page_or_a_problem_and_writes_nothing() {
        function.clock.advance(Duration.ofHours(48));
        int before = function.aws.countItems();

        RegisterFunction.HttpAnswer page = function.http(RegisterFunction.verifyEvent(token, false));
        RegisterFunction.HttpAnswer json = function.http(RegisterFunction.verifyEvent(token, true));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text()).contains("expired");
        assertThat(json.status()).isEqualTo(400);
        assertThat(json.contentType()).isEqualTo("application/problem+json");
        assertThat(function.aws.countItems()).isEqualTo(before);
        assertThat(function.store.get(Keys.lawyer(id)).orElseThrow().string("status"))
                .isEqualTo("PENDING_VERIFICATION");
    }

    @Test
    void a_token_one_second_before_expiry_still_verifies() {
        function.clock.advance(Duration.ofHours(48).minusSeconds(1));

        assertThat(function.http(RegisterFunction.verifyEvent(token, true))
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("PENDING_REVIEW");
    }

    @Test
    void unknown_malformed_and_missing_tokens_are_400_and_write_nothing() {
        int before = function.aws.countItems();
        ObjectNode missing = RegisterFunction.verifyEvent(token, true);
        missing.remove("queryStringParameters");
        missing.put("rawQueryString", "");

        for (JsonNode event : List.of(
                RegisterFunction.verifyEvent(new Secrets().newToken(), true),
                RegisterFunction.verifyEvent("not-a-token", true),
                missing,
                RegisterFunction.verifyEvent(token.substring(1) + "A", false))) {
            assertThat(function.http(event).status()).isEqualTo(400);
        }
        assertThat(function.aws.countItems()).isEqualTo(before);
    }

    @Test
    void the_page_escapes_the_registrants_name(LocalAws aws) {
        ObjectNode body = RegisterFunction.body("register-post-organisation.json");
        body.put("name", "<script>alert('x')</script> & Co");
        function.register("register-post-organisation.json", body);
        String orgToken = function.table.tokenOf(function.table.lastEmailTo("ananya.roy@shakti.example.org"));

        String page =
                function.http(RegisterFunction.verifyEvent(orgToken, false)).text();

        assertThat(page)
                .doesNotContain("<script>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co");
    }

    @Test
    void an_organisation_access_token_is_not_a_verification_token() {
        function.http(RegisterFunction.verifyEvent(token, true));
        function.invoke(RegisterFunction.command("register-approve-lawyer.json", c -> c.put("id", id)));
        String orgId = function.register(
                "register-post-organisation.json", RegisterFunction.body("register-post-organisation.json"));
        function.http(RegisterFunction.verifyEvent(
                function.table.tokenOf(function.table.lastEmailTo("ananya.roy@shakti.example.org")), true));
        function.invoke(RegisterFunction.command("register-approve-organisation.json", c -> c.put("id", orgId)));
        String orgToken = function.table.tokenOf(function.table.lastEmailTo("ananya.roy@shakti.example.org"));

        assertThat(function.http(RegisterFunction.verifyEvent(orgToken, true)).status())
                .isEqualTo(400);
    }
}
