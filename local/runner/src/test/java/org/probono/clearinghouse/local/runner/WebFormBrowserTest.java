package org.probono.clearinghouse.local.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.probono.clearinghouse.local.backend.Template;

/**
 * The web form in a real browser (Debian's headless Chromium and ChromeDriver, a phone's 390 px width), against
 * the runner: an organisation registers and sees the confirmation; a bad email shows its error next to the field;
 * a lawyer registers in Hindi and is stored with preferredLanguage "hi"; an organisation follows its requests
 * in "My requests", opens a completed one from the completion email's link and rates the help. Skipped, saying
 * why, where no browser is installed.
 */
class WebFormBrowserTest {
    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VERIFY_LINK = Pattern.compile("https?://\\S+/verify\\?token=[A-Za-z0-9_-]+");
    private static final Pattern ORG_TOKEN = Pattern.compile("#token=([A-Za-z0-9_-]{16,})");
    private static final Pattern REPLY_TO = Pattern.compile("reply\\+[A-Za-z0-9_-]{16,}@[A-Za-z0-9.-]+");

    private static LocalRunner runner;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser test skipped: no Chromium/ChromeDriver at " + CHROMIUM + " and " + CHROMEDRIVER
                        + " (Debian/Ubuntu: apt-get install chromium chromium-driver; local/test installs them as root).");
        runner = LocalRunner.start(RunnerSettings.forTest(Template.repositoryRoot(), Duration.ofHours(1)));

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=390,1600",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (runner != null) runner.close();
    }

    /** Opens the form and picks the language with its switch, as a visitor does; the choice is remembered. */
    private void openIn(String language) {
        browser.get(runner.url() + "/");
        browser.findElement(By.cssSelector("button[data-language=" + language + "]"))
                .click();
        waitUntilThePageIsIn(language);
    }

    private void waitUntilThePageIsIn(String language) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", language));
    }

    private Object script(String javascript) {
        return ((JavascriptExecutor) browser).executeScript(javascript);
    }

    private static JsonNode json(HttpRequest request) throws Exception {
        return JSON.readTree(HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString())
                .body());
    }

    /** The link in the verification email to {@code address}, waiting up to 15 s for the outbox stream. */
    private String verificationLink(String address) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode mail : json(HttpRequest.newBuilder(URI.create(runner.url() + "/_local/mail"))
                    .GET()
                    .build())) {
                Matcher link = VERIFY_LINK.matcher(mail.path("text").asText());
                if (mail.path("to").toString().contains("\"" + address + "\"") && link.find()) return link.group();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no verification email to " + address);
    }

    private JsonNode pendingRegistration(String email) throws Exception {
        JsonNode items = json(HttpRequest.newBuilder(URI.create(runner.url() + "/_local/invoke/RegisterFunction"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"command\":\"list-pending\"}"))
                        .build())
                .path("items");
        for (JsonNode item : items) {
            if (item.path("email").asText().equals(email)) return item;
        }
        throw new AssertionError("no pending registration for " + email + " in " + items);
    }

    private void fillOrganisation(String email) {
        openIn("en");
        browser.findElement(By.id("org-name")).sendKeys("Shakti Vahini Trust");
        new Select(browser.findElement(By.id("org-type"))).selectByValue("TRUST");
        browser.findElement(By.id("org-registration")).sendKeys("WB/2011/0012345");
        browser.findElement(By.id("org-jurisdiction")).sendKeys("IN-WB");
        browser.findElement(By.id("org-city")).sendKeys("Kolkata");
        browser.findElement(By.id("org-focus")).sendKeys("anti-trafficking, shelters");
        browser.findElement(By.id("org-contact-name")).sendKeys("Rina Das");
        browser.findElement(By.id("org-contact-email")).sendKeys(email);
        browser.findElement(By.id("org-contact-phone")).sendKeys("+919830012345");
        browser.findElement(By.cssSelector("#organisation-form button[type=submit]"))
                .click();
    }

    @Test
    void an_organisation_registers_and_sees_the_confirmation() {
        String email = "rina+" + UUID.randomUUID().toString().substring(0, 8) + "@shakti.example";

        fillOrganisation(email);

        WebElement done = new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#organisation-form .done")));
        assertThat(done.getText()).contains("We have sent an email to " + email);
        assertThat(browser.findElements(By.cssSelector("#organisation-form .error")))
                .isEmpty();
    }

    @Test
    void a_bad_email_shows_its_error_next_to_the_field() {
        fillOrganisation("not-an-email");

        WebElement error = new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("org-contact-email-error")));
        WebElement field = browser.findElement(By.id("org-contact-email"));
        assertThat(error.getText()).startsWith("Email");
        assertThat(field.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(field.getAttribute("aria-describedby")).contains("org-contact-email-error");
        assertThat(browser.findElement(By.cssSelector("#organisation-form .summary"))
                        .isDisplayed())
                .isTrue();
        assertThat(browser.findElements(By.cssSelector("#organisation-form .done"))
                        .getFirst()
                        .isDisplayed())
                .isFalse();
    }

    @Test
    void a_lawyer_registers_in_hindi_and_is_stored_with_hindi_as_the_language_of_emails() throws Exception {
        String email = "kavita+" + UUID.randomUUID().toString().substring(0, 8) + "@vakil.example";
        openIn("hi");
        assertThat(browser.findElement(By.id("lawyer-title")).getText()).isEqualTo("स्वयंसेवी वकील के रूप में जुड़ें");
        assertThat(new Select(browser.findElement(By.id("lawyer-language")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("hi");

        browser.findElement(By.id("lawyer-name")).sendKeys("कविता शर्मा");
        browser.findElement(By.id("lawyer-email")).sendKeys(email);
        browser.findElement(By.id("lawyer-phone")).sendKeys("+91 98100 12345");
        browser.findElement(By.id("lawyer-enrolment")).sendKeys("D/1234/2015");
        browser.findElement(By.id("lawyer-council")).sendKeys("IN-DL");
        browser.findElement(By.id("lawyer-years")).sendKeys("9");
        browser.findElement(By.cssSelector("label[for=lawyer-area-contract_review]"))
                .click();
        browser.findElement(By.id("lawyer-jurisdictions")).sendKeys("IN-DL, IN-UP");
        browser.findElement(By.id("lawyer-languages")).sendKeys("hi, en");
        browser.findElement(By.cssSelector("#lawyer-form button[type=submit]")).click();

        WebElement done = new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#lawyer-form .done")));
        assertThat(done.getText()).contains("धन्यवाद। हमने " + email + " पर एक ईमेल भेजा है।");
        browser.get(verificationLink(email)); // the lawyer opens the link in the email: the team reviews verified ones
        JsonNode stored = pendingRegistration(email);
        assertThat(stored.path("kind").asText()).isEqualTo("lawyer");
        assertThat(stored.path("preferredLanguage").asText()).isEqualTo("hi");
    }

    @Test
    void the_chosen_language_is_remembered_and_the_page_fits_a_phone_in_every_language() {
        for (String language : new String[] {"hi", "bn", "en"}) {
            openIn(language);
            browser.navigate().refresh();
            waitUntilThePageIsIn(language);

            assertThat(browser.findElement(By.cssSelector("button[data-language=" + language + "]"))
                            .getAttribute("aria-pressed"))
                    .isEqualTo("true");
            assertThat(new Select(browser.findElement(By.id("org-contact-language")))
                            .getFirstSelectedOption()
                            .getAttribute("value"))
                    .isEqualTo(language);
            // Nothing wider than the 390 px window: no sideways scrolling on a phone.
            assertThat(((Number) script("return document.documentElement.scrollWidth;")).intValue())
                    .as(language)
                    .isLessThanOrEqualTo(((Number) script("return window.innerWidth;")).intValue());
        }
    }

    @Test
    void a_server_field_error_is_shown_in_the_readers_language_and_a_switch_translates_it_in_place() {
        openIn("hi");
        browser.findElement(By.id("org-name")).sendKeys("शक्ति वाहिनी ट्रस्ट");
        new Select(browser.findElement(By.id("org-type"))).selectByValue("TRUST");
        browser.findElement(By.id("org-registration")).sendKeys("WB/2011/0012345");
        browser.findElement(By.id("org-jurisdiction")).sendKeys("IN-WB");
        browser.findElement(By.id("org-city")).sendKeys("कोलकाता");
        browser.findElement(By.id("org-contact-name")).sendKeys("रीना दास");
        browser.findElement(By.id("org-contact-email")).sendKeys("not-an-email");
        browser.findElement(By.id("org-contact-phone")).sendKeys("+919830012345");
        browser.findElement(By.cssSelector("#organisation-form button[type=submit]"))
                .click();

        WebElement error = new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("org-contact-email-error")));
        assertThat(error.getText()).isEqualTo("ईमेल में सही ईमेल पता लिखें, जैसे name@example.org");
        assertThat(browser.findElement(By.cssSelector("#organisation-form .summary p"))
                        .getText())
                .isEqualTo("कृपया नीचे दी गई एक जानकारी ठीक करें।");

        browser.findElement(By.cssSelector("button[data-language=bn]")).click();
        waitUntilThePageIsIn("bn");

        assertThat(browser.findElement(By.id("org-contact-email-error")).getText())
                .isEqualTo("ইমেল: সঠিক ইমেল ঠিকানা লিখুন, যেমন name@example.org");
        assertThat(browser.findElement(By.id("org-contact-email")).getAttribute("aria-invalid"))
                .isEqualTo("true");
    }

    // ------------------------------------------------------------------ the story behind "My requests", over HTTP

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode post(String path, String bearer, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(runner.url() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) request.header("Authorization", "Bearer " + bearer);
        HttpResponse<String> response = send(request.build());
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(expected);
        return JSON.readTree(response.body());
    }

    private static JsonNode invoke(String function, String command) throws Exception {
        JsonNode result = json(HttpRequest.newBuilder(URI.create(runner.url() + "/_local/invoke/" + function))
                .POST(HttpRequest.BodyPublishers.ofString(command))
                .build());
        assertThat(result.has("error")).as(command + " → " + result).isFalse();
        return result;
    }

    /** The newest email to {@code address} whose text {@code pattern} finds, waiting up to 15 s for the outbox stream. */
    private Matcher awaitMail(String address, Pattern pattern) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode mail : json(HttpRequest.newBuilder(URI.create(runner.url() + "/_local/mail"))
                    .GET()
                    .build())) {
                Matcher found = pattern.matcher(mail.path("text").asText() + " " + mail.path("replyTo"));
                if (mail.path("to").toString().contains("\"" + address + "\"") && found.find()) return found;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no email to " + address + " matching " + pattern);
    }

    /** Registers, verifies and approves; returns the id. */
    private String approved(String kind, String path, String body, String email) throws Exception {
        String id = post(path, null, body, 201).path("id").asText();
        send(HttpRequest.newBuilder(URI.create(verificationLink(email)))
                .header("Accept", "application/json")
                .GET()
                .build());
        assertThat(invoke("RegisterFunction", """
                {"command":"approve","kind":"%s","id":"%s","reviewedBy":"browser-test@clearinghouse.test"}""".formatted(kind, id))
                        .path("status")
                        .asText())
                .isEqualTo("APPROVED");
        return id;
    }

    /** An approved organisation with two requests, the first completed by a lawyer: its token and both ids. */
    private record TwoRequests(String token, String completedId, String openId) {}

    private TwoRequests anOrganisationWithACompletedAndAnOpenRequest() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String contact = "sudipta+" + suffix + "@nari.example";
        String lawyerEmail = "meera+" + suffix + "@vakil.example";
        approved("organisation", "/organisations", """
                {"name":"Nari Shakti Samiti","organisationType":"SOCIETY","registrationNumber":"S/2014/%s",
                 "jurisdiction":"IN-WB","city":"Kolkata","focusAreas":["shelters"],
                 "contact":{"name":"Sudipta Ghosh","email":"%s","phone":"+919830012345","preferredLanguage":"bn"}}""".formatted(suffix, contact), contact);
        String token = awaitMail(contact, ORG_TOKEN).group(1);
        String lawyer = approved("lawyer", "/lawyers", """
                {"name":"Meera Iyer","email":"%s","phone":"+919830054321","barEnrolmentNumber":"WB/%s/2015",
                 "barCouncil":"IN-WB","yearsOfPractice":9,"practiceAreas":["CONTRACT_REVIEW"],"jurisdictions":["IN-WB"],
                 "languages":["en","bn"]}""".formatted(lawyerEmail, suffix), lawyerEmail);

        String completed = post("/requests", token, """
                {"category":"CONTRACT_REVIEW","title":"শিল্পীর সঙ্গে চুক্তি: mural commission",
                 "summary":"A one-page commission for a shelter mural; we need the IP clause checked.",
                 "jurisdiction":"IN-WB","language":"bn"}""", 201).path("id").asText();
        invoke("AssignFunction", """
                {"command":"assign","requestId":"%s","lawyerIds":["%s"],"assignedBy":"browser-test@clearinghouse.test"}""".formatted(completed, lawyer));
        String replyTo = awaitMail(lawyerEmail, REPLY_TO).group();
        String accept = """
                From: Meera Iyer <%s>
                To: %s
                Subject: Re: offer
                Message-ID: <accept-%s@vakil.example>
                Content-Type: text/plain; charset=utf-8

                ACCEPT
                """.formatted(lawyerEmail, replyTo, suffix).replace("\n", "\r\n");
        assertThat(send(HttpRequest.newBuilder(URI.create(runner.url() + "/_local/inbound"))
                                .header("Content-Type", "message/rfc822")
                                .POST(HttpRequest.BodyPublishers.ofString(accept))
                                .build())
                        .statusCode())
                .isEqualTo(202);
        assertThat(invoke("AssignFunction", """
                {"command":"complete","requestId":"%s","outcome":"Contract reviewed and signed","hoursSpent":6.5}""".formatted(completed))
                        .path("status")
                        .asText())
                .isEqualTo("COMPLETED");

        String open = post("/requests", token, """
                {"category":"EMPLOYMENT","title":"Draft a freelancer's contract",
                 "summary":"A trainer joins us for three months; we need a short contract.",
                 "jurisdiction":"IN-WB","language":"bn"}""", 201).path("id").asText();
        return new TwoRequests(token, completed, open);
    }

    /** Opens the web form afresh at {@code fragment}, as a link in an email does (a new load, not an in-page jump). */
    private void followLink(String fragment) {
        browser.get("about:blank");
        browser.get(runner.url() + "/" + fragment);
    }

    private WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    @Test
    void an_organisation_sees_its_requests_opens_the_completed_one_from_its_link_and_rates_the_help_in_bengali()
            throws Exception {
        TwoRequests story = anOrganisationWithACompletedAndAnOpenRequest();
        openIn("bn");

        followLink("#token=" + story.token()); // the approval email's link: the token is known from now on
        waitUntilThePageIsIn("bn");
        List<WebElement> items =
                waitUpTo(15).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#mine .my-requests li"), 2));
        assertThat(browser.findElement(By.id("mine-title")).getText()).isEqualTo("আমার অনুরোধ");
        assertThat(items.get(0).findElement(By.tagName("a")).getText()).isEqualTo("Draft a freelancer's contract");
        assertThat(items.get(0).getText()).contains("পাওয়া গেছে", "চাকরি ও শ্রম");
        assertThat(items.get(1).findElement(By.tagName("a")).getText())
                .isEqualTo("শিল্পীর সঙ্গে চুক্তি: mural commission");
        assertThat(items.get(1).getText()).contains("সম্পন্ন");
        assertThat(browser.findElement(By.id("mine-more")).isDisplayed())
                .as("two requests fit one page")
                .isFalse();

        followLink("#request=" + story.completedId()); // the completion email's link
        WebElement page =
                waitUpTo(15).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#page-view .done")));
        assertThat(page.getText())
                .contains(
                        "শিল্পীর সঙ্গে চুক্তি: mural commission",
                        "অবস্থা: সম্পন্ন",
                        "Contract reviewed and signed",
                        "Meera Iyer",
                        "৬.৫ ঘণ্টা");
        List<String> timeline = page.findElements(By.cssSelector(".timeline li strong")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(timeline)
                .containsSubsequence(
                        "পাওয়া গেছে", "আইনজীবীদের কাছে পাঠানো হয়েছে", "একজন আইনজীবী গ্রহণ করেছেন", "সম্পন্ন");

        WebElement feedback = browser.findElement(By.id("feedback-form"));
        feedback.findElement(By.cssSelector("button[type=submit]")).click(); // no rating chosen yet
        assertThat(waitUpTo(5)
                        .until(ExpectedConditions.visibilityOfElementLocated(By.id("feedback-rating-error")))
                        .getText())
                .isEqualTo("আপনার রেটিং: ১ থেকে ৫-এর মধ্যে একটি সংখ্যা বেছে নিন");
        feedback.findElement(By.cssSelector("label[for=feedback-stars-4]")).click();
        feedback.findElement(By.id("feedback-comment")).sendKeys("খুব দ্রুত সাহায্য পেয়েছি");
        feedback.findElement(By.cssSelector("button[type=submit]")).click();

        waitUpTo(15).until(ExpectedConditions.invisibilityOfElementLocated(By.id("feedback-form")));
        assertThat(browser.findElement(By.cssSelector("#page-view .done")).getText())
                .contains("৫-এর মধ্যে ৪: খুব দ্রুত সাহায্য পেয়েছি");
        JsonNode stored = json(HttpRequest.newBuilder(URI.create(runner.url() + "/requests/" + story.completedId()))
                .header("Authorization", "Bearer " + story.token())
                .GET()
                .build());
        assertThat(stored.path("feedback").path("rating").asInt()).isEqualTo(4);
        assertThat(stored.path("feedback").path("comment").asText()).isEqualTo("খুব দ্রুত সাহায্য পেয়েছি");

        // The same page in Hindi on the phone: translated in place, nothing wider than the window.
        browser.findElement(By.cssSelector("button[data-language=hi]")).click();
        waitUntilThePageIsIn("hi");
        assertThat(browser.findElement(By.cssSelector("#page-view .done")).getText())
                .contains("स्थिति: पूरा हुआ", "6.5 घंटे", "5 में से 4");
        assertThat(((Number) script("return document.documentElement.scrollWidth;")).intValue())
                .isLessThanOrEqualTo(((Number) script("return window.innerWidth;")).intValue());
        for (String section : List.of("mine", "page")) { // for a person to look at: target/web-form-<section>-hi.png
            Files.write(
                    Path.of("target", "web-form-" + section + "-hi.png"),
                    browser.findElement(By.id(section)).getScreenshotAs(OutputType.BYTES));
        }
    }

    @Test
    void a_request_link_without_a_known_token_asks_for_the_token_once_and_then_opens_the_page() throws Exception {
        TwoRequests story = anOrganisationWithACompletedAndAnOpenRequest();
        openIn("en");
        script("sessionStorage.clear();");

        followLink("#request=" + story.openId());
        waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("status-token-needed")));
        assertThat(browser.findElement(By.id("status-id")).getAttribute("value"))
                .isEqualTo(story.openId());
        assertThat(browser.findElement(By.id("page")).isDisplayed()).isFalse();
        browser.findElement(By.id("status-token")).sendKeys(story.token());
        browser.findElement(By.cssSelector("#status-form button[type=submit]")).click();

        WebElement page =
                waitUpTo(15).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#page-view .done")));
        assertThat(page.getText()).contains("Draft a freelancer's contract", "Status: Received");
        assertThat(browser.findElement(By.id("feedback-form")).isDisplayed())
                .as("not completed: no feedback form")
                .isFalse();
        assertThat(waitUpTo(15)
                        .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#mine .my-requests li"), 2)))
                .hasSize(2);
    }

    @Test
    void my_requests_shows_twenty_and_the_next_page_on_asking_for_more() throws Exception {
        TwoRequests story = anOrganisationWithACompletedAndAnOpenRequest();
        for (int i = 1; i <= 19; i++) {
            post("/requests", story.token(), """
                    {"category":"GOVERNANCE","title":"Board question %d","summary":"A question about our trust deed, number %d.",
                     "jurisdiction":"IN-WB"}""".formatted(i, i), 201);
        }
        openIn("en");

        followLink("#token=" + story.token());
        List<WebElement> first = waitUpTo(15)
                .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#mine .my-requests li"), 20));
        assertThat(first.getFirst().getText()).startsWith("Board question 19");
        browser.findElement(By.id("mine-more")).click();

        List<WebElement> all = waitUpTo(15)
                .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#mine .my-requests li"), 21));
        assertThat(all.getLast().findElement(By.tagName("a")).getText())
                .isEqualTo("শিল্পীর সঙ্গে চুক্তি: mural commission");
        assertThat(browser.findElement(By.id("mine-more")).isDisplayed())
                .as("no page after the last")
                .isFalse();
    }

    @Test
    void feedback_already_given_meanwhile_is_refused_in_the_readers_language() throws Exception {
        TwoRequests story = anOrganisationWithACompletedAndAnOpenRequest();
        openIn("hi");
        followLink("#token=" + story.token());
        followLink("#request=" + story.completedId());
        WebElement feedback = waitUpTo(15).until(ExpectedConditions.visibilityOfElementLocated(By.id("feedback-form")));
        post(
                "/requests/" + story.completedId() + "/feedback",
                story.token(),
                "{\"rating\":5}",
                201); // a colleague, meanwhile

        feedback.findElement(By.cssSelector("label[for=feedback-stars-3]")).click();
        feedback.findElement(By.cssSelector("button[type=submit]")).click();

        assertThat(waitUpTo(15)
                        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#feedback-form .summary")))
                        .getText())
                .isEqualTo("इस अनुरोध पर राय नहीं ली जा सकती: राय अनुरोध पूरा होने के बाद केवल एक बार दी जा सकती है।");
    }
}
