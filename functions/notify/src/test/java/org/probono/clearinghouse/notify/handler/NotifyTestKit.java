package org.probono.clearinghouse.notify.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.probono.clearinghouse.config.Config;
import org.probono.clearinghouse.domain.Category;
import org.probono.clearinghouse.domain.Contact;
import org.probono.clearinghouse.domain.Lawyer;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.domain.OrganisationType;
import org.probono.clearinghouse.domain.ProfileStatus;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.matters.OfferReplies;
import org.probono.clearinghouse.notify.wiring.Wiring;
import org.probono.clearinghouse.store.Keys;
import org.probono.clearinghouse.testkit.TableFixture;
import org.probono.clearinghouse.testkit.TestEvents;
import org.probono.clearinghouse.testkit.TestJson;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** What the flow tests share: the handler wired to the local backend, stream images, replies as SES delivers them, raw sent mail. */
final class NotifyTestKit {
    private NotifyTestKit() {}

    static NotifyHandler handler(LocalAws aws, SesV2Client ses, OfferReplies offerReplies) {
        return new NotifyHandler(wiring(aws, ses, offerReplies));
    }

    static Wiring wiring(LocalAws aws, SesV2Client ses, OfferReplies offerReplies) {
        return Wiring.create(
                Config.fromEnvironment(),
                aws.dynamoDb(),
                () -> ses,
                aws::s3,
                aws::kms,
                Clock.systemUTC(),
                offerReplies);
    }

    /** Replies are not what these tests are about. */
    static final OfferReplies NO_REPLIES = (token, sender, answer) -> {
        throw new AssertionError("no replies in these tests");
    };

    /**
     * A stream record of each outbox item as the table holds it now, in one event, as Lambda delivers
     * inserts: the item is the record's new image. Sequence numbers are the items' positions, from 1.
     */
    static String streamEvent(LocalAws aws, String... outboxIds) {
        ObjectNode event = TestJson.MAPPER.createObjectNode();
        var records = event.putArray("Records");
        int sequence = 0;
        for (String id : outboxIds) {
            Map<String, AttributeValue> item = aws.dynamoDb()
                    .getItem(g -> g.tableName(aws.tableName())
                            .key(Map.of(
                                    Keys.PK,
                                    AttributeValue.fromS(Keys.OUTBOX_PREFIX + id),
                                    Keys.SK,
                                    AttributeValue.fromS("OUTBOX")))
                            .consistentRead(true))
                    .item();
            ObjectNode record = records.addObject().put("eventName", "INSERT").put("eventSource", "aws:dynamodb");
            ObjectNode dynamodb = record.putObject("dynamodb").put("SequenceNumber", Integer.toString(++sequence));
            dynamodb.set("NewImage", image(item));
        }
        return event.toString();
    }

    private static ObjectNode image(Map<String, AttributeValue> item) {
        ObjectNode json = TestJson.MAPPER.createObjectNode();
        item.forEach((name, value) -> json.set(name, attribute(value)));
        return json;
    }

    private static ObjectNode attribute(AttributeValue value) {
        ObjectNode json = TestJson.MAPPER.createObjectNode();
        switch (value.type()) {
            case S -> json.put("S", value.s());
            case N -> json.put("N", value.n());
            case BOOL -> json.put("BOOL", value.bool());
            case NUL -> json.put("NULL", true);
            case M -> json.set("M", image(value.m()));
            case L -> value.l().forEach(element -> json.withArray("L").add(attribute(element)));
            default -> throw new IllegalArgumentException("outbox items hold no " + value.type());
        }
        return json;
    }

    /** The table as the other functions leave it, seeded and read through the shared kit. */
    static TableFixture table(LocalAws aws) {
        return new TableFixture(aws, Clock.systemUTC());
    }

    /** The organisation whose request the reply tests offer, approved at {@code at}. */
    static Organisation organisation(String id, Instant at) {
        return new Organisation(
                id,
                "Chitrakatha Trust",
                OrganisationType.NGO,
                "REG-77",
                "IN-WB",
                "Kolkata",
                null,
                List.of("artists' rights"),
                new Contact("Meera Das", "meera@chitrakatha.example", "+919830000001"),
                ProfileStatus.APPROVED,
                at,
                1);
    }

    /**
     * A lawyer of the reply tests, approved at {@code at}, holding one matter in hand: the offer they reply
     * to (an offer counts against the load while pending).
     */
    static Lawyer lawyer(String id, String name, String email, String firm, Instant at) {
        return new Lawyer(
                id,
                name,
                email,
                "+919830000000",
                firm,
                "WB/1/2010",
                "IN-WB",
                12,
                List.of(Category.CONTRACT_REVIEW),
                List.of("IN-WB"),
                List.of("en", "hi"),
                2,
                1,
                false,
                ProfileStatus.APPROVED,
                at,
                3);
    }

    static String invoke(NotifyHandler handler, String event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return out.toString(StandardCharsets.UTF_8);
    }

    static JsonNode json(String text) {
        try {
            return TestJson.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An .eml fixture of src/test/resources/eml. */
    static byte[] fixture(String name) {
        try (InputStream in = NotifyTestKit.class.getResourceAsStream("/eml/" + name)) {
            if (in == null) throw new IllegalArgumentException("no fixture eml/" + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stores the raw mail as SES's S3 action does ({@code inbound/<SES message id>}), then sends the receipt
     * event (events/notify-ses-receipt.json, with that id, the envelope recipient and any verdicts changed)
     * as its Lambda action does. Returns the handler's result for the one record.
     */
    static String deliverReply(
            LocalAws aws, NotifyHandler handler, byte[] raw, String recipient, Map<String, String> verdicts) {
        String sesMessageId = UUID.randomUUID().toString();
        aws.s3()
                .putObject(
                        p -> p.bucket(aws.environment().get("INBOUND_BUCKET")).key("inbound/" + sesMessageId),
                        RequestBody.fromBytes(raw));
        TestEvents.SesReceipt event =
                TestEvents.sesReceipt().messageId(sesMessageId).recipient(recipient);
        verdicts.forEach(event::verdict);
        return json(invoke(handler, event.text())).path("results").path(0).asText();
    }

    /** Every raw message moto's SES accepted, as Jakarta Mail reads it (headers included). */
    static List<MimeMessage> rawSent(LocalAws aws) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(aws.backend().endpoint() + "/moto-api/data.json"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            List<MimeMessage> messages = new ArrayList<>();
            for (JsonNode raw : json(response.body()).path("ses").path("RawMessage")) {
                messages.add(new MimeMessage(
                        Session.getInstance(new Properties()),
                        new ByteArrayInputStream(raw.path("raw_data").asText().getBytes(StandardCharsets.UTF_8))));
            }
            return messages;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
