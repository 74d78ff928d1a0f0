package org.probono.clearinghouse.local.runner;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The event an SES receipt rule's Lambda action delivers for a received message: the message's headers
 * (parsed with Jakarta Mail, as SES parses them) and the receipt with its verdicts. SES gives no Java
 * event class; the shape is the one AWS documents for "Invoking Lambda functions" from receipt rules.
 */
final class SesReceiptEvent {
    /** The verdicts SES reports; each is PASS unless the caller says otherwise. */
    record Verdicts(String spf, String dkim, String spam, String virus, String dmarc) {
        static final List<String> VALUES = List.of("PASS", "FAIL", "GRAY", "PROCESSING_FAILED");
        static final Verdicts ALL_PASS = new Verdicts("PASS", "PASS", "PASS", "PASS", "PASS");

        /** From query parameters ({@code spf=FAIL}); an unknown value is an IllegalArgumentException naming it. */
        static Verdicts from(Map<String, String> query) {
            return new Verdicts(
                    value(query, "spf"),
                    value(query, "dkim"),
                    value(query, "spam"),
                    value(query, "virus"),
                    value(query, "dmarc"));
        }

        private static String value(Map<String, String> query, String name) {
            String value = query.getOrDefault(name, "PASS").strip().toUpperCase(Locale.ROOT);
            if (!VALUES.contains(value)) {
                throw new IllegalArgumentException(name + " must be one of " + String.join(", ", VALUES) + ".");
            }
            return value;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Session SESSION = Session.getInstance(new Properties());

    private SesReceiptEvent() {}

    static MimeMessage parse(byte[] raw) throws MessagingException {
        return new MimeMessage(SESSION, new ByteArrayInputStream(raw));
    }

    /** SES message ids are 40 lower-case letters and digits; the raw message is stored under this name. */
    static String newMessageId() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder id = new StringBuilder(40);
        for (int i = 0; i < 40; i++) id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        return id.toString();
    }

    /**
     * @param inboundDomain recipients on this domain are the ones the receipt rule matched
     */
    static ObjectNode of(
            MimeMessage message,
            String messageId,
            Verdicts verdicts,
            String functionArn,
            String inboundDomain,
            Instant receivedAt)
            throws MessagingException {
        String timestamp = DateTimeFormatter.ISO_INSTANT.format(receivedAt.truncatedTo(ChronoUnit.MILLIS));
        List<String> destination = new ArrayList<>();
        destination.addAll(bareAddresses(message.getRecipients(MimeMessage.RecipientType.TO)));
        destination.addAll(bareAddresses(message.getRecipients(MimeMessage.RecipientType.CC)));
        List<String> recipients = destination.stream()
                .filter(a -> a.toLowerCase(Locale.ROOT).endsWith("@" + inboundDomain.toLowerCase(Locale.ROOT))
                        || a.toLowerCase(Locale.ROOT).endsWith("." + inboundDomain.toLowerCase(Locale.ROOT)))
                .toList();
        if (recipients.isEmpty()) recipients = destination;

        ObjectNode event = RunnerJson.MAPPER.createObjectNode();
        ObjectNode record = event.putArray("Records").addObject();
        record.put("eventSource", "aws:ses");
        record.put("eventVersion", "1.0");
        ObjectNode ses = record.putObject("ses");

        ObjectNode mail = ses.putObject("mail");
        mail.put("timestamp", timestamp);
        mail.put("source", source(message));
        mail.put("messageId", messageId);
        strings(mail.putArray("destination"), destination);
        mail.put("headersTruncated", false);
        ArrayNode headers = mail.putArray("headers");
        for (Header header : Collections.list(message.getAllHeaders())) {
            headers.addObject()
                    .put("name", header.getName())
                    .put("value", MimeUtility.unfold(header.getValue()).strip());
        }
        ObjectNode common = mail.putObject("commonHeaders");
        String returnPath = message.getHeader("Return-Path", null);
        if (returnPath != null) common.put("returnPath", strip(returnPath));
        strings(common.putArray("from"), displayed(message.getFrom()));
        if (message.getHeader("Reply-To") != null) strings(common.putArray("replyTo"), displayed(message.getReplyTo()));
        strings(common.putArray("to"), displayed(message.getRecipients(MimeMessage.RecipientType.TO)));
        if (message.getRecipients(MimeMessage.RecipientType.CC) != null) {
            strings(common.putArray("cc"), displayed(message.getRecipients(MimeMessage.RecipientType.CC)));
        }
        if (message.getMessageID() != null) common.put("messageId", message.getMessageID());
        if (message.getSubject() != null) common.put("subject", message.getSubject());
        if (message.getHeader("Date", null) != null) common.put("date", message.getHeader("Date", null));

        ObjectNode receipt = ses.putObject("receipt");
        receipt.put("timestamp", timestamp);
        receipt.put("processingTimeMillis", 0);
        strings(receipt.putArray("recipients"), recipients);
        receipt.putObject("spamVerdict").put("status", verdicts.spam());
        receipt.putObject("virusVerdict").put("status", verdicts.virus());
        receipt.putObject("spfVerdict").put("status", verdicts.spf());
        receipt.putObject("dkimVerdict").put("status", verdicts.dkim());
        receipt.putObject("dmarcVerdict").put("status", verdicts.dmarc());
        ObjectNode action = receipt.putObject("action");
        action.put("type", "Lambda");
        action.put("functionArn", functionArn);
        action.put("invocationType", "Event");
        return event;
    }

    /** The envelope sender: Return-Path when the message has one, else the From address. */
    private static String source(MimeMessage message) throws MessagingException {
        String returnPath = message.getHeader("Return-Path", null);
        if (returnPath != null && !strip(returnPath).isEmpty()) return strip(returnPath);
        List<String> from = bareAddresses(message.getFrom());
        return from.isEmpty() ? "" : from.getFirst();
    }

    private static String strip(String returnPath) {
        return returnPath.strip().replaceAll("^<|>$", "");
    }

    private static List<String> bareAddresses(Address[] addresses) {
        List<String> bare = new ArrayList<>();
        if (addresses == null) return bare;
        for (Address address : addresses) {
            if (address instanceof InternetAddress internet && internet.getAddress() != null)
                bare.add(internet.getAddress());
        }
        return bare;
    }

    private static List<String> displayed(Address[] addresses) {
        List<String> shown = new ArrayList<>();
        if (addresses == null) return shown;
        for (Address address : addresses) {
            shown.add(address instanceof InternetAddress internet ? internet.toUnicodeString() : address.toString());
        }
        return shown;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    static boolean hasSender(MimeMessage message) {
        try {
            return message.getFrom() != null && message.getFrom().length > 0;
        } catch (AddressException e) {
            return false;
        } catch (MessagingException e) {
            return false;
        }
    }
}
