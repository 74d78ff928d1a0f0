package org.probono.clearinghouse.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.local.backend.Template;
import org.probono.clearinghouse.local.runner.LocalRunner;
import org.probono.clearinghouse.local.runner.RunnerSettings;
import org.probono.clearinghouse.testkit.LocalClearinghouse;

/**
 * The team's side of a whole match with desk only, against the local runner in this JVM: the organisation
 * and two lawyers register over HTTP as the web form would; from there the team approves, reads the queue,
 * asks for suggestions, offers the request and follows it with desk commands and short ids, and a lawyer
 * accepts by replying. Nothing the team types is JSON.
 */
class DeskMatchTest {
    private static final String CONTACT = "rina@shakti.example";
    private static final String ASHA = "asha@lawfirm.example";
    private static final String VIKRAM = "vikram@chambers.example";
    private static final String SECRET = "MARKER-confidential-desk-41c2";
    private static LocalRunner runner;
    private static LocalClearinghouse clearinghouse;

    @BeforeAll
    static void start() {
        runner = LocalRunner.start(RunnerSettings.forTest(Template.repositoryRoot(), Duration.ofHours(1)));
        clearinghouse = new LocalClearinghouse(runner.url(), () -> {});
    }

    @AfterAll
    static void stop() {
        if (runner != null) runner.close();
    }

    private static DeskRun desk(String... args) {
        List<String> all = new ArrayList<>(List.of("--local", runner.url(), "--by", "meera@team"));
        all.addAll(List.of(args));
        return DeskRun.of(Map.of(), all.toArray(String[]::new));
    }

    @Test
    void the_team_approves_matches_and_follows_a_request_with_desk_alone() throws Exception {
        String organisationId = clearinghouse.verifiedRegistration("/organisations", """
                {"name":"Shakti Vahini Trust","organisationType":"TRUST","registrationNumber":"WB/2011/0012345",
                 "jurisdiction":"IN-WB","city":"Kolkata","focusAreas":["anti-trafficking"],
                 "contact":{"name":"Rina Das","email":"%s","phone":"+919830012345"}}""".formatted(CONTACT), CONTACT);
        String ashaId =
                clearinghouse.verifiedRegistration("/lawyers", lawyer("Asha Rao", ASHA, "Rao & Partners"), ASHA);
        String vikramId = clearinghouse.verifiedRegistration("/lawyers", lawyer("Vikram Sen", VIKRAM, null), VIKRAM);

        // Review: the pending list, and approvals by the short ids it shows (the kind left out once).
        DeskRun pending = desk("pending");
        assertThat(pending.exitCode()).as(pending.toString()).isZero();
        assertThat(pending.out())
                .contains("KIND", "Shakti Vahini Trust", "organisation", "Asha Rao", "Vikram Sen", CONTACT);
        String orgShort = pending.idOfRowWith("Shakti Vahini Trust");
        assertThat(organisationId).startsWith(orgShort);
        assertThat(orgShort.length()).isLessThan(organisationId.length());
        DeskRun approved = desk("approve", orgShort);
        assertThat(approved.exitCode()).as(approved.toString()).isZero();
        assertThat(approved.out()).contains("Approved organisation Shakti Vahini Trust (" + organisationId + ")");
        assertThat(desk("approve", "lawyer", pending.idOfRowWith("Asha Rao")).out())
                .contains("Approved lawyer Asha Rao");
        assertThat(desk("approve", "lawyer", pending.idOfRowWith("Vikram Sen")).out())
                .contains("Approved lawyer Vikram Sen");
        assertThat(desk("pending").out()).contains("No registration is waiting for review.");
        String orgToken = clearinghouse.orgTokenMailedTo(CONTACT);

        // The organisation asks for help (the web form's part), with a deadline.
        String requestId = submit(orgToken, "Review a contract with a muralist", "2026-12-31T10:30:00Z");

        // The queue: a table, the deadline in the deployment's time zone, no confidential details.
        DeskRun queue = desk("queue");
        assertThat(queue.exitCode()).as(queue.toString()).isZero();
        assertThat(queue.out())
                .contains(
                        "DEADLINE",
                        "Review a contract with a muralist",
                        "Contract review",
                        "Shakti Vahini Trust",
                        "31 Dec 2026, 16:00 IST",
                        "SUBMITTED")
                .doesNotContain(SECRET);
        String requestShort = queue.idOfRowWith("muralist");
        assertThat(requestId).startsWith(requestShort);

        // Suggestions, then the offer to both lawyers by the short ids the suggestions show.
        DeskRun suggest = desk("suggest", requestShort);
        assertThat(suggest.exitCode()).as(suggest.toString()).isZero();
        assertThat(suggest.out()).contains("SCORE", "REASONS", "Asha Rao", "Vikram Sen");
        DeskRun assigned = desk(
                "assign",
                requestShort,
                suggest.idOfRowWith("Asha Rao"),
                suggest.idOfRowWith("Vikram Sen"),
                "--hours",
                "48");
        assertThat(assigned.exitCode()).as(assigned.toString()).isZero();
        assertThat(assigned.out())
                .contains(
                        "Offered request " + requestId + " (OFFERED)",
                        ashaId,
                        "Asha Rao",
                        vikramId,
                        "Vikram Sen",
                        "IST");
        assertThat(desk("queue").out()).contains("OFFERED", "2 pending, first due");

        // show: the offers and the history, by short id; --json gives the function's own answer.
        DeskRun shown = desk("show", requestShort);
        assertThat(shown.exitCode()).as(shown.toString()).isZero();
        assertThat(shown.out())
                .contains(
                        "Request " + requestId + "  OFFERED",
                        "Offers",
                        "History",
                        "Asha Rao",
                        "Vikram Sen",
                        "PENDING",
                        "meera@team")
                .doesNotContain(SECRET);
        JsonNode json =
                DeskJson.MAPPER.readTree(desk("show", requestShort, "--json").out());
        assertThat(json.path("status").asText()).isEqualTo("OFFERED");
        assertThat(json.path("offers")).hasSize(2);

        // Asha accepts by replying; show names her, and the other offer is withdrawn.
        replyTo(
                clearinghouse.awaitMail(ASHA, m -> m.path("text").asText().contains("muralist")),
                ASHA,
                "Yes, I can take this.");
        DeskRun accepted = awaitDesk(run -> run.out().contains("ACCEPTED"), "show", requestId);
        assertThat(accepted.out())
                .contains("Lawyer", "Asha Rao, Rao & Partners (" + ashaId + ")", "WITHDRAWN")
                .doesNotContain(SECRET);
        assertThat(desk("queue").out()).doesNotContain("muralist");

        // A request no longer open is named by its full id; a short one now says why it is not found.
        DeskRun byShortId = desk("complete", requestShort, "--hours", "6.5", "--outcome", "Contract signed");
        assertThat(byShortId.exitCode()).isEqualTo(ExitCode.NOT_FOUND.code);
        assertThat(byShortId.err())
                .startsWith("desk: No open request starts with")
                .contains("full id")
                .hasLineCount(1);
        DeskRun completed = desk("complete", requestId, "--hours", "6.5", "--outcome", "Contract signed");
        assertThat(completed.exitCode()).as(completed.toString()).isZero();
        assertThat(completed.out()).contains("is COMPLETED with 6.5 hours");

        // The month's impact report, read from the running totals the match just wrote.
        String month = YearMonth.now(ZoneId.of("Asia/Kolkata")).toString();
        DeskRun report = desk("report", month);
        assertThat(report.exitCode()).as(report.toString()).isZero();
        assertThat(report.out()).contains("Hours donated", "6.5", "Asha Rao").doesNotContain(SECRET);
        JsonNode figures =
                DeskJson.MAPPER.readTree(desk("report", month, "--json").out());
        assertThat(figures.path("hoursDonated").asDouble()).isEqualTo(6.5);
        assertThat(figures.path("requests").path("completed").asInt()).isEqualTo(1);
        assertThat(desk("report", month, "--csv").out()).doesNotContain(SECRET).contains("6.5");

        // The function's refusals are one sentence and an exit code scripts can tell apart.
        DeskRun again = desk("assign", requestId, ashaId);
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(ExitCode.CONFLICT.code);
        assertThat(again.err()).startsWith("desk: ").hasLineCount(1).doesNotContain("Exception");
        assertThat(desk("show", "0193c5a0-0000-7000-8000-00000000dead").exitCode())
                .isEqualTo(ExitCode.NOT_FOUND.code);
        DeskRun tooLong = desk("reject", "lawyer", vikramId, "--reason", "x".repeat(3000));
        assertThat(tooLong.exitCode()).as(tooLong.toString()).isEqualTo(ExitCode.REFUSED.code);
    }

    @Test
    void an_offer_is_withdrawn_and_an_unmatched_request_closed_by_short_ids() throws Exception {
        String organisationId = clearinghouse.verifiedRegistration("/organisations", """
                {"name":"Sahas Women's Centre","organisationType":"NGO","registrationNumber":"DL/2019/77",
                 "jurisdiction":"IN-DL","city":"Delhi","contact":{"name":"Nisha Kaur","email":"nisha@sahas.example","phone":"+919810012345"}}""", "nisha@sahas.example");
        String lawyerId = clearinghouse.verifiedRegistration(
                "/lawyers", lawyer("Farah Iqbal", "farah@iqbal.example", null), "farah@iqbal.example");
        assertThat(desk("approve", "organisation", organisationId).exitCode()).isZero();
        assertThat(desk("approve", "lawyer", lawyerId).exitCode()).isZero();
        String orgToken = clearinghouse.orgTokenMailedTo("nisha@sahas.example");
        String requestId = submit(orgToken, "Draft a freelancer agreement", null);
        String requestShort = desk("queue").idOfRowWith("freelancer");

        assertThat(desk("assign", requestShort, lawyerId).exitCode()).isZero();
        String lawyerShort = desk("show", requestShort).idOfRowWith("Farah Iqbal");
        DeskRun withdrawn =
                desk("withdraw", requestShort, lawyerShort, "--reason", "The organisation asked for a Hindi speaker.");
        assertThat(withdrawn.exitCode()).as(withdrawn.toString()).isZero();
        assertThat(withdrawn.out()).contains("Withdrew the offer to Farah Iqbal", "SUBMITTED, back in the queue");

        DeskRun closed = desk("close", requestShort, "--reason", "No volunteer could take it before the deadline.");
        assertThat(closed.exitCode()).as(closed.toString()).isZero();
        assertThat(closed.out()).contains("Request " + requestId + " is CLOSED");
        assertThat(desk("close", requestId, "--reason", "again").exitCode()).isEqualTo(ExitCode.CONFLICT.code);

        DeskRun emails = desk("emails", "--pending");
        assertThat(emails.exitCode()).as(emails.toString()).isZero();
        assertThat(emails.out()).contains("waiting to be sent");
    }

    @Test
    void a_bad_command_line_is_a_usage_error_that_reaches_no_function() {
        DeskRun unknown = desk("assing", "x");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE.code);
        assertThat(unknown.err()).isEqualTo("desk: Unknown command 'assing'; desk help lists the commands.\n");
        assertThat(desk("reject", "lawyer", "0193").err()).contains("needs --reason");
        assertThat(desk("queue", "--reason", "x").exitCode()).isEqualTo(ExitCode.USAGE.code);
        assertThat(desk("complete", "0193c5a0-0000-7000-8000-00000000dead", "--hours", "-2", "--outcome", "x")
                        .exitCode())
                .isEqualTo(ExitCode.USAGE.code);
        assertThat(DeskRun.of(Map.of(), "--local", "http://localhost:1", "queue")
                        .exitCode())
                .isEqualTo(ExitCode.UNREACHABLE.code);
        DeskRun noTarget = DeskRun.of(Map.of(), "queue");
        assertThat(noTarget.exitCode()).isEqualTo(ExitCode.UNREACHABLE.code);
        assertThat(noTarget.err()).contains("start one with local/run, or name a deployed stack with --stack NAME");
    }

    @Test
    void help_lists_every_command_and_explains_each_one() {
        DeskRun help = DeskRun.of(Map.of(), "help");
        assertThat(help.exitCode()).isZero();
        for (Command command : Command.values()) {
            assertThat(help.out()).contains("  " + command.word + " ");
            DeskRun one = DeskRun.of(Map.of(), "help", command.word);
            assertThat(one.exitCode()).isZero();
            assertThat(one.out()).startsWith("Usage: desk " + command.word).contains("Exit codes:");
            command.options.forEach(option -> assertThat(one.out()).contains("--" + option));
        }
        assertThat(DeskRun.of(Map.of(), "queue", "--help").out()).startsWith("Usage: desk queue");
        assertThat(DeskRun.of(Map.of(), "help", "nope").exitCode()).isEqualTo(ExitCode.USAGE.code);
    }

    // ------------------------------------------------------------------ the web form's part, over HTTP

    private static String lawyer(String name, String email, String firm) {
        ObjectNode body = DeskJson.MAPPER
                .createObjectNode()
                .put("name", name)
                .put("email", email)
                .put("phone", "+919830054321")
                .put("barEnrolmentNumber", "WB/1234/2015")
                .put("barCouncil", "IN-WB")
                .put("yearsOfPractice", 9)
                .put("maxActiveMatters", 2);
        body.putArray("practiceAreas").add("CONTRACT_REVIEW").add("CONTRACT_DRAFTING");
        body.putArray("jurisdictions").add("IN");
        body.putArray("languages").add("en").add("hi");
        if (firm != null) body.put("firm", firm);
        return DeskJson.pretty(body);
    }

    private static String submit(String orgToken, String title, String deadline) throws Exception {
        ObjectNode body = DeskJson.MAPPER
                .createObjectNode()
                .put("category", title.startsWith("Draft") ? "CONTRACT_DRAFTING" : "CONTRACT_REVIEW")
                .put("title", title)
                .put("summary", "A one-page agreement; we need the IP clause checked.")
                .put("confidentialDetails", SECRET)
                .put("jurisdiction", "IN-WB")
                .put("language", "en");
        if (deadline != null) body.put("deadline", deadline);
        body.putArray("counterparties").add("Mural Studio LLP");
        return clearinghouse.openRequest(orgToken, DeskJson.pretty(body));
    }

    private static void replyTo(JsonNode offer, String from, String text) {
        clearinghouse.reply(
                "<" + from + ">",
                offer.path("replyTo").path(0).asText(),
                "Re: " + offer.path("subject").asText(),
                "<" + System.nanoTime() + "@desk.test>",
                text);
    }

    private static DeskRun awaitDesk(Predicate<DeskRun> wanted, String... args) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            DeskRun run = desk(args);
            if (wanted.test(run)) return run;
            if (System.nanoTime() > deadline) throw new AssertionError("never as wanted: " + run);
            Thread.sleep(200);
        }
    }
}
