package org.probono.clearinghouse.notify.mail;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;

/**
 * A received email, parsed with Jakarta Mail (Angus): the sender, its Message-ID, its MIME type and the
 * headers that mark automatic mail, and its body as plain text (quoted-printable and base64 decoded) (the text part, or the HTML part turned into text with
 * jsoup, with quoted blocks removed first so the reply's own words come first).
 */
public record InboundMessage(
        String from, String messageId, String subject, String contentType, Map<String, String> headers, String text) {
    private static final Session SESSION = Session.getInstance(new Properties());
    private static final List<String> HEADERS_KEPT =
            List.of("Auto-Submitted", "X-Autoreply", "X-Autorespond", "Precedence", "Return-Path");
    private static final String LINE_MARK = "@@line@@";

    public static InboundMessage parse(byte[] raw) {
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            Address[] from = message.getFrom();
            String sender = from != null && from.length > 0 && from[0] instanceof InternetAddress address
                    ? address.getAddress().strip().toLowerCase(Locale.ROOT)
                    : null;
            Map<String, String> headers = new LinkedHashMap<>();
            for (String name : HEADERS_KEPT) {
                String value = message.getHeader(name, ",");
                if (value != null) headers.put(name.toLowerCase(Locale.ROOT), value.strip());
            }
            Bodies bodies = new Bodies();
            bodies.collect(message);
            // Some clients send an empty text part beside the HTML that holds the words.
            String text = bodies.text != null && !bodies.text.isBlank()
                    ? bodies.text
                    : bodies.html != null ? htmlToText(bodies.html) : "";
            String contentType = baseType(message.getContentType());
            return new InboundMessage(
                    sender, message.getMessageID(), message.getSubject(), contentType, Map.copyOf(headers), text);
        } catch (MessagingException | IOException e) {
            throw new IllegalArgumentException("not a readable email", e);
        }
    }

    /** The MIME type without parameters, lower-cased; a garbled one reads as text/plain, as RFC 2045 says. */
    private static String baseType(String contentType) {
        try {
            return new ContentType(contentType).getBaseType().toLowerCase(Locale.ROOT);
        } catch (ParseException | NullPointerException e) {
            return "text/plain";
        }
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /**
     * HTML to text: quoted blocks that mail clients mark (Gmail's {@code gmail_quote}, Apple Mail's and
     * Thunderbird's {@code blockquote type=cite}, Outlook web's {@code divRplyFwdMsg} and the rest after
     * it, signatures) are removed; block elements become line breaks.
     */
    static String htmlToText(String html) {
        Document document = Jsoup.parse(html);
        document.outputSettings(new Document.OutputSettings().prettyPrint(false));
        document.select(".gmail_quote, .gmail_signature, blockquote, #divRplyFwdMsg ~ *, #divRplyFwdMsg,"
                        + " #appendonsend ~ *, .moz-cite-prefix, .moz-signature, #Signature")
                .remove();
        document.select("br").after(LINE_MARK);
        document.select("p, div, li, tr, h1, h2, h3, h4, pre").before(LINE_MARK);
        String marked = document.body() == null ? "" : document.body().html().replace(LINE_MARK, "\n");
        String text = Parser.unescapeEntities(
                Jsoup.clean(marked, "", Safelist.none(), new Document.OutputSettings().prettyPrint(false)), false);
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n"))
            out.append(line.replace('\u00a0', ' ').strip()).append('\n');
        return out.toString().replaceAll("\n{3,}", "\n\n").strip();
    }

    /** The first text/plain and text/html parts that are not attachments. */
    private static final class Bodies {
        String text;
        String html;

        void collect(Part part) throws MessagingException, IOException {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) return;
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child);
                }
            } else if (part.isMimeType("text/plain") && text == null) {
                text = String.valueOf(part.getContent());
            } else if (part.isMimeType("text/html") && html == null) {
                html = String.valueOf(part.getContent());
            }
        }
    }
}
