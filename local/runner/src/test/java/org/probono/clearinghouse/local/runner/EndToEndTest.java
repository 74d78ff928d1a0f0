package org.probono.clearinghouse.local.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.probono.clearinghouse.local.backend.Dynoxide;
import org.probono.clearinghouse.local.backend.MotoServer;
import org.probono.clearinghouse.local.backend.Template;
import org.probono.clearinghouse.testkit.LocalClearinghouse;
import org.probono.clearinghouse.testkit.TestJson;

/**
 * The whole story over HTTP against the runner in this JVM, as a person with curl would live it:
 * an organisation registers, verifies and is approved; two lawyers likewise; the organisation asks for
 * help; the team suggests and offers the matter to both; one lawyer accepts by replying to the offer
 * email; everyone hears what they should, and the confidential details reach only the accepting lawyer.
 * Mistakes a person makes on the way (a second registration of one address, approving twice, reusing an
 * idempotency key for another request, assigning a filled request) are refused, and every later email
 * still arrives: on the runner's own moto, on moto with DynamoDB on dynoxide (what local/run uses where
 * dynoxide installs), and on moto as a person starts it behind AWS_ENDPOINT_URL, where a refused
 * transaction restores a copy of the table (docs/local-runner.md).
 * Everything the functions log meanwhile is captured: every line carries its request ids, the business
 * metrics are there, and no email address, name, phone number or token of the story reaches a log line.
 */
class EndToEndTest {
    private static final String ADMIN = "team@clearinghouse.test";
    private static final String CONTACT = "rina@shakti.example";
    private static final String ASHA = "asha@lawfirm.example";
    private static final String VIKRAM = "vikram@chambers.example";
    private static final String SECRET = "MARKER-confidential-7f3a";
    /** A title as a Bengali-speaking organisation writes it. */
    private static final String TITLE = "শিল্পীর সঙ্গে চুক্তি: mural commission";

    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]{16,})");

    private static final String RINA_PHONE = "9830012345";
    private static final String LAWYER_PHONE = "9830054321";
    private static final Pattern REPLY_TOKEN = Pattern.compile("reply\\+([A-Za-z0-9_-]{16,})@");

    private static LocalRunner runner;
    private static LocalClearinghouse clearinghouse;
    /** Every line printed while the story runs: the functions' logs and the runner's own. */
    private static final ByteArrayOutputStream LOGS = new ByteArrayOutputStream();

    private static PrintStream stdout;
    private static PrintStream stderr;

    @BeforeAll
    static void start() {
        stdout = System.out;
        stderr = System.err;
        System.setOut(new PrintStream(new Tee(stdout), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(stderr), true, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() {
        System.setOut(stdout);
        System.setErr(stderr);
    }

    /** Writes through to the real stream and keeps a copy for the assertions on the logs. */
    private static final class Tee extends OutputStream {
        private final OutputStream through;

        Tee(OutputStream through) {
            this.through = through;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            through.write(b);
            synchronized (LOGS) {
                LOGS.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws java.io.IOException {
            through.write(bytes, offset, length);
            synchronized (LOGS) {
                LOGS.write(bytes, offset, length);
            }
        }
    }

    enum Backend {
        THE_RUNNERS_OWN_MOTO,
        MOTO_WITH_DYNAMODB_ON_DYNOXIDE,
        MOTO_AS_IS_BEHIND_AWS_ENDPOINT_URL
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void an_organisation_gets_a_lawyer_and_everyone_is_told_despite_mistakes_on_the_way(Backend backend)
            throws Exception {
        RunnerSettings settings = RunnerSettings.forTest(Template.repositoryRoot(), Duration.ofHours(1));
        if (backend == Backend.MOTO_WITH_DYNAMODB_ON_DYNOXIDE) {
            Optional<Path> dynoxide = Dynoxide.installed();
            assumeTrue(dynoxide.isPresent(), "dynoxide is not installed here (local/test installs it where npm can)");
            settings = settings.withDynoxide(dynoxide.get());
        }
        MotoServer external = backend == Backend.MOTO_AS_IS_BEHIND_AWS_ENDPOINT_URL ? MotoServer.startAsIs() : null;
        if (external != null) settings = settings.withEndpoint(external.endpoint());
        try (MotoServer stopped = external) {
            synchronized (LOGS) {
                LOGS.reset();
            }
            runner = LocalRunner.start(settings);
            clearinghouse = new LocalClearinghouse(runner.url(), () -> {});
            try {
                story();
            } finally {
                runner.close();
            }
        }
    }

    private void story() throws Exception {
        // The organisation registers, verifies its email, and the team approves it.
        JsonNode organisation = post("/organisations", null, """
                {"name":"Shakti Vahini Trust","organisationType":"TRUST","registrationNumber":"WB/2011/0012345",
                 "jurisdiction":"IN-WB","city":"Kolkata","website":"https://shakti.example","focusAreas":["anti-trafficking"],
                 "contact":{"name":"Rina Das","email":"%s","phone":"+919830012345"}}""".formatted(CONTACT), 201);
        assertThat(organisation.path("status").asText()).isEqualTo("PENDING_VERIFICATION");
        // Mistake 1: the coordinator submits the form again.
        JsonNode duplicate = post("/organisations", null, """
                {"name":"Shakti Vahini Trust","organisationType":"TRUST","registrationNumber":"WB/2011/0012345",
                 "jurisdiction":"IN-WB","city":"Kolkata","focusAreas":["anti-trafficking"],
                 "contact":{"name":"Rina Das","email":"%s","phone":"+919830012345"}}""".formatted(CONTACT), 409);
        assertThat(duplicate.path("status").asInt()).isEqualTo(409);
        verify(CONTACT);
        JsonNode pending = clearinghouse.invoke("RegisterFunction", "{\"command\":\"list-pending\"}");
        assertThat(pending.path("items").toString())
                .contains(organisation.path("id").asText());
        clearinghouse.approve("organisation", organisation.path("id").asText());
        JsonNode approval =
                clearinghouse.awaitMail(CONTACT, m -> m.path("text").asText().contains("#token="));
        String orgToken = LocalClearinghouse.token(TOKEN, approval.path("text").asText());
        assertThat(approval.path("text").asText()).contains(runner.url() + "/#token=" + orgToken);
        // Mistake 2: a second member of the team approves it too.
        assertThat(invokeError("RegisterFunction", """
                {"command":"approve","kind":"organisation","id":"%s","reviewedBy":"arjun@team"}""".formatted(
                                        organisation.path("id").asText()))
                        .path("status")
                        .asInt())
                .isEqualTo(409);

        // Two lawyers join, verify and are approved.
        String asha = lawyer("Asha Rao", ASHA, "Rao & Partners");
        String vikram = lawyer("Vikram Sen", VIKRAM, "");

        // The organisation asks for help (with an Idempotency-Key, as the web form sends one).
        JsonNode created = postWithKey("/requests", orgToken, "form-submit-1", """
                {"category":"CONTRACT_REVIEW","title":"Review a contract with a muralist",
                 "summary":"A one-page commission for a shelter mural; we need the IP clause checked.",
                 "confidentialDetails":"%s","jurisdiction":"IN-WB","language":"en",
                 "counterparties":["Mural Studio LLP"]}""".formatted(SECRET), 201);
        String requestId = created.path("id").asText();
        // Mistake 3: the same key again, for another request.
        postWithKey("/requests", orgToken, "form-submit-1", """
                {"category":"EMPLOYMENT","title":"Another matter","summary":"Something else entirely.",
                 "jurisdiction":"IN-WB","language":"en"}""", 422);
        assertThat(created.path("status").asText()).isEqualTo("SUBMITTED");
        clearinghouse.awaitMail(CONTACT, m -> m.path("text").asText().contains(requestId));
        clearinghouse.awaitMail(ADMIN, m -> m.path("text").asText().contains(requestId));
        assertThat(view(requestId, orgToken).path("status").asText()).isEqualTo("SUBMITTED");

        // The team asks for suggestions and offers the matter to both lawyers.
        JsonNode suggestions = clearinghouse.invoke(
                "AssignFunction", "{\"command\":\"suggest\",\"requestId\":\"%s\",\"limit\":5}".formatted(requestId));
        List<String> candidates = new ArrayList<>();
        suggestions
                .path("candidates")
                .forEach(c -> candidates.add(c.path("lawyerId").asText()));
        assertThat(candidates).contains(asha, vikram);
        JsonNode assigned = clearinghouse.invoke("AssignFunction", """
                {"command":"assign","requestId":"%s","lawyerIds":["%s","%s"],"assignedBy":"e2e@clearinghouse.test",
                 "respondWithinHours":24}""".formatted(requestId, asha, vikram));
        assertThat(assigned.path("status").asText()).isEqualTo("OFFERED");
        assertThat(assigned.path("offers")).hasSize(2);
        assertThat(view(requestId, orgToken).path("status").asText()).isEqualTo("OFFERED");

        JsonNode offerToAsha =
                clearinghouse.awaitMail(ASHA, m -> m.path("text").asText().contains("muralist"));
        JsonNode offerToVikram =
                clearinghouse.awaitMail(VIKRAM, m -> m.path("text").asText().contains("muralist"));
        for (JsonNode offer : List.of(offerToAsha, offerToVikram)) {
            assertThat(offer.path("replyTo").path(0).asText())
                    .startsWith("reply+")
                    .endsWith("@reply.clearinghouse.test");
            assertThat(offer.path("text").asText()).contains("Mural Studio LLP").doesNotContain(SECRET);
            assertThat(offer.path("html").asText()).doesNotContain(SECRET);
        }

        // Asha accepts by replying to the offer, as a mail client would quote it.
        String replyTo = offerToAsha.path("replyTo").path(0).asText();
        String reply = """
                From: Asha Rao <%s>
                To: %s
                Subject: Re: %s
                Message-ID: <accept-1@lawfirm.example>
                Date: Sat, 28 Nov 2026 10:15:30 +0000
                Content-Type: text/plain; charset=utf-8

                Yes, happy to take this on.

                On Sat, 28 Nov 2026, Clearinghouse wrote:
                > %s
                """.formatted(ASHA, replyTo, offerToAsha.path("subject").asText(), "quoted offer")
                .replace("\n", "\r\n");
        clearinghouse.inbound(reply);

        JsonNode accepted = view(requestId, orgToken);
        assertThat(accepted.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.path("lawyer").path("name").asText()).isEqualTo("Asha Rao");
        assertThat(accepted.path("lawyer").path("email").asText()).isEqualTo(ASHA);
        List<String> statuses = new ArrayList<>();
        accepted.path("history").forEach(h -> statuses.add(h.path("status").asText()));
        assertThat(statuses).containsSubsequence("SUBMITTED", "OFFERED", "ACCEPTED");

        JsonNode details =
                clearinghouse.awaitMail(ASHA, m -> m.path("text").asText().contains(SECRET));
        assertThat(details.path("text").asText()).contains("Rina Das");
        clearinghouse.awaitMail(
                CONTACT,
                m -> m.path("text").asText().contains("Asha Rao")
                        && m.path("text").asText().contains(ASHA));
        String offerId = offerToVikram.path("id").asText();
        JsonNode filled = clearinghouse.awaitMail(
                VIKRAM,
                m -> !m.path("id").asText().equals(offerId)
                        && m.path("text").asText().contains("muralist"));
        // Only offers carry a reply token; other emails send replies to the team's inbox.
        assertThat(filled.path("replyTo").toString()).doesNotContain("reply+").contains(ADMIN);
        assertThat(filled.path("text").asText()).doesNotContain(SECRET);
        clearinghouse.awaitMail(ADMIN, m -> m.path("text").asText().contains("Asha Rao"));

        // Mistake 4: the team offers the filled matter again; then Asha closes it properly, by replying to the
        // details email; the organisation rates the help.
        assertThat(invokeError("AssignFunction", """
                {"command":"assign","requestId":"%s","lawyerIds":["%s"],"assignedBy":"e2e@clearinghouse.test"}""".formatted(requestId, vikram))
                        .path("status")
                        .asInt())
                .isEqualTo(409);
        String done = """
                From: Asha Rao <%s>
                To: %s
                Subject: Re: %s
                Message-ID: <done-1@lawfirm.example>
                Content-Type: text/plain; charset=utf-8

                DONE 6.5 hours: contract reviewed and signed

                Asha
                """.formatted(
                        ASHA,
                        details.path("replyTo").path(0).asText(),
                        details.path("subject").asText())
                .replace("\n", "\r\n");
        assertThat(details.path("replyTo").path(0).asText()).startsWith("reply+");
        clearinghouse.inbound(done);
        JsonNode completed = view(requestId, orgToken);
        assertThat(completed.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(completed.path("hoursSpent").asDouble()).isEqualTo(6.5);
        assertThat(completed.path("outcome").asText()).isEqualTo("contract reviewed and signed");
        clearinghouse.awaitMail(CONTACT, m -> m.path("text").asText().contains("/#request=" + requestId));
        assertThat(post("/requests/" + requestId + "/feedback", orgToken, "{\"rating\":5}", 201)
                        .path("rating")
                        .asInt())
                .isEqualTo(5);
        HttpResponse<String> listed = clearinghouse.get("/requests", orgToken);
        assertThat(TestJson.MAPPER
                        .readTree(listed.body())
                        .path("items")
                        .get(0)
                        .path("status")
                        .asText())
                .isEqualTo("COMPLETED");

        // The team's report counts it.
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Kolkata"));
        JsonNode report = clearinghouse.invoke(
                "AssignFunction",
                "{\"command\":\"report\",\"from\":\"%s\",\"to\":\"%s\"}"
                        .formatted(today.minusDays(1), today.plusDays(1)));
        assertThat(report.path("requests").path("completed").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(report.path("hoursDonated").asDouble()).isGreaterThanOrEqualTo(6.5);
        assertThat(report.path("feedback").path("count").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(report.path("lawyers").toString()).contains("Asha Rao");
        assertThat(report.toString()).doesNotContain(SECRET);

        // The secret went only to Asha.
        for (JsonNode mail : clearinghouse.mail()) {
            if (mail.path("to").toString().contains(ASHA)) continue;
            assertThat(mail.path("text").asText() + mail.path("html").asText()).doesNotContain(SECRET);
        }

        logsFollowEachRequestAndNameNoOne();
    }

    /** The story's log lines: ids on each, metrics counted, and none of the story's personal data or secrets. */
    private void logsFollowEachRequestAndNameNoOne() throws Exception {
        String logs;
        synchronized (LOGS) {
            logs = LOGS.toString(StandardCharsets.UTF_8);
        }
        Set<String> secrets = new TreeSet<>(
                List.of(CONTACT, ASHA, VIKRAM, "Rina Das", "Asha Rao", "Vikram Sen", RINA_PHONE, LAWYER_PHONE, SECRET));
        for (JsonNode mail : clearinghouse.mail()) {
            String all = mail.path("text").asText() + mail.path("html").asText() + mail.path("replyTo");
            for (Pattern token : List.of(TOKEN, REPLY_TOKEN)) {
                Matcher matcher = token.matcher(all);
                while (matcher.find()) secrets.add(matcher.group(1));
            }
        }
        assertThat(secrets)
                .as("the org token, verification and reply tokens were collected")
                .hasSizeGreaterThan(9 + 5);
        for (String secret : secrets) {
            assertThat(logs).as("the logs hold no personal data or secret").doesNotContainIgnoringCase(secret);
        }

        List<JsonNode> lines = new ArrayList<>();
        for (String line : logs.split("\\n")) {
            if (line.startsWith("{")) lines.add(TestJson.MAPPER.readTree(line));
        }
        assertThat(lines)
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line.path("awsRequestId").asText())
                        .as("Lambda request id on " + line)
                        .isNotBlank());
        JsonNode submitted = lines.stream()
                .filter(l -> l.path("message").asText().equals("request submitted"))
                .findFirst()
                .orElseThrow();
        assertThat(submitted.path("apiRequestId").asText())
                .as("API Gateway's request id on an HTTP request's line")
                .isNotBlank();
        assertThat(submitted.path("function").asText()).isEqualTo("SubmitRequestFunction");
        for (String metric : List.of("RequestsReceived", "OffersMade", "OffersAccepted", "EmailsSent", "ColdStart")) {
            assertThat(lines).as(metric + " counted").anyMatch(l -> l.has(metric) && l.has("_aws"));
        }
        assertThat(lines.stream()
                        .filter(l -> l.has("OffersMade"))
                        .mapToInt(l -> l.path("OffersMade").asInt())
                        .sum())
                .isEqualTo(2);
    }

    @Test
    void
            a_bengali_speaking_organisation_and_a_hindi_speaking_lawyer_hear_everything_in_their_language_and_the_team_in_english()
                    throws Exception {
        runner = LocalRunner.start(RunnerSettings.forTest(Template.repositoryRoot(), Duration.ofHours(1)));
        clearinghouse = new LocalClearinghouse(runner.url(), () -> {});
        try {
            storyInBengaliAndHindi();
        } finally {
            runner.close();
        }
    }

    private void storyInBengaliAndHindi() throws Exception {
        String contact = "sudipta@nari.example";
        String secret = "MARKER-confidential-2b9c"; // not the other story's: that one checks where its secret went
        String meera = "meera@vakil.example";
        JsonNode organisation = post("/organisations", null, """
                {"name":"Nari Shakti Samiti","organisationType":"SOCIETY","registrationNumber":"S/KOL/2014/77",
                 "jurisdiction":"IN-WB","city":"Kolkata","focusAreas":["shelters"],
                 "contact":{"name":"Sudipta Ghosh","email":"%s","phone":"+919830011111","preferredLanguage":"bn"}}""".formatted(contact), 201);
        JsonNode verifyOrg =
                clearinghouse.awaitMail(contact, m -> m.path("text").asText().contains("/verify?token="));
        assertInLanguage(verifyOrg, "bn", "অনুগ্রহ করে আপনার ইমেল ঠিকানা নিশ্চিত করুন", "সংস্থা হিসেবে নিবন্ধন");
        verify(contact);
        JsonNode pending = clearinghouse.invoke("RegisterFunction", "{\"command\":\"list-pending\"}");
        assertThat(pending.path("items")).anySatisfy(item -> {
            assertThat(item.path("id").asText())
                    .isEqualTo(organisation.path("id").asText());
            assertThat(item.path("preferredLanguage").asText()).isEqualTo("bn");
        });
        clearinghouse.approve("organisation", organisation.path("id").asText());
        JsonNode approval =
                clearinghouse.awaitMail(contact, m -> m.path("text").asText().contains("#token="));
        assertInLanguage(
                approval, "bn", "Pro Bono Clearinghouse-এ স্বাগত: আপনার অ্যাক্সেস টোকেন", "প্রিয় Sudipta Ghosh,");
        String orgToken = LocalClearinghouse.token(TOKEN, approval.path("text").asText());

        String lawyerId = lawyer("Meera Tiwari", meera, "Tiwari Legal", "hi");
        assertInLanguage(
                clearinghouse.awaitMail(meera, m -> m.path("text").asText().contains("/verify?token=")),
                "hi",
                "कृपया अपने ईमेल पते की पुष्टि करें",
                "वकील के रूप में पंजीकरण");
        assertInLanguage(
                clearinghouse.awaitMail(
                        meera, m -> !TOKEN.matcher(m.path("text").asText()).find()),
                "hi",
                "Pro Bono Clearinghouse में आपका स्वागत है",
                "आदरणीय Meera Tiwari जी,");

        String requestId = post("/requests", orgToken, """
                {"category":"CONTRACT_REVIEW","title":"%s",
                 "summary":"Shelter mural; please check the IP clause.","confidentialDetails":"%s",
                 "jurisdiction":"IN-WB","language":"bn","deadline":"2030-01-15T06:30:00Z"}""".formatted(TITLE, secret), 201)
                .path("id")
                .asText();
        assertInLanguage(
                clearinghouse.awaitMail(contact, m -> m.path("text").asText().contains(requestId)),
                "bn",
                "আপনার অনুরোধ আমরা পেয়েছি: " + TITLE,
                "বিভাগ: চুক্তি পর্যালোচনা");
        JsonNode alert =
                clearinghouse.awaitMail(ADMIN, m -> m.path("text").asText().contains(requestId));
        assertInLanguage(alert, "en", alert.path("subject").asText(), "15 Jan 2030, 12:00 IST");

        clearinghouse.invoke("AssignFunction", """
                {"command":"assign","requestId":"%s","lawyerIds":["%s"],"assignedBy":"e2e@clearinghouse.test",
                 "respondWithinHours":24}""".formatted(requestId, lawyerId));
        JsonNode offer =
                clearinghouse.awaitMail(meera, m -> m.path("text").asText().contains(requestId));
        assertInLanguage(
                offer,
                "hi",
                "प्रो बोनो प्रस्ताव: " + TITLE + " (अनुबंध की समीक्षा)",
                "अंतिम तिथि: 15 जनवरी 2030, 12:00 IST",
                "भाषा: बांग्ला");
        assertThat(offer.path("text").asText())
                .containsPattern("उत्तर देने की समय-सीमा: \\d{1,2} \\p{IsDevanagari}+ \\d{4}, \\d{2}:\\d{2} IST");

        String replyTo = offer.path("replyTo").path(0).asText();
        replyAs(
                "Meera Tiwari <" + meera + ">",
                replyTo,
                "<question-hi-1@vakil.example>",
                "क्या फ़ीस के बारे में बता सकते हैं?");
        assertInLanguage(
                clearinghouse.awaitMail(meera, m -> m.path("subject").asText().startsWith("कृपया हाँ")),
                "hi",
                "कृपया हाँ (ACCEPT) या नहीं (DECLINE) में उत्तर दें: " + TITLE,
                "आपका निर्णय नहीं समझ पाए");
        replyAs("Meera Tiwari <" + meera + ">", replyTo, "<accept-hi-1@vakil.example>", "ACCEPT");

        assertInLanguage(
                clearinghouse.awaitMail(meera, m -> m.path("text").asText().contains(secret)),
                "hi",
                "मामले का पूरा विवरण: " + TITLE,
                "गोपनीय विवरण:",
                "नाम: Sudipta Ghosh");
        assertInLanguage(
                clearinghouse.awaitMail(contact, m -> m.path("text").asText().contains(meera)),
                "bn",
                "একজন আইনজীবী আপনার অনুরোধটি গ্রহণ করেছেন: " + TITLE,
                "আইনজীবী: Meera Tiwari");
        JsonNode toTeam =
                clearinghouse.awaitMail(ADMIN, m -> m.path("text").asText().contains("Meera Tiwari"));
        assertInLanguage(toTeam, "en", toTeam.path("subject").asText(), "Meera Tiwari");
    }

    /** A plain-text reply from {@code from} to {@code to}, delivered as SES would. */
    private static void replyAs(String from, String to, String messageId, String body) throws Exception {
        String reply = """
                From: %s
                To: %s
                Subject: Re: offer
                Message-ID: %s
                Date: Sun, 29 Nov 2026 10:15:30 +0000
                Content-Type: text/plain; charset=utf-8

                %s
                """.formatted(from, to, messageId, body).replace("\n", "\r\n");
        clearinghouse.inbound(reply);
    }

    /** Subject, text and HTML part all in {@code language}: the HTML says so, and nothing else's script shows. */
    private static void assertInLanguage(JsonNode mail, String language, String subject, String... inText) {
        assertThat(mail.path("subject").asText()).isEqualTo(subject);
        String text = mail.path("text").asText();
        String html = mail.path("html").asText();
        assertThat(text).contains(inText);
        assertThat(html).contains("<html lang=\"" + language + "\">");
        // The organisation's title passes through as it was written, in Bengali even in a Hindi email.
        String words = (mail.path("subject").asText() + text + html).replace(TITLE, "");
        if (!language.equals("hi")) assertThat(words).as("no Hindi").doesNotContainPattern("\\p{IsDevanagari}");
        if (!language.equals("bn")) assertThat(words).as("no Bengali").doesNotContainPattern("\\p{IsBengali}");
        if (!language.equals("en"))
            assertThat(text).as("not the English text").doesNotContain("Dear ", "Questions? Write to");
    }

    // ------------------------------------------------------------------ steps

    private String lawyer(String name, String email, String firm) throws Exception {
        return lawyer(name, email, firm, null);
    }

    private String lawyer(String name, String email, String firm, String preferredLanguage) throws Exception {
        ObjectNode body = (ObjectNode) TestJson.MAPPER.readTree("""
                {"name":"%s","email":"%s","phone":"+919830054321","barEnrolmentNumber":"WB/1234/2015","barCouncil":"IN-WB",
                 "yearsOfPractice":9,"practiceAreas":["CONTRACT_REVIEW","INTELLECTUAL_PROPERTY"],"jurisdictions":["IN-WB"],
                 "languages":["en","bn"],"maxActiveMatters":2}""".formatted(name, email));
        if (!firm.isEmpty()) body.put("firm", firm);
        if (preferredLanguage != null) body.put("preferredLanguage", preferredLanguage);
        JsonNode lawyer = post("/lawyers", null, TestJson.write(body), 201);
        assertThat(lawyer.path("status").asText()).isEqualTo("PENDING_VERIFICATION");
        verify(email);
        clearinghouse.approve("lawyer", lawyer.path("id").asText());
        clearinghouse.awaitMail(
                email, m -> !TOKEN.matcher(m.path("text").asText()).find());
        return lawyer.path("id").asText();
    }

    private void verify(String email) throws Exception {
        JsonNode mail =
                clearinghouse.awaitMail(email, m -> m.path("text").asText().contains("/verify?token="));
        assertThat(mail.path("text").asText()).contains(runner.url() + "/verify?token=");
        clearinghouse.verify(mail);
    }

    private JsonNode view(String requestId, String orgToken) throws Exception {
        HttpResponse<String> response = clearinghouse.get("/requests/" + requestId, orgToken);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestJson.MAPPER.readTree(response.body());
    }

    // ------------------------------------------------------------------ HTTP

    private static JsonNode post(String path, String bearer, String json, int expected) throws Exception {
        HttpResponse<String> response = clearinghouse.post(path, bearer, json);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(expected);
        return TestJson.MAPPER.readTree(response.body());
    }

    private static JsonNode postWithKey(String path, String bearer, String key, String json, int expected)
            throws Exception {
        HttpResponse<String> response = clearinghouse.send(HttpRequest.newBuilder(URI.create(runner.url() + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + bearer)
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(expected);
        return TestJson.MAPPER.readTree(response.body());
    }

    /** The error object of a refused admin command. */
    private static JsonNode invokeError(String function, String command) throws Exception {
        JsonNode result = clearinghouse.answer(function, command);
        assertThat(result.has("error")).as(command + " → " + result).isTrue();
        return result.path("error");
    }
}
