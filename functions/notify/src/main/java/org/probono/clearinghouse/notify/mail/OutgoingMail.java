package org.probono.clearinghouse.notify.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

/**
 * One outgoing email as MIME (multipart/alternative: text, then HTML), built with Jakarta Mail so every
 * header is ours: Message-ID (derived from the outbox id, so a resend carries the same id and receivers
 * can drop the copy), Reply-To, and {@code Auto-Submitted: auto-generated} (RFC 3834: auto-responders
 * must not answer it, which breaks mail loops).
 */
public record OutgoingMail(
        String outboxId,
        String from,
        String fromName,
        String to,
        String replyTo,
        EmailTemplates.Rendered content,
        Instant date) {

    private static final Session SESSION = Session.getInstance(new Properties());

    /** {@code <outbox-<id>@<sender's domain>>}: ours, and the same for every attempt at one outbox item. */
    public String messageId() {
        return "<outbox-" + outboxId + "@" + from.substring(from.indexOf('@') + 1) + ">";
    }

    /** The raw RFC 5322 message: what SES v2 sends as Raw content. */
    public byte[] toMime() {
        try {
            String id = messageId();
            MimeMessage message = new MimeMessage(SESSION) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", id);
                }
            };
            message.setFrom(new InternetAddress(from, fromName, StandardCharsets.UTF_8.name()));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
            if (replyTo != null) message.setReplyTo(new InternetAddress[] {new InternetAddress(replyTo)});
            message.setSubject(content.subject(), StandardCharsets.UTF_8.name());
            message.setSentDate(Date.from(date));
            message.setHeader("Auto-Submitted", "auto-generated");
            message.setHeader("X-Auto-Response-Suppress", "All");
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(content.text(), StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(content.html(), StandardCharsets.UTF_8.name(), "html");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            message.setContent(alternative);
            message.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (UnsupportedEncodingException | MessagingException e) {
            throw new IllegalArgumentException("cannot build the email for outbox item " + outboxId, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
