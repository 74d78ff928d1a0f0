package org.probono.clearinghouse.notify.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * One outgoing email as MIME (multipart/alternative: text, then HTML), built with Jakarta Mail so every
 * header is ours: Message-ID (derived from the outbox id, so a resend carries the same id and receivers
 * can drop the copy), Reply-To, and {@code Auto-Submitted: auto-generated} (RFC 3834: auto-responders
 * must not answer it, which breaks mail loops). With attachments: multipart/mixed holding
 * multipart/related (the alternative parts and the images the HTML shows inline) and the files.
 */
public record OutgoingMail(
        String outboxId,
        String from,
        String fromName,
        String to,
        String replyTo,
        EmailTemplates.Rendered content,
        Instant date,
        List<Attachment> attachments) {

    public OutgoingMail {
        attachments = List.copyOf(attachments);
    }

    /** An email with no attachments: every email but the team's report. */
    public OutgoingMail(
            String outboxId,
            String from,
            String fromName,
            String to,
            String replyTo,
            EmailTemplates.Rendered content,
            Instant date) {
        this(outboxId, from, fromName, to, replyTo, content, date, List.of());
    }

    /**
     * No mail session: building a message reads none of its properties that an empty session would not default
     * the same way, and a session loads every transport and store provider (IMAP, POP3, SMTP) at first use,
     * about 20 ms of the first delivery's cold start.
     */
    private static final Session NO_SESSION = null;

    /** {@code <outbox-<id>@<sender's domain>>}: ours, and the same for every attempt at one outbox item. */
    public String messageId() {
        return "<outbox-" + outboxId + "@" + from.substring(from.indexOf('@') + 1) + ">";
    }

    private MimeMultipart withAttachments(MimeMultipart alternative) throws MessagingException {
        MimeMultipart related = new MimeMultipart("related");
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        related.addBodyPart(body);
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart relatedPart = new MimeBodyPart();
        relatedPart.setContent(related);
        mixed.addBodyPart(relatedPart);
        for (Attachment attachment : attachments) {
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(
                    new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
            part.setFileName(attachment.fileName());
            if (attachment.isInline()) {
                part.setDisposition(Part.INLINE);
                part.setContentID("<" + attachment.contentId() + ">");
                related.addBodyPart(part);
            } else {
                part.setDisposition(Part.ATTACHMENT);
                mixed.addBodyPart(part);
            }
        }
        return mixed;
    }

    /** The raw RFC 5322 message: what SES v2 sends as Raw content. */
    public byte[] toMime() {
        try {
            String id = messageId();
            MimeMessage message = new MimeMessage(NO_SESSION) {
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
            message.setContent(attachments.isEmpty() ? alternative : withAttachments(alternative));
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
