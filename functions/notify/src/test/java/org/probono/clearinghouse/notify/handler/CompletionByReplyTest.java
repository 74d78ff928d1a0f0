package org.probono.clearinghouse.notify.handler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.probono.clearinghouse.config.Config;
import org.probono.clearinghouse.domain.Category;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.domain.Token;
import org.probono.clearinghouse.ids.Ids;
import org.probono.clearinghouse.ids.Secrets;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.LocalAwsExtension;
import org.probono.clearinghouse.matters.Answer;
import org.probono.clearinghouse.matters.MatterEmails;
import org.probono.clearinghouse.matters.OfferDecisions;
import org.probono.clearinghouse.notify.mail.EmailTemplates;
import org.probono.clearinghouse.store.Item;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.LawyerItems;
import org.probono.clearinghouse.store.RunningTotals;
import org.probono.clearinghouse.store.Store;
import org.probono.clearinghouse.store.TableLawyers;
import org.probono.clearinghouse.store.TableMatters;
import org.probono.clearinghouse.store.TableOffers;
import org.probono.clearinghouse.store.TokenItems;
import org.probono.clearinghouse.testkit.MatterSamples;
import org.probono.clearinghouse.testkit.TableFixture;

/**
 * The accepting lawyer closes the matter by replying to the matter-details email, as SES delivers the
 * reply, through NotifyFunction as production builds it. The matter is accepted through the shared
 * OfferDecisions, so the details email and its reply address are the real ones.
 */
@ExtendWith(LocalAwsExtension.class)
class CompletionByReplyTest {
    private final Ids ids = new Ids(Clock.systemUTC());
    private LocalAws aws;
    private TableFixture table;
    private Store store;
    private NotifyHandler handler;
    private Organisation org;
    private LegalRequest request;
    private Lawyer asha;
    private String completionToken;

    @BeforeEach
    void aMatterAcceptedByAsha(LocalAws aws) {
        this.aws = aws;
        table = NotifyTestKit.table(aws);
        store = table.store();
        Instant offeredAt = Instant.now().minus(Duration.ofHours(3));
        org = table.organisation(NotifyTestKit.organisation(ids.next(), offeredAt))
                .organisation();
        request = table.request(new LegalRequest(
                ids.next(),
                org.id(),
                RequestStatus.OFFERED,
                Category.CONTRACT_REVIEW,
                "Review of a muralist's contract",
                "A mural for a shelter",
                null,
                "IN-WB",
                "en",
                null,
                List.of(),
                offeredAt,
                null,
                2));
        asha = table.lawyer(
                NotifyTestKit.lawyer(ids.next(), "Asha Rao", "asha.rao@example.org", "Rao & Sen", offeredAt));
        String offerToken = new Secrets().newReplyToken();
        table.offer(MatterSamples.pendingOffer(request, asha, offeredAt, Duration.ofHours(24), offerToken), offerToken);
        Config config = Config.fromEnvironment();
        new OfferDecisions(
                        new TableMatters(store, new RunningTotals(config.timeZone())),
                        new TableLawyers(store),
                        new TableOffers(store),
                        new MatterEmails(ids, config.adminEmail()),
                        table.box()::sealToken,
                        Clock.systemUTC())
                .answer(request.id(), asha.id(), new Answer.Accept(), "test");
        completionToken = tokenOf(outbox(EmailTemplate.MATTER_DETAILS_TO_LAWYER).getFirst());
        handler = new NotifyHandler();
    }

    @Test
    void the_details_email_carries_a_completion_address_of_its_own() {
        assertThat(completionToken).isNotBlank();
        Token token = TokenItems.from(
                Secrets.hash(completionToken),
                store.get(Keys.token(Secrets.hash(completionToken))).orElseThrow());
        assertThat(token.purpose()).isEqualTo(Token.Purpose.COMPLETION_REPLY);
        assertThat(token.subjectId()).isEqualTo(request.id());
        assertThat(token.lawyerId()).isEqualTo(asha.id());
        assertThat(token.expiresAt()).isAfter(Instant.now().plus(Duration.ofDays(300)));
    }

    @Test
    void done_with_hours_and_outcome_completes_the_matter_and_the_organisation_is_asked_for_feedback() {
        assertThat(reply(asha.email(), "DONE 6.5 hours: contract signed\r\n\r\nAsha"))
                .isEqualTo("COMPLETED");

        LegalRequest after = request();
        assertThat(after.status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(after.completion()).isEqualTo(new LegalRequest.Completion("contract signed", 6.5));
        assertThat(after.endedAt()).as("retention counts from the completion").isNotNull();
        assertThat(LawyerItems.from(store.get(Keys.lawyer(asha.id())).orElseThrow())
                        .activeMatters())
                .isZero();
        OutboxMessage told = outbox(EmailTemplate.REQUEST_COMPLETED).getFirst();
        assertThat(told.to()).isEqualTo(org.contact().email());
        Map<String, Object> scope = new HashMap<>(told.data());
        scope.put("webUrl", aws.environment().get("WEB_URL"));
        String text = new EmailTemplates()
                .render(EmailTemplate.REQUEST_COMPLETED, told.language(), scope)
                .text();
        assertThat(text)
                .contains(aws.environment().get("WEB_URL") + "/#request=" + request.id())
                .contains("contract signed");
        Item total = store.get(Keys.impact(
                        request.createdAt().atZone(ZoneId.of("Asia/Kolkata")).toLocalDate(), Keys.IMPACT_TOTAL))
                .orElseThrow();
        assertThat(total.number("completed")).isEqualTo(1);
        assertThat(total.decimal("hours")).isEqualTo(6.5);
    }

    @Test
    void the_same_in_hindi_completes_it_too() {
        assertThat(reply(asha.email(), "हो गया, 6,5 घंटे: अनुबंध पर हस्ताक्षर हो गए"))
                .isEqualTo("COMPLETED");

        assertThat(request().completion().hoursSpent()).isEqualTo(6.5);
        assertThat(request().completion().outcome()).isEqualTo("अनुबंध पर हस्ताक्षर हो गए");
    }

    @Test
    void an_unclear_reply_changes_nothing_and_asha_is_asked_again_at_the_same_address() {
        assertThat(reply(asha.email(), "Nearly there, I spent 5 hours so far. Will write again."))
                .isEqualTo("NOT_UNDERSTOOD");

        assertThat(request().status()).isEqualTo(RequestStatus.ACCEPTED);
        assertThat(outbox(EmailTemplate.COMPLETION_NOT_UNDERSTOOD))
                .singleElement()
                .satisfies(asked -> {
                    assertThat(asked.to()).isEqualTo(asha.email());
                    assertThat(asked.language()).isEqualTo(asha.preferredLanguage());
                    assertThat(tokenOf(asked)).isEqualTo(completionToken);
                    assertThat(asked.data())
                            .containsEntry("requestId", request.id())
                            .containsEntry("replyRead", "Nearly there, I spent 5 hours so far. Will write again.");
                });
        assertThat(reply(asha.email(), "DONE 5.5 hrs: lease renegotiated")).isEqualTo("COMPLETED");
        assertThat(request().completion()).isEqualTo(new LegalRequest.Completion("lease renegotiated", 5.5));
    }

    @Test
    void a_reply_from_anyone_else_changes_nothing_and_is_not_answered() {
        assertThat(reply("someone@elsewhere.example", "DONE 6.5 hours: contract signed"))
                .isEqualTo("WRONG_SENDER");
        assertThat(reply("someone@elsewhere.example", "what is this?")).isEqualTo("WRONG_SENDER");

        assertThat(request().status()).isEqualTo(RequestStatus.ACCEPTED);
        assertThat(outbox(EmailTemplate.REQUEST_COMPLETED)).isEmpty();
        assertThat(outbox(EmailTemplate.COMPLETION_NOT_UNDERSTOOD)).isEmpty();
    }

    @Test
    void a_second_done_after_completion_changes_nothing() {
        assertThat(reply(asha.email(), "DONE 6.5 hours: contract signed")).isEqualTo("COMPLETED");

        assertThat(reply(asha.email(), "DONE 8 hours: and a second opinion")).isEqualTo("NO_LONGER_OPEN");
        assertThat(request().completion()).isEqualTo(new LegalRequest.Completion("contract signed", 6.5));
        assertThat(outbox(EmailTemplate.REQUEST_COMPLETED)).hasSize(1);
    }

    private String reply(String from, String body) {
        String recipient = "reply+" + completionToken + "@reply.clearinghouse.test";
        String raw = "From: Sender <" + from + ">\r\nTo: " + recipient + "\r\nSubject: RE: Matter details\r\n"
                + "Message-ID: <" + UUID.randomUUID() + "@mail.example>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + body + "\r\n";
        return NotifyTestKit.deliverReply(aws, handler, raw.getBytes(StandardCharsets.UTF_8), recipient, Map.of());
    }

    private LegalRequest request() {
        return table.readRequest(request.id());
    }

    private List<OutboxMessage> outbox(EmailTemplate template) {
        return table.outbox(template);
    }

    private String tokenOf(OutboxMessage email) {
        return table.tokenOf(email);
    }
}
