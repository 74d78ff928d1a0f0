package org.probono.clearinghouse.register.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.domain.Token;
import org.probono.clearinghouse.ids.Secrets;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.LocalAwsExtension;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.TokenItems;
import org.probono.clearinghouse.testkit.MovableClock;

/** The whole onboarding of an organisation and of a lawyer, through the entry class with events/ JSON. */
@ExtendWith(LocalAwsExtension.class)
class OnboardingTest {
    private static final Instant START = Instant.parse("2026-11-28T10:00:00Z");
    private RegisterFunction function;

    @BeforeEach
    void setUp(LocalAws aws) {
        function = new RegisterFunction(aws, new MovableClock(START));
    }

    @Test
    void an_organisation_registers_verifies_is_approved_and_receives_a_working_org_token() {
        JsonNode created = function.http(RegisterFunction.event("register-post-organisation.json"))
                .json();
        String id = created.path("id").asText();
        assertThat(created.path("status").asText()).isEqualTo("PENDING_VERIFICATION");
        assertThat(function.aws.countItems()).isEqualTo(5); // profile, email claim, token, audit event, outbox email

        OutboxMessage verifyEmail = function.table.lastEmailTo("ananya.roy@shakti.example.org");
        assertThat(verifyEmail.template()).isEqualTo(EmailTemplate.VERIFY_EMAIL);
        assertThat(verifyEmail.data())
                .containsEntry("name", "Shakti Vahini Trust")
                .containsEntry("kind", "organisation")
                .containsEntry("apiUrl", "https://abcdef1234.execute-api.ap-south-1.amazonaws.com")
                .containsEntry("privacyNoticeUrl", function.aws.environment().get("WEB_URL") + "/privacy/v1.en.html")
                .hasSize(4);
        assertThat(Secrets.looksLikeToken(function.table.tokenOf(verifyEmail))).isTrue();
        Token stored = TokenItems.from(
                Secrets.hash(function.table.tokenOf(verifyEmail)),
                function.store
                        .get(Keys.token(Secrets.hash(function.table.tokenOf(verifyEmail))))
                        .orElseThrow());
        assertThat(stored.expiresAt()).isEqualTo(START.plusSeconds(48 * 3600));
        assertThat(stored.subjectId()).isEqualTo(id);
        assertThat(function.table.items("TOKEN"))
                .noneMatch(item -> item.document().toJson().contains(function.table.tokenOf(verifyEmail)));

        RegisterFunction.HttpAnswer page =
                function.http(RegisterFunction.verifyEvent(function.table.tokenOf(verifyEmail), false));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text()).contains("Shakti Vahini Trust").contains("verified");

        JsonNode pending = function.invoke(RegisterFunction.event("register-list-pending.json"));
        assertThat(pending.path("items")).hasSize(1);
        assertThat(pending.path("items").path(0).path("kind").asText()).isEqualTo("organisation");
        assertThat(pending.path("items").path(0).path("id").asText()).isEqualTo(id);
        assertThat(pending.path("items").path(0).path("email").asText()).isEqualTo("ananya.roy@shakti.example.org");
        assertThat(pending.path("items").path(0).path("createdAt").asText()).isEqualTo(START.toString());
        assertThat(pending.path("items").path(0).path("preferredLanguage").asText())
                .isEqualTo("en");

        JsonNode approved =
                function.invoke(RegisterFunction.command("register-approve-organisation.json", c -> c.put("id", id)));
        assertThat(approved.path("id").asText()).isEqualTo(id);
        assertThat(approved.path("status").asText()).isEqualTo("APPROVED");

        OutboxMessage approval = function.table.lastEmailTo("ananya.roy@shakti.example.org");
        assertThat(approval.template()).isEqualTo(EmailTemplate.ORGANISATION_APPROVED);
        assertThat(approval.data())
                .isEqualTo(Map.of(
                        "name", "Shakti Vahini Trust", "contactName", "Ananya Roy", "webUrl", "http://localhost:3000"));
        Token orgToken = TokenItems.from(
                Secrets.hash(function.table.tokenOf(approval)),
                function.store
                        .get(Keys.token(Secrets.hash(function.table.tokenOf(approval))))
                        .orElseThrow());
        assertThat(orgToken.purpose()).isEqualTo(Token.Purpose.ORGANISATION_ACCESS);
        assertThat(orgToken.subjectId()).isEqualTo(id);
        assertThat(orgToken.expiresAt()).isNull();

        assertThat(function.table.auditTrail("ORG#" + id))
                .extracting(e -> e.status() + " by " + e.actor())
                .containsExactly(
                        "PENDING_VERIFICATION by registrant",
                        "PENDING_REVIEW by registrant",
                        "APPROVED by priya@clearinghouse.example");
        assertThat(function.invoke(RegisterFunction.event("register-list-pending.json"))
                        .path("items"))
                .isEmpty();
    }

    @Test
    void a_lawyer_registers_verifies_and_once_approved_is_found_under_each_practice_area() {
        String id = function.register("register-post-lawyer.json", RegisterFunction.body("register-post-lawyer.json"));
        OutboxMessage verifyEmail = function.table.lastEmailTo("meera.iyer@lawfirm.example");
        assertThat(verifyEmail.data()).containsEntry("kind", "lawyer").containsEntry("name", "Adv. Meera Iyer");
        assertThat(function.store.index(Keys.GSI1, Keys.areaIndexPk("CONTRACT_REVIEW"), true, 0))
                .isEmpty();

        JsonNode verified = function.http(RegisterFunction.verifyEvent(function.table.tokenOf(verifyEmail), true))
                .json();
        assertThat(verified)
                .isEqualTo(org.probono.clearinghouse.testkit.TestJson.MAPPER
                        .createObjectNode()
                        .put("status", "PENDING_REVIEW"));

        JsonNode approved =
                function.invoke(RegisterFunction.command("register-approve-lawyer.json", c -> c.put("id", id)));
        assertThat(approved.path("status").asText()).isEqualTo("APPROVED");

        for (String area : new String[] {"CONTRACT_REVIEW", "INTELLECTUAL_PROPERTY"}) {
            assertThat(function.store.index(Keys.GSI1, Keys.areaIndexPk(area), true, 0))
                    .extracting(item -> item.string("lawyerId"))
                    .containsExactly(id);
        }
        OutboxMessage welcome = function.table.lastEmailTo("meera.iyer@lawfirm.example");
        assertThat(welcome.template()).isEqualTo(EmailTemplate.LAWYER_APPROVED);
        assertThat(welcome.data()).isEqualTo(Map.of("name", "Adv. Meera Iyer"));
        assertThat(function.table.tokenOf(welcome)).isNull();
        assertThat(function.store.get(Keys.lawyer(id)).orElseThrow().number("maxActiveMatters"))
                .isEqualTo(3);
    }

    @Test
    void a_rejected_registration_is_told_the_reason_and_its_email_address_can_register_again() {
        ObjectNode body = RegisterFunction.body("register-post-lawyer.json");
        String id = function.register("register-post-lawyer.json", body);
        function.http(RegisterFunction.verifyEvent(
                function.table.tokenOf(function.table.lastEmailTo("meera.iyer@lawfirm.example")), true));

        JsonNode rejected = function.invoke(RegisterFunction.command("register-reject.json", c -> c.put("id", id)));

        assertThat(rejected.path("status").asText()).isEqualTo("REJECTED");
        OutboxMessage email = function.table.lastEmailTo("meera.iyer@lawfirm.example");
        assertThat(email.template()).isEqualTo(EmailTemplate.REGISTRATION_REJECTED);
        assertThat(email.data())
                .isEqualTo(Map.of(
                        "name",
                        "Adv. Meera Iyer",
                        "kind",
                        "lawyer",
                        "reason",
                        "We could not confirm the bar enrolment number with the Bar Council of Delhi."));
        assertThat(function.table.auditTrail("LAWYER#" + id))
                .last()
                .satisfies(e -> assertThat(e.actor()).isEqualTo("priya@clearinghouse.example"))
                .satisfies(e -> assertThat(e.note()).startsWith("We could not confirm"));
        assertThat(function.store.index(Keys.GSI1, Keys.areaIndexPk("CONTRACT_REVIEW"), true, 0))
                .isEmpty();

        String again = function.register("register-post-lawyer.json", body);
        assertThat(again).isNotEqualTo(id);
    }

    @Test
    void list_pending_shows_verified_registrations_oldest_first_and_leaves_out_unverified_ones() {
        String lawyer =
                function.register("register-post-lawyer.json", RegisterFunction.body("register-post-lawyer.json"));
        String lawyerToken = function.table.tokenOf(function.table.lastEmailTo("meera.iyer@lawfirm.example"));
        function.clock.advance(java.time.Duration.ofMinutes(5));
        String org = function.register(
                "register-post-organisation.json", RegisterFunction.body("register-post-organisation.json"));
        String orgToken = function.table.tokenOf(function.table.lastEmailTo("ananya.roy@shakti.example.org"));
        function.clock.advance(java.time.Duration.ofMinutes(5));
        ObjectNode unverified = RegisterFunction.body("register-post-organisation.json");
        ((ObjectNode) unverified.path("contact")).put("email", "someone@else.example");
        function.register("register-post-organisation.json", unverified);

        function.http(RegisterFunction.verifyEvent(orgToken, true)); // verified first, registered later
        function.http(RegisterFunction.verifyEvent(lawyerToken, true));

        JsonNode items = function.invoke(RegisterFunction.event("register-list-pending.json"))
                .path("items");
        assertThat(items).extracting(item -> item.path("id").asText()).containsExactly(lawyer, org);
        assertThat(items.path(0).path("name").asText()).isEqualTo("Adv. Meera Iyer");
    }

    @Test
    void a_contact_who_chose_bengali_and_a_lawyer_who_chose_hindi_are_stored_and_listed_with_their_language() {
        ObjectNode lawyerBody = RegisterFunction.body("register-post-lawyer.json");
        lawyerBody.put("preferredLanguage", "hi");
        String lawyer = function.register("register-post-lawyer.json", lawyerBody);
        ObjectNode orgBody = RegisterFunction.body("register-post-organisation.json");
        ((ObjectNode) orgBody.path("contact")).put("preferredLanguage", " BN ");
        String org = function.register("register-post-organisation.json", orgBody);
        function.http(RegisterFunction.verifyEvent(
                function.table.tokenOf(function.table.lastEmailTo("meera.iyer@lawfirm.example")), true));
        function.http(RegisterFunction.verifyEvent(
                function.table.tokenOf(function.table.lastEmailTo("ananya.roy@shakti.example.org")), true));

        assertThat(function.store.get(Keys.lawyer(lawyer)).orElseThrow().string("preferredLanguage"))
                .isEqualTo("hi");
        assertThat(function.store.get(Keys.organisation(org)).orElseThrow().string("contactPreferredLanguage"))
                .isEqualTo("bn");
        JsonNode items = function.invoke(RegisterFunction.event("register-list-pending.json"))
                .path("items");
        assertThat(items)
                .extracting(item -> item.path("id").asText() + " "
                        + item.path("preferredLanguage").asText())
                .containsExactly(lawyer + " hi", org + " bn");
    }

    @Test
    void the_verification_link_uses_the_configured_public_api_url_when_there_is_one(LocalAws aws) {
        RegisterFunction configured =
                new RegisterFunction(aws, new MovableClock(START), Map.of("API_URL", "https://api.help.example.org/"));

        configured.register("register-post-lawyer.json", RegisterFunction.body("register-post-lawyer.json"));

        assertThat(configured.table.lastEmailTo("meera.iyer@lawfirm.example").data())
                .containsEntry("apiUrl", "https://api.help.example.org");
    }
}
