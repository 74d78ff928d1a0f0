package org.probono.clearinghouse.notify.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.probono.clearinghouse.notify.handler.NotifyTestKit.invoke;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.probono.clearinghouse.domain.Category;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.Offer;
import org.probono.clearinghouse.domain.OfferStatus;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.ids.Ids;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.LocalAwsExtension;
import org.probono.clearinghouse.local.backend.SentMail;
import org.probono.clearinghouse.local.backend.StreamPump;
import org.probono.clearinghouse.store.Item;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.store.OutboxItems;
import org.probono.clearinghouse.store.Store;
import org.probono.clearinghouse.testkit.MatterSamples;
import org.probono.clearinghouse.testkit.TableFixture;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Replies as SES delivers them (raw MIME in the inbound bucket, then the receipt event) through
 * NotifyFunction as production builds it (the no-argument constructor, hence the shared OfferDecisions),
 * against a request offered to two lawyers: what each reply does to the matter, and which emails follow.
 */
@ExtendWith(LocalAwsExtension.class)
class ReplyDecidesTheMatterTest {
    /**
     * The reply tokens the .eml fixtures answer to (their To header, in upper case: reply tokens are
     * case-insensitive) and the envelope recipients.
     */
    static final String TOKEN_A = ReplyFlowTest.TOKEN;

    static final String TOKEN_B = "63a6cb8fbd66b457d5e5719ab48f87d3c4d83c868899d522da37b415";
    static final String REPLY_A = "reply+" + TOKEN_A + "@reply.clearinghouse.test";
    static final String REPLY_B = "reply+" + TOKEN_B + "@reply.clearinghouse.test";
    static final String MARKER = "CONFIDENTIAL-MARKER-91c4 survivor shelters at 12 Park Lane";
    static final String HINDI_REASON = "मेरे पास इस महीने समय नहीं है।";

    private final Instant offeredAt = Instant.now().minus(Duration.ofHours(3));
    private final Ids ids = new Ids(Clock.systemUTC());
    private LocalAws aws;
    private TableFixture table;
    private Store store;
    private NotifyHandler handler;
    private Organisation org;
    private LegalRequest request;
    private Lawyer lawyerA;
    private Lawyer lawyerB;
    private StreamPump pump;

    @BeforeEach
    void offerTheRequestToTwoLawyers(LocalAws aws) {
        this.aws = aws;
        table = NotifyTestKit.table(aws);
        store = table.store();
        org = table.organisation(NotifyTestKit.organisation(ids.next(), offeredAt))
                .organisation();
        String requestId = ids.next();
        request = table.request(new LegalRequest(
                requestId,
                org.id(),
                RequestStatus.OFFERED,
                Category.CONTRACT_REVIEW,
                "Review of a muralist's contract",
                "A mural for a shelter",
                table.box().seal(MARKER, requestId),
                "IN-WB",
                "en",
                null,
                List.of("Paint Co"),
                offeredAt,
                null,
                2));
        lawyerA = lawyer("Asha Rao", "asha.rao@example.org", "Rao & Sen");
        lawyerB = lawyer("Ravi Sen", "ravi.sen@example.org", "Sen Legal Associates");
        offer(lawyerA, TOKEN_A);
        offer(lawyerB, TOKEN_B);
        handler = new NotifyHandler(); // as Lambda builds it: the environment LocalAwsExtension installed
    }

    private Lawyer lawyer(String name, String email, String firm) {
        return table.lawyer(NotifyTestKit.lawyer(ids.next(), name, email, firm, offeredAt));
    }

    private void offer(Lawyer lawyer, String token) {
        table.offer(MatterSamples.pendingOffer(request, lawyer, offeredAt, Duration.ofHours(24), token), token);
    }

    @Test
    void a_gmail_yes_from_lawyer_a_gives_her_the_matter_and_only_her_email_carries_the_details() {
        assertThat(reply("gmail-accept.eml", REPLY_A)).isEqualTo("ACCEPTED");

        LegalRequest after = request();
        assertThat(after.status()).isEqualTo(RequestStatus.ACCEPTED);
        assertThat(after.lawyerId()).isEqualTo(lawyerA.id());
        assertThat(offer(lawyerA).status()).isEqualTo(OfferStatus.ACCEPTED);
        assertThat(offer(lawyerB).status()).isEqualTo(OfferStatus.WITHDRAWN);
        assertThat(List.of(load(lawyerA), load(lawyerB))).containsExactly(1, 0);
        assertThat(inbound("<CAGmail-accept-1@mail.gmail.com>").string("result"))
                .isEqualTo("ACCEPTED");

        List<OutboxMessage> outbox = outbox();
        assertThat(outbox)
                .extracting(OutboxMessage::template, OutboxMessage::to)
                .containsExactlyInAnyOrder(
                        tuple(EmailTemplate.MATTER_DETAILS_TO_LAWYER, lawyerA.email()),
                        tuple(
                                EmailTemplate.INTRODUCTION_TO_ORGANISATION,
                                org.contact().email()),
                        tuple(EmailTemplate.OFFER_FILLED, lawyerB.email()),
                        tuple(EmailTemplate.ADMIN_ACCEPTED, adminEmail()));
        assertThat(outbox)
                .filteredOn(m -> m.sealedDetails() != null)
                .singleElement()
                .satisfies(details -> {
                    assertThat(details.template()).isEqualTo(EmailTemplate.MATTER_DETAILS_TO_LAWYER);
                    assertThat(details.sealedDetails()).isEqualTo(request.sealedDetails());
                });

        assertThat(deliverOutbox()).isEqualTo(4);

        List<SentMail.Mail> sent = SentMail.of(aws).all();
        assertThat(sent)
                .extracting(mail -> mail.to().getFirst())
                .containsExactlyInAnyOrder(lawyerA.email(), org.contact().email(), lawyerB.email(), adminEmail());
        assertThat(sent)
                .filteredOn(ReplyDecidesTheMatterTest::carriesTheMarker)
                .singleElement()
                .satisfies(mail -> {
                    assertThat(mail.to()).containsExactly(lawyerA.email());
                    assertThat(mail.text()).contains(MARKER).contains("meera@chitrakatha.example");
                });
        assertThat(sent)
                .filteredOn(mail -> mail.to().contains(org.contact().email()))
                .singleElement()
                .satisfies(mail -> assertThat(mail.text()).contains("Asha Rao", "asha.rao@example.org", "Rao & Sen"));
        assertThat(outboxStatuses()).containsOnly(OutboxItems.SENT);
    }

    @Test
    void a_later_accept_from_lawyer_b_changes_nothing_but_tells_him_the_matter_is_taken() {
        assertThat(reply("gmail-accept.eml", REPLY_A)).isEqualTo("ACCEPTED");
        deliverOutbox();
        Map<String, Map<String, AttributeValue>> before = items();

        assertThat(reply("outlook-desktop-accept-ravi-sen.eml", REPLY_B)).isEqualTo("ALREADY_TAKEN");

        Map<String, Map<String, AttributeValue>> after = items();
        List<OutboxMessage> added = addedOutbox(before, after);
        assertThat(added).singleElement().satisfies(message -> {
            assertThat(message.template()).isEqualTo(EmailTemplate.ALREADY_TAKEN);
            assertThat(message.to()).isEqualTo(lawyerB.email());
            assertThat(message.sealedDetails()).isNull();
        });
        assertThat(added(before, after))
                .containsExactlyInAnyOrder(
                        inboundKey("<DM6PR01MB-outlook-accept-ravi@namprd01.prod.outlook.com>"),
                        "OUTBOX#" + added.getFirst().id() + "|OUTBOX");
        assertThat(changed(before, after)).isEmpty();
        assertThat(request().lawyerId()).isEqualTo(lawyerA.id());

        assertThat(deliverOutbox()).isEqualTo(1);
        assertThat(SentMail.of(aws).to(lawyerB.email()))
                .extracting(SentMail.Mail::subject)
                .containsExactly(
                        "Offer filled: Review of a muralist's contract",
                        "Already taken: Review of a muralist's contract");
        assertThat(SentMail.of(aws).all())
                .filteredOn(ReplyDecidesTheMatterTest::carriesTheMarker)
                .hasSize(1);
    }

    @Test
    void a_decline_in_hindi_from_lawyer_b_declines_with_his_reason_and_releases_his_load() {
        assertThat(reply("gmail-decline-hindi-ravi-sen.eml", REPLY_B)).isEqualTo("DECLINED");

        Offer declined = offer(lawyerB);
        assertThat(declined.status()).isEqualTo(OfferStatus.DECLINED);
        assertThat(declined.note()).isEqualTo(HINDI_REASON);
        assertThat(List.of(load(lawyerA), load(lawyerB))).containsExactly(1, 0);
        assertThat(offer(lawyerA).status()).isEqualTo(OfferStatus.PENDING);
        assertThat(request().status()).isEqualTo(RequestStatus.OFFERED); // A's offer is still open
        assertThat(outbox()).singleElement().satisfies(message -> {
            assertThat(message.template()).isEqualTo(EmailTemplate.ADMIN_OFFER_DECLINED);
            assertThat(message.to()).isEqualTo(adminEmail());
            assertThat(message.data()).containsEntry("reason", HINDI_REASON).containsEntry("lawyerName", "Ravi Sen");
        });

        assertThat(deliverOutbox()).isEqualTo(1);
        assertThat(SentMail.of(aws).to(adminEmail()))
                .singleElement()
                .satisfies(mail -> assertThat(mail.text()).contains("Reason given: " + HINDI_REASON));
    }

    @Test
    void a_yes_on_lawyer_a_token_from_another_address_changes_nothing() {
        Map<String, Map<String, AttributeValue>> before = items();
        int count = aws.countItems();

        assertThat(reply("gmail-accept-from-a-colleague.eml", REPLY_A)).isEqualTo("WRONG_SENDER");

        Map<String, Map<String, AttributeValue>> after = items();
        assertThat(aws.countItems()).isEqualTo(count + 1);
        assertThat(added(before, after)).containsExactly(inboundKey("<CAGmail-colleague-1@mail.gmail.com>"));
        assertThat(changed(before, after)).isEmpty();
        assertThat(inbound("<CAGmail-colleague-1@mail.gmail.com>").string("result"))
                .isEqualTo("WRONG_SENDER");
    }

    @Test
    void the_same_accepting_message_delivered_again_changes_nothing_at_all() {
        assertThat(reply("gmail-accept.eml", REPLY_A)).isEqualTo("ACCEPTED");
        Map<String, Map<String, AttributeValue>> before = items();

        // SES delivers the same Message-ID again, under a new SES message id (a retry or a resend).
        assertThat(reply("gmail-accept.eml", REPLY_A)).isEqualTo("DUPLICATE");

        assertThat(items()).isEqualTo(before);
    }

    @Test
    void an_out_of_office_reply_from_lawyer_a_changes_nothing() {
        Map<String, Map<String, AttributeValue>> before = items();

        assertThat(reply("out-of-office.eml", REPLY_A)).isEqualTo("AUTO_REPLY");

        Map<String, Map<String, AttributeValue>> after = items();
        assertThat(added(before, after)).containsExactly(inboundKey("<ooo-1@example.org>"));
        assertThat(changed(before, after)).isEmpty();
        assertThat(request().status()).isEqualTo(RequestStatus.OFFERED);
    }

    @Test
    void an_unclear_reply_changes_nothing_and_a_yes_to_the_answer_it_gets_gives_her_the_matter() {
        Map<String, Map<String, AttributeValue>> before = items();

        assertThat(reply("ambiguous.eml", REPLY_A)).isEqualTo("NOT_UNDERSTOOD");

        Map<String, Map<String, AttributeValue>> after = items();
        assertThat(changed(before, after)).isEmpty();
        assertThat(addedOutbox(before, after)).singleElement().satisfies(message -> {
            assertThat(message.template()).isEqualTo(EmailTemplate.REPLY_NOT_UNDERSTOOD);
            assertThat(message.data())
                    .containsEntry("quoted", "Could you tell me more about the deadline first? I might accept.");
        });
        assertThat(deliverOutbox()).isEqualTo(1);
        SentMail.Mail answer = SentMail.of(aws).to(lawyerA.email()).getFirst();
        assertThat(answer.replyTo()).containsExactly(REPLY_A);

        // She answers the "please reply" email from her phone: one word, to the Reply-To it carries.
        String yes = "From: Asha Rao <asha.rao@example.org>\r\nTo: "
                + answer.replyTo().getFirst() + "\r\n"
                + "Subject: Re: " + answer.subject() + "\r\nMessage-ID: <yes-to-the-question@example.org>\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\nYes\r\n\r\nSent from my iPhone\r\n\r\n> "
                + answer.text().replace("\n", "\r\n> ");
        assertThat(NotifyTestKit.deliverReply(
                        aws,
                        handler,
                        yes.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        answer.replyTo().getFirst(),
                        Map.of()))
                .isEqualTo("ACCEPTED");
        assertThat(request().lawyerId()).isEqualTo(lawyerA.id());
        assertThat(offer(lawyerB).status()).isEqualTo(OfferStatus.WITHDRAWN);
    }

    // --- helpers ---

    private String reply(String fixture, String recipient) {
        return NotifyTestKit.deliverReply(aws, handler, NotifyTestKit.fixture(fixture), recipient, Map.of());
    }

    /**
     * Hands the stream records not yet handed (outbox inserts, as template.yaml filters them) to the handler,
     * as Lambda's event source mapping does; returns how many.
     */
    private int deliverOutbox() {
        if (pump == null) {
            pump = StreamPump.forNotify(aws, StreamPump.StartingPosition.TRIM_HORIZON, e -> invoke(handler, e));
        }
        return pump.pollOnce();
    }

    @AfterEach
    void closeThePump() {
        if (pump != null) pump.close();
    }

    private static boolean carriesTheMarker(SentMail.Mail mail) {
        return contains(mail.text()) || contains(mail.html()) || contains(mail.subject());
    }

    private static boolean contains(String text) {
        return text != null && text.contains("CONFIDENTIAL-MARKER-91c4");
    }

    private String adminEmail() {
        return aws.environment().get("ADMIN_EMAIL");
    }

    private LegalRequest request() {
        return table.readRequest(request.id());
    }

    private Offer offer(Lawyer lawyer) {
        return table.readOffer(request.id(), lawyer.id());
    }

    private int load(Lawyer lawyer) {
        return table.readLawyer(lawyer.id()).activeMatters();
    }

    private Item inbound(String messageId) {
        return store.get(Keys.inbound(messageId)).orElseThrow();
    }

    private static String inboundKey(String messageId) {
        return Keys.inbound(messageId).partitionKeyValue().s() + "|INBOUND";
    }

    /** Every item of the table by "PK|SK". */
    private Map<String, Map<String, AttributeValue>> items() {
        Map<String, Map<String, AttributeValue>> items = new TreeMap<>();
        aws.dynamoDb()
                .scanPaginator(s -> s.tableName(aws.tableName()).consistentRead(true))
                .items()
                .forEach(item -> items.put(
                        item.get(Keys.PK).s() + "|" + item.get(Keys.SK).s(), item));
        return items;
    }

    private static List<String> added(
            Map<String, Map<String, AttributeValue>> before, Map<String, Map<String, AttributeValue>> after) {
        return after.keySet().stream().filter(key -> !before.containsKey(key)).toList();
    }

    /** Items present before that are now different or gone. */
    private static List<String> changed(
            Map<String, Map<String, AttributeValue>> before, Map<String, Map<String, AttributeValue>> after) {
        return before.keySet().stream()
                .filter(key -> !before.get(key).equals(after.get(key)))
                .toList();
    }

    private static List<OutboxMessage> addedOutbox(
            Map<String, Map<String, AttributeValue>> before, Map<String, Map<String, AttributeValue>> after) {
        return added(before, after).stream()
                .map(after::get)
                .filter(item -> OutboxItems.ENTITY.equals(item.get(Keys.ENTITY).s()))
                .map(ReplyDecidesTheMatterTest::outboxMessage)
                .toList();
    }

    private List<OutboxMessage> outbox() {
        return table.outbox();
    }

    private List<String> outboxStatuses() {
        return items().values().stream()
                .filter(item -> OutboxItems.ENTITY.equals(item.get(Keys.ENTITY).s()))
                .map(item -> item.get(OutboxItems.STATUS).s())
                .toList();
    }

    private static OutboxMessage outboxMessage(Map<String, AttributeValue> item) {
        return OutboxItems.from(Item.of(EnhancedDocument.fromAttributeValueMap(new HashMap<>(item))));
    }
}
