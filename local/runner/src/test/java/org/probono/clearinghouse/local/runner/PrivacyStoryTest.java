package org.probono.clearinghouse.local.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.Template;
import org.probono.clearinghouse.testkit.LocalClearinghouse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;

/**
 * Issue 15's done-test, over HTTP against the runner: an organisation and a lawyer register (consenting to
 * the privacy notice), the organisation asks for help with confidential details, the lawyer accepts by
 * replying, the team completes the matter; both people export their data, then both are erased. Every item
 * of the table and every record of its stream is then read: none holds either person's address, name or
 * phone, nor any token the story's emails carried, nor the confidential details.
 */
class PrivacyStoryTest {
    private static final String CONTACT = "rina.privacy@shakti.example";
    private static final String LAWYER = "asha.privacy@lawfirm.example";
    private static final String SECRET = "MARKER-survivor-name-91c2";
    private static final Pattern TOKEN = LocalClearinghouse.TOKEN;
    private static final Pattern REPLY_TOKEN = LocalClearinghouse.REPLY_TOKEN;

    private LocalRunner runner;
    private LocalClearinghouse clearinghouse;

    @Test
    void after_export_and_erasure_the_table_and_its_stream_hold_no_personal_data_and_no_live_token() throws Exception {
        runner = LocalRunner.start(RunnerSettings.forTest(Template.repositoryRoot(), Duration.ofHours(1)));
        clearinghouse = new LocalClearinghouse(runner.url(), () -> {});
        try {
            story();
        } finally {
            runner.close();
        }
    }

    private void story() throws Exception {
        String orgId = clearinghouse
                .created("/organisations", null, """
                {"name":"Shakti Vahini Trust","organisationType":"TRUST","registrationNumber":"WB/2011/0012345",
                 "jurisdiction":"IN-WB","city":"Kolkata","focusAreas":["anti-trafficking"],
                 "contact":{"name":"Rina Dasgupta","email":"%s","phone":"+919830012345"}}""".formatted(CONTACT))
                .path("id")
                .asText();
        JsonNode verifyMail =
                clearinghouse.awaitMail(CONTACT, m -> m.path("text").asText().contains("/verify?token="));
        assertThat(verifyMail.path("text").asText()).contains("/privacy/v1.en.html");
        clearinghouse.verify(verifyMail);
        clearinghouse.approve("organisation", orgId);
        String orgToken = clearinghouse.orgTokenMailedTo(CONTACT);

        String lawyerId = clearinghouse.approvedLawyer("""
                {"name":"Asha Raman","email":"%s","phone":"+919830054321","firm":"Raman Chambers",
                 "barEnrolmentNumber":"WB/1234/2015","barCouncil":"IN-WB","yearsOfPractice":9,
                 "practiceAreas":["CONTRACT_REVIEW"],"jurisdictions":["IN-WB"],"languages":["en","bn"],
                 "preferredLanguage":"bn"}""".formatted(LAWYER), LAWYER);

        String requestId = clearinghouse.openRequest(orgToken, """
                {"category":"CONTRACT_REVIEW","title":"Consent form for a documentary",
                 "summary":"May a survivor's story be shown in a film?","confidentialDetails":"%s",
                 "jurisdiction":"IN-WB","language":"en"}""".formatted(SECRET));
        clearinghouse.invoke("AssignFunction", """
                {"command":"assign","requestId":"%s","lawyerIds":["%s"],"assignedBy":"e2e@team"}""".formatted(requestId, lawyerId));
        JsonNode offer = clearinghouse.awaitMail(
                LAWYER, m -> m.path("replyTo").toString().contains("reply+"));
        String reply = ("From: Asha Raman <" + LAWYER + ">\nTo: "
                        + offer.path("replyTo").path(0).asText()
                        + "\nSubject: Re: offer\nMessage-ID: <privacy-accept@lawfirm.example>\nContent-Type: text/plain; charset=utf-8\n\n"
                        + "Yes, I accept.\n")
                .replace("\n", "\r\n");
        clearinghouse.inbound(reply);
        clearinghouse.awaitMail(LAWYER, m -> m.path("text").asText().contains(SECRET));
        clearinghouse.invoke("AssignFunction", """
                {"command":"complete","requestId":"%s","outcome":"Consent form drafted","hoursSpent":4}""".formatted(requestId));
        clearinghouse.awaitMail(CONTACT, m -> m.path("text").asText().contains("Consent form drafted"));

        // Both see what is stored about them, with their consent, and never a token.
        for (String person : List.of(CONTACT, LAWYER)) {
            JsonNode export = clearinghouse.invoke(
                    "RegisterFunction", "{\"command\":\"export-subject\",\"email\":\"" + person + "\"}");
            assertThat(export.path("consent").path(0).path("noticeVersion").asText())
                    .isEqualTo("v1");
            assertThat(export.path("requests").toString()).contains(requestId);
            assertThat(export.path("emails").size()).isGreaterThanOrEqualTo(3);
            assertThat(export.toString()).doesNotContain(SECRET, orgToken);
        }

        // Both are erased.
        for (String person : List.of(LAWYER, CONTACT)) {
            JsonNode erased = clearinghouse.invoke("RegisterFunction", """
                    {"command":"erase-subject","email":"%s","requestedBy":"dpo@team","reason":"asked by email"}""".formatted(person));
            assertThat(erased.path("status").asText()).isEqualTo("ERASED");
        }
        runner.deliverStream();

        Set<String> forbidden = new TreeSet<>(
                List.of(CONTACT, LAWYER, "Rina Dasgupta", "Asha Raman", "9830012345", "9830054321", SECRET));
        for (JsonNode mail : clearinghouse.mail()) {
            String all = mail.path("text").asText() + mail.path("html").asText() + mail.path("replyTo");
            for (Pattern token : List.of(TOKEN, REPLY_TOKEN)) {
                Matcher matcher = token.matcher(all);
                while (matcher.find()) forbidden.add(matcher.group(1));
            }
        }
        assertThat(forbidden)
                .as("the verification, org and reply tokens were collected")
                .hasSizeGreaterThanOrEqualTo(7 + 4);

        String table = everyItem(runner.aws());
        String stream = everyStreamRecord(runner.aws());
        assertThat(table).contains(requestId).contains("ERASED");
        assertThat(stream).contains(requestId);
        for (String value : forbidden) {
            assertThat(table).as("the table").doesNotContainIgnoringCase(value);
        }
        for (String token : forbidden.stream()
                .filter(v -> v.length() >= 16 && !v.contains("@") && !v.startsWith("MARKER"))
                .toList()) {
            assertThat(stream).as("the stream (kept 24 h) holds no live token").doesNotContain(token);
        }
        // The organisation's token was deleted with its contact's data: it opens nothing any more.
        assertThat(clearinghouse.get("/requests/" + requestId, orgToken).statusCode())
                .isEqualTo(401);
    }

    private static String everyItem(LocalAws aws) {
        StringBuilder all = new StringBuilder();
        aws.dynamoDb()
                .scanPaginator(s -> s.tableName(aws.tableName()))
                .items()
                .forEach(item -> all.append(item).append('\n'));
        return all.toString();
    }

    /** Every record of every shard of the table's stream, old and new images. */
    private static String everyStreamRecord(LocalAws aws) {
        String streamArn = aws.dynamoDb()
                .describeTable(d -> d.tableName(aws.tableName()))
                .table()
                .latestStreamArn();
        StringBuilder all = new StringBuilder();
        for (Shard shard : aws.streams()
                .describeStream(d -> d.streamArn(streamArn))
                .streamDescription()
                .shards()) {
            String iterator = aws.streams()
                    .getShardIterator(g -> g.streamArn(streamArn)
                            .shardId(shard.shardId())
                            .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                    .shardIterator();
            while (iterator != null) {
                String current = iterator;
                var page = aws.streams().getRecords(g -> g.shardIterator(current));
                for (Record record : page.records())
                    all.append(record.dynamodb()).append('\n');
                if (page.records().isEmpty()) break;
                iterator = page.nextShardIterator();
            }
        }
        return all.toString();
    }
}
