package org.probono.clearinghouse.notify.app;

import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The replies of src/test/resources/replies/corpus.txt as raw messages, each body wrapped in the layout
 * its client really sends: Gmail (text and HTML, {@code gmail_quote}, the header wrapped before the
 * address), Outlook desktop (HTML only, a bordered From block), Outlook on the web (underscores, then
 * From; {@code divRplyFwdMsg}), Apple Mail on an iPhone ("Sent from my iPhone", "&gt;" quote),
 * Thunderbird (format=flowed, "-- " signature, reply above or below the quote) and a delivery report;
 * quote headers and labels in the client's interface language.
 */
final class ReplyCorpus {
    record Reply(
            int number,
            String client,
            String language,
            String expected,
            String subject,
            List<String> headers,
            String from,
            String reason,
            String body) {
        String label() {
            return "#" + number + " " + client + " " + language + " " + expected;
        }
    }

    static final String TOKEN = "86B1FC9A75CB71C45B2492EC9C298C4816162251D62E0A946559BE6E";
    private static final String LAWYER = "asha.rao@example.org";
    private static final String SENDER = "clearinghouse@mail.clearinghouse.test";
    private static final String SUBJECT = "Re: Pro bono offer: Review of a muralist's contract";
    private static final List<String> OFFER = List.of(
            "Dear Asha Rao,",
            "A new pro bono matter is waiting for you: Review of a muralist's contract.",
            "To answer, reply to this email with ACCEPT or DECLINE as the first word.");
    private static final Pattern ENTRY = Pattern.compile("^=== (\\S+) (\\S+) (ACCEPT|DECLINE|UNCLEAR|AUTOMATIC)\\s*$");

    private ReplyCorpus() {}

    static List<Reply> replies() {
        List<Reply> replies = new ArrayList<>();
        String[] lines = resource("/replies/corpus.txt").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher entry = ENTRY.matcher(lines[i]);
            if (!entry.matches()) continue;
            String subject = SUBJECT;
            String from = LAWYER;
            String reason = null;
            List<String> headers = new ArrayList<>();
            List<String> body = new ArrayList<>();
            for (i++; i < lines.length && !lines[i].startsWith("=== "); i++) {
                String line = lines[i];
                if (line.startsWith("#")) continue;
                if (body.isEmpty() && line.startsWith("@subject: ")) subject = line.substring(10);
                else if (body.isEmpty() && line.startsWith("@header: ")) headers.add(line.substring(9));
                else if (body.isEmpty() && line.startsWith("@from: ")) from = line.substring(7);
                else if (body.isEmpty() && line.startsWith("@reason: ")) reason = line.substring(9);
                else body.add(line);
            }
            i--;
            replies.add(new Reply(
                    replies.size() + 1,
                    entry.group(1),
                    entry.group(2),
                    entry.group(3),
                    subject,
                    headers,
                    from,
                    reason,
                    String.join("\n", body).strip()));
        }
        return replies;
    }

    /** The raw message as the client sends it (CRLF line ends), or the .eml fixture itself. */
    static byte[] raw(Reply reply) {
        if (reply.client().equals("eml")) return resourceBytes("/eml/" + reply.language());
        String message = switch (reply.client()) {
            case "gmail" -> gmail(reply);
            case "outlook-desktop" -> outlookDesktop(reply);
            case "outlook-web" -> outlookWeb(reply);
            case "apple-mail" -> appleMail(reply);
            case "thunderbird" -> thunderbird(reply, false);
            case "thunderbird-bottom" -> thunderbird(reply, true);
            case "dsn" -> deliveryReport(reply);
            default -> throw new IllegalArgumentException("no layout for client " + reply.client());
        };
        return message.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String headers(Reply reply, String messageId, String mailer) {
        StringBuilder out = new StringBuilder();
        out.append("Return-Path: <").append(reply.from()).append(">\n");
        out.append("From: ")
                .append(reply.from().equals(LAWYER) ? "Asha Rao <" + LAWYER + ">" : reply.from())
                .append('\n');
        out.append("To: Pro Bono Clearinghouse <reply+").append(TOKEN).append("@reply.clearinghouse.test>\n");
        out.append("Subject: ").append(encodeWord(reply.subject())).append('\n');
        out.append("Date: Sat, 28 Nov 2026 16:05:00 +0530\n");
        out.append("Message-ID: <").append(messageId).append(reply.number()).append("@corpus.example>\n");
        out.append("In-Reply-To: <outbox-0199f0a2@mail.clearinghouse.test>\n");
        if (mailer != null) out.append(mailer).append('\n');
        for (String header : reply.headers()) out.append(header).append('\n');
        out.append("MIME-Version: 1.0\n");
        return out.toString();
    }

    private static String gmail(Reply reply) {
        String header = switch (reply.language()) {
            case "hi" -> "शनि, 28 नव॰ 2026 को 10:15 am बजे Pro Bono Clearinghouse <\n" + SENDER + "> ने लिखा:";
            case "bn" -> "শনি, ২৮ নভে, ২০২৬ তারিখে ১০:১৫ AM টায় Pro Bono Clearinghouse <\n" + SENDER + "> লিখেছেন:";
            default -> "On Sat, 28 Nov 2026 at 10:15, Pro Bono Clearinghouse <\n" + SENDER + "> wrote:";
        };
        String text = reply.body() + "\n\n" + header + "\n\n" + quoted(OFFER) + ">\n";
        StringBuilder html = new StringBuilder("<div dir=\"ltr\">");
        for (String line : reply.body().split("\n", -1))
            html.append(line.isBlank() ? "<div><br></div>" : "<div>" + escape(line) + "</div>");
        html.append("</div><br><div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">")
                .append(escape(header.replace("<\n", "<")))
                .append("<br></div><blockquote class=\"gmail_quote\" style=\"margin:0px 0px 0px 0.8ex;"
                        + "border-left:1px solid rgb(204,204,204);padding-left:1ex\">")
                .append(String.join(
                        "<br>", OFFER.stream().map(ReplyCorpus::escape).toList()))
                .append("</blockquote></div>\n");
        return headers(reply, "CAGmail-", null)
                + "Content-Type: multipart/alternative; boundary=\"000000000000a1b2c3\"\n\n"
                + "--000000000000a1b2c3\nContent-Type: text/plain; charset=\"UTF-8\"\nContent-Transfer-Encoding: quoted-printable\n\n"
                + quotedPrintable(text) + "\n"
                + "--000000000000a1b2c3\nContent-Type: text/html; charset=\"UTF-8\"\nContent-Transfer-Encoding: quoted-printable\n\n"
                + quotedPrintable(html.toString()) + "\n--000000000000a1b2c3--\n";
    }

    private static String outlookDesktop(Reply reply) {
        Map<String, String> labels = outlookLabels(reply.language());
        StringBuilder html = new StringBuilder(
                "<html xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" "
                        + "xmlns:w=\"urn:schemas-microsoft-com:office:word\" xmlns=\"http://www.w3.org/TR/REC-html40\"><head>"
                        + "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"><meta name=\"Generator\" content=\"Microsoft Word 15 (filtered medium)\">"
                        + "<style><!--\np.MsoNormal, li.MsoNormal, div.MsoNormal {margin:0cm;font-size:11.0pt;font-family:\"Calibri\",sans-serif;}\n--></style>"
                        + "</head><body lang=\"EN-IN\" link=\"#0563C1\" vlink=\"#954F72\" style=\"word-wrap:break-word\"><div class=\"WordSection1\">\n");
        for (String line : reply.body().split("\n", -1)) {
            html.append(
                    line.isBlank()
                            ? "<p class=\"MsoNormal\"><o:p>&nbsp;</o:p></p>\n"
                            : "<p class=\"MsoNormal\">" + escape(line) + "<o:p></o:p></p>\n");
        }
        html.append(
                        "<p class=\"MsoNormal\"><o:p>&nbsp;</o:p></p>\n<div style=\"border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm\">"
                                + "<p class=\"MsoNormal\"><b><span lang=\"EN-US\">")
                .append(labels.get("from"))
                .append(":</span></b><span lang=\"EN-US\"> Pro Bono Clearinghouse &lt;")
                .append(SENDER)
                .append("&gt; <br><b>")
                .append(labels.get("sent"))
                .append(":</b> Saturday, November 28, 2026 10:15 AM<br><b>")
                .append(labels.get("to"))
                .append(":</b> Asha Rao &lt;")
                .append(LAWYER)
                .append("&gt;<br><b>")
                .append(labels.get("subject"))
                .append(
                        ":</b> Pro bono offer: Review of a muralist's contract<o:p></o:p></span></p></div>\n<p class=\"MsoNormal\"><o:p>&nbsp;</o:p></p>\n");
        for (String line : OFFER)
            html.append("<p class=\"MsoNormal\">").append(escape(line)).append("<o:p></o:p></p>\n");
        html.append("</div></body></html>\n");
        return headers(reply, "PN3PR01MB-", "X-Mailer: Microsoft Outlook 16.0\nThread-Index: AQHZ" + reply.number())
                + "Content-Type: text/html; charset=\"utf-8\"\nContent-Transfer-Encoding: quoted-printable\n\n"
                + quotedPrintable(html.toString());
    }

    private static String outlookWeb(Reply reply) {
        Map<String, String> labels = outlookLabels(reply.language());
        String block = labels.get("from") + ": Pro Bono Clearinghouse <" + SENDER + ">\n" + labels.get("sent")
                + ": Saturday, November 28, 2026 10:15\n" + labels.get("to") + ": Asha Rao <" + LAWYER + ">\n"
                + labels.get("subject") + ": Pro bono offer: Review of a muralist's contract\n";
        String text = reply.body() + "\n\n________________________________\n" + block + "\n" + String.join("\n", OFFER)
                + "\n";
        StringBuilder html = new StringBuilder(
                "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">"
                        + "<style type=\"text/css\" style=\"display:none;\"> P {margin-top:0;margin-bottom:0;} </style></head><body dir=\"ltr\">\n");
        for (String line : reply.body().split("\n", -1)) {
            html.append(
                            "<div class=\"elementToProof\" style=\"font-family: Aptos, Calibri, sans-serif; font-size: 12pt;\">")
                    .append(line.isBlank() ? "<br>" : escape(line))
                    .append("</div>\n");
        }
        html.append(
                        "<div id=\"appendonsend\"></div>\n<hr style=\"display:inline-block;width:98%\" tabindex=\"-1\">\n<div id=\"divRplyFwdMsg\" dir=\"ltr\">"
                                + "<font face=\"Calibri, sans-serif\" style=\"font-size:11pt\" color=\"#000000\">")
                .append(escape(block).replace("\n", "<br>"))
                .append("</font><div>&nbsp;</div></div>\n<div>")
                .append(String.join(
                        "<br>", OFFER.stream().map(ReplyCorpus::escape).toList()))
                .append("</div>\n</body></html>\n");
        return headers(reply, "PN2P287MB-", null)
                + "Content-Type: multipart/alternative; boundary=\"_000_PN2P287MB_\"\n\n"
                + "--_000_PN2P287MB_\nContent-Type: text/plain; charset=\"utf-8\"\nContent-Transfer-Encoding: base64\n\n"
                + base64(text)
                + "--_000_PN2P287MB_\nContent-Type: text/html; charset=\"utf-8\"\nContent-Transfer-Encoding: quoted-printable\n\n"
                + quotedPrintable(html.toString()) + "\n--_000_PN2P287MB_--\n";
    }

    private static Map<String, String> outlookLabels(String language) {
        return switch (language) {
            case "hi" -> Map.of("from", "प्रेषक", "sent", "भेजा गया", "to", "प्रति", "subject", "विषय");
            case "bn" -> Map.of("from", "থেকে", "sent", "পাঠানো হয়েছে", "to", "প্রতি", "subject", "বিষয়");
            default -> Map.of("from", "From", "sent", "Sent", "to", "To", "subject", "Subject");
        };
    }

    private static String appleMail(Reply reply) {
        String sentFrom = switch (reply.language()) {
            case "hi" -> "मेरे iPhone से भेजा गया";
            case "bn" -> "আমার iPhone থেকে পাঠানো";
            default -> "Sent from my iPhone";
        };
        String header = switch (reply.language()) {
            case "hi" -> "28 नव॰ 2026 को 10:15 am बजे, Pro Bono Clearinghouse <" + SENDER + "> ने यह लिखा:";
            case "bn" -> "২৮ নভে, ২০২৬ ১০:১৫ AM এ, Pro Bono Clearinghouse <" + SENDER + "> লিখেছেন:";
            default -> "On 28 Nov 2026, at 10:15, Pro Bono Clearinghouse <" + SENDER + "> wrote:";
        };
        String text = reply.body() + "\n\n" + sentFrom + "\n\n> " + header + "\n> \n" + quoted(OFFER);
        return headers(reply, "5A1C2E3F-", "X-Mailer: iPhone Mail (22A3354)")
                + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
                + quotedPrintable(text);
    }

    private static String thunderbird(Reply reply, boolean below) {
        String header = switch (reply.language()) {
            case "hi" -> "28/11/26 10:15 am पर, Pro Bono Clearinghouse ने लिखा:";
            case "bn" -> "২৮/১১/২৬ ১০:১৫ AM এ, Pro Bono Clearinghouse লিখেছেন:";
            default -> "On 28/11/26 10:15 am, Pro Bono Clearinghouse wrote:";
        };
        String signature = "-- \nAsha Rao\nRao & Sen, Kolkata\n";
        String text = below
                ? header + "\n" + quoted(OFFER) + "\n" + reply.body() + "\n\n" + signature
                : reply.body() + "\n\n" + signature + "\n" + header + "\n" + quoted(OFFER);
        return headers(reply, "a1b2c3d4-tb-", "User-Agent: Mozilla Thunderbird\nContent-Language: " + reply.language())
                + "Content-Type: text/plain; charset=UTF-8; format=flowed\nContent-Transfer-Encoding: base64\n\n"
                + base64(text);
    }

    private static String deliveryReport(Reply reply) {
        Reply daemon = new Reply(
                reply.number(),
                reply.client(),
                reply.language(),
                reply.expected(),
                "Delivery Status Notification (Failure)",
                reply.headers(),
                "Mail Delivery Subsystem <mailer-daemon@googlemail.com>",
                null,
                reply.body());
        return headers(daemon, "dsn-", null)
                        .replace(
                                "Return-Path: <Mail Delivery Subsystem <mailer-daemon@googlemail.com>>",
                                "Return-Path: <>")
                + "Content-Type: multipart/report; boundary=\"0000dsn\"; report-type=delivery-status\n\n"
                + "--0000dsn\nContent-Type: text/plain; charset=\"UTF-8\"\n\n" + reply.body() + "\n\n"
                + "--0000dsn\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; googlemail.com\n\n"
                + "Final-Recipient: rfc822; asha.rao@example.org\nAction: failed\nStatus: 5.1.1\n\n"
                + "--0000dsn\nContent-Type: message/rfc822\n\nFrom: Pro Bono Clearinghouse <" + SENDER
                + ">\nSubject: Pro bono offer\n\n"
                + String.join("\n", OFFER) + "\n\n--0000dsn--\n";
    }

    private static String quoted(List<String> lines) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) out.append("> ").append(line).append('\n');
        return out.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static String encodeWord(String subject) {
        try {
            return MimeUtility.encodeText(subject, "UTF-8", "B");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quotedPrintable(String text) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (OutputStream out = MimeUtility.encode(bytes, "quoted-printable")) {
                out.write(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            return bytes.toString(StandardCharsets.US_ASCII);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(String text) {
        return Base64.getMimeEncoder(76, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8))
                + "\n";
    }

    private static String resource(String name) {
        return new String(resourceBytes(name), StandardCharsets.UTF_8);
    }

    private static byte[] resourceBytes(String name) {
        try (InputStream in = ReplyCorpus.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalArgumentException("no resource " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
