package org.probono.clearinghouse.local.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Every email SES accepted on the local backend, parsed: moto keeps them in its state
 * ({@code GET /moto-api/data.json}, {@code ses.RawMessage}), LocalStack at {@code GET /_aws/ses}.
 * Only raw messages are read (the functions send SES v2 Raw content), oldest first.
 */
public final class SentMail {
    /** One email as the local runner's {@code GET /_local/mail} shows it; addresses bare and lower-case. */
    public record Mail(
            String id,
            List<String> to,
            String from,
            List<String> replyTo,
            String subject,
            String text,
            String html,
            String sentAt) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Session SESSION = Session.getInstance(new Properties());

    private final URI endpoint;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public SentMail(URI endpoint) {
        this.endpoint = endpoint;
    }

    public static SentMail of(LocalAws aws) {
        return new SentMail(aws.backend().endpoint());
    }

    /** Every sent email, oldest first. */
    public List<Mail> all() {
        HttpResponse<String> moto = get("/moto-api/data.json");
        if (moto.statusCode() == 200) return fromMoto(parse(moto.body()));
        HttpResponse<String> localStack = get("/_aws/ses");
        if (localStack.statusCode() == 200) return fromLocalStack(parse(localStack.body()));
        throw new IllegalStateException(endpoint + " shows no sent mail (neither moto nor LocalStack answered)");
    }

    /** Emails sent to {@code address} (bare, any case), oldest first. */
    public List<Mail> to(String address) {
        String wanted = address.toLowerCase(Locale.ROOT);
        return all().stream().filter(mail -> mail.to().contains(wanted)).toList();
    }

    /**
     * moto (5.x) keeps {@code raw_data} as the decoded message text; older versions and the docs speak of
     * base64, so both are read.
     */
    static List<Mail> fromMoto(JsonNode state) {
        List<Mail> mails = new ArrayList<>();
        for (JsonNode raw : state.path("ses").path("RawMessage")) {
            byte[] bytes = rawBytes(raw.path("raw_data").asText());
            mails.add(parse(raw.path("id").asText(), bytes, null, destinations(raw.path("destinations"))));
        }
        return mails;
    }

    static List<Mail> fromLocalStack(JsonNode body) {
        List<Mail> mails = new ArrayList<>();
        for (JsonNode message : body.path("messages")) {
            if (!message.hasNonNull("RawData")) continue;
            byte[] bytes = rawBytes(message.path("RawData").asText());
            String timestamp = message.path("Timestamp").asText(null);
            mails.add(parse(message.path("Id").asText(), bytes, timestamp, destinations(message.path("Destination"))));
        }
        return mails;
    }

    private static List<String> destinations(JsonNode node) {
        List<String> addresses = new ArrayList<>();
        if (node.isArray()) node.forEach(a -> addresses.add(a.asText().toLowerCase(Locale.ROOT)));
        else node.path("ToAddresses").forEach(a -> addresses.add(a.asText().toLowerCase(Locale.ROOT)));
        return addresses;
    }

    static byte[] rawBytes(String rawData) {
        boolean looksLikeMessage = rawData.indexOf(':') >= 0 || rawData.indexOf('\n') >= 0;
        if (!looksLikeMessage) {
            try {
                return Base64.getMimeDecoder().decode(rawData);
            } catch (IllegalArgumentException notBase64) {
                // fall through: the text itself
            }
        }
        return rawData.getBytes(StandardCharsets.UTF_8);
    }

    /** Parses one raw RFC 5322 message with Jakarta Mail. */
    public static Mail parse(String id, byte[] raw, String sentAt, List<String> envelopeTo) {
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            List<String> to = addresses(message.getRecipients(Message.RecipientType.TO));
            if (to.isEmpty()) to = List.copyOf(envelopeTo);
            List<String> from = addresses(message.getFrom());
            List<String> replyTo = message.getHeader("Reply-To") == null ? List.of() : addresses(message.getReplyTo());
            Bodies bodies = new Bodies();
            bodies.collect(message);
            Date date = message.getSentDate();
            String when = sentAt != null
                    ? sentAt
                    : date == null ? null : Instant.ofEpochMilli(date.getTime()).toString();
            return new Mail(
                    id,
                    to,
                    from.isEmpty() ? null : from.getFirst(),
                    replyTo,
                    message.getSubject(),
                    bodies.text,
                    bodies.html,
                    when);
        } catch (MessagingException e) {
            throw new IllegalStateException("unreadable sent message " + id, e);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable sent message " + id, e);
        }
    }

    private static List<String> addresses(Address[] addresses) {
        List<String> bare = new ArrayList<>();
        if (addresses == null) return bare;
        for (Address address : addresses) {
            if (address instanceof InternetAddress internet)
                bare.add(internet.getAddress().toLowerCase(Locale.ROOT));
        }
        return bare;
    }

    /** The first text/plain and text/html parts that are not attachments. */
    private static final class Bodies {
        String text = "";
        String html = "";
        boolean textFound;
        boolean htmlFound;

        void collect(Part part) throws MessagingException, IOException {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) return;
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child);
                }
            } else if (part.isMimeType("text/plain") && !textFound) {
                text = String.valueOf(part.getContent());
                textFound = true;
            } else if (part.isMimeType("text/html") && !htmlFound) {
                html = String.valueOf(part.getContent());
                htmlFound = true;
            }
        }
    }

    private HttpResponse<String> get(String path) {
        try {
            return http.send(
                    HttpRequest.newBuilder(endpoint.resolve(path))
                            .timeout(Duration.ofSeconds(10))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + endpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON", e);
        }
    }
}
