package org.probono.clearinghouse.notify.handler;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.probono.clearinghouse.domain.Category;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.LegalRequest;
import org.probono.clearinghouse.domain.OutboxMessage;
import org.probono.clearinghouse.domain.RequestStatus;
import org.probono.clearinghouse.impact.Tally;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.LocalAwsExtension;
import org.probono.clearinghouse.notify.app.Outbox;
import org.probono.clearinghouse.notify.app.OutboxDelivery;
import org.probono.clearinghouse.notify.wiring.Wiring;
import org.probono.clearinghouse.store.OutboxItems;
import org.probono.clearinghouse.store.RunningTotals;
import org.probono.clearinghouse.store.Store;
import org.probono.clearinghouse.store.Transaction;

@ExtendWith(LocalAwsExtension.class)
class ImpactReportMailTest {

    @Test
    void the_monthly_report_email_has_the_figures_an_inline_chart_and_a_csv_row_per_request(LocalAws aws)
            throws Exception {
        Store store = new Store(aws.dynamoDb(), aws.tableName(), Clock.systemUTC());
        RunningTotals totals = new RunningTotals(ZoneId.of("Asia/Kolkata"));
        LegalRequest open = request("R-OPEN", "आश्रय के किराये का अनुबंध", "2026-11-03T05:00:00Z");
        LegalRequest done = request("R-DONE", "Muralist's contract", "2026-11-12T05:00:00Z")
                .offered()
                .acceptedBy("L-1")
                .completed(new LegalRequest.Completion("Signed", 6.5), Instant.parse("2026-11-20T05:00:00Z"));
        Transaction transaction = new Transaction();
        totals.count(transaction, new Tally.Received(open));
        commit(store, transaction);
        transaction = new Transaction();
        totals.count(transaction, new Tally.Received(done));
        commit(store, transaction);
        transaction = new Transaction();
        totals.count(transaction, new Tally.Accepted(done, Instant.parse("2026-11-12T09:00:00Z")));
        commit(store, transaction);
        transaction = new Transaction();
        totals.count(transaction, new Tally.Completed(done));
        commit(store, transaction);
        OutboxMessage message = OutboxMessage.toTeam(
                "01900000-0000-7000-8000-00000000a001",
                EmailTemplate.ADMIN_IMPACT_REPORT,
                "team@clearinghouse.test",
                Map.of("month", "2026-11", "from", "2026-11-01", "to", "2026-11-30"),
                Instant.parse("2026-12-01T02:30:00Z"));
        commit(store, new Transaction().create(OutboxItems.toItem(message)));
        Wiring wiring = NotifyTestKit.wiring(aws, aws.sesV2(), NotifyTestKit.NO_REPLIES);

        assertThat(wiring.outbox().get().deliver(new Outbox.Entry(message, Outbox.Status.PENDING, 1, null)))
                .isInstanceOf(OutboxDelivery.Delivery.Sent.class);

        MimeMessage sent = NotifyTestKit.rawSent(aws).getLast();
        assertThat(sent.getSubject()).isEqualTo("Impact report 2026-11: requests 2, placed 1, hours donated 6.5");
        List<Part> parts = new ArrayList<>();
        flatten(sent, parts);
        Part csv = parts.stream()
                .filter(p -> "impact-report-2026-11.csv".equals(fileName(p)))
                .findFirst()
                .orElseThrow();
        assertThat(csv.getContentType()).startsWith("text/csv");
        assertThat(csv.getDisposition()).isEqualTo(Part.ATTACHMENT);
        String table = new String(csv.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<String> lines = table.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("requestId,createdAt,category,jurisdiction,title,organisationId");
        assertThat(lines.get(1))
                .startsWith("R-OPEN,2026-11-03T05:00:00Z,EMPLOYMENT,IN-WB,")
                .contains("आश्रय के किराये का अनुबंध");
        assertThat(lines.get(2)).startsWith("R-DONE,").contains(",COMPLETED,").contains(",6.5,");
        assertThat(table).doesNotContain("Summary").doesNotContain("CONFIDENTIAL");

        Part chart =
                parts.stream().filter(p -> isMime(p, "image/png")).findFirst().orElseThrow();
        assertThat(((jakarta.mail.internet.MimeBodyPart) chart).getContentID()).isEqualTo("<impact-chart>");
        BufferedImage image =
                ImageIO.read(new ByteArrayInputStream(chart.getInputStream().readAllBytes()));
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(240);

        String html = parts.stream()
                .filter(p -> isMime(p, "text/html"))
                .findFirst()
                .map(ImpactReportMailTest::text)
                .orElseThrow();
        assertThat(html)
                .contains("cid:impact-chart")
                .contains("<b>2</b>")
                .contains("6.5")
                .contains("<td>1 Nov–7 Nov</td><td>1</td><td>0</td>");
        String text = parts.stream()
                .filter(p -> isMime(p, "text/plain"))
                .findFirst()
                .map(ImpactReportMailTest::text)
                .orElseThrow();
        assertThat(text)
                .contains("Requests: 2 received, 1 placed with a lawyer, 1 completed")
                .contains("- 1 Nov–7 Nov: 1 / 0")
                .contains("- 8 Nov–14 Nov: 1 / 1")
                .contains("- 29 Nov–30 Nov: 0 / 0")
                .contains("- EMPLOYMENT: 1 / 0 / 0")
                .contains("- CONTRACT_REVIEW: 1 / 1 / 6.5");
    }

    private static LegalRequest request(String id, String title, String createdAt) {
        Category category = id.equals("R-OPEN") ? Category.EMPLOYMENT : Category.CONTRACT_REVIEW;
        return new LegalRequest(
                id,
                "ORG-1",
                RequestStatus.SUBMITTED,
                category,
                title,
                "Summary never in the CSV",
                "CONFIDENTIAL-SEALED",
                "IN-WB",
                "en",
                null,
                List.of(),
                Instant.parse(createdAt),
                null,
                1);
    }

    private static void commit(Store store, Transaction transaction) {
        assertThat(store.commit(transaction).committed()).isTrue();
    }

    private static void flatten(Part part, List<Part> into) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                flatten(child, into);
            }
        } else {
            into.add(part);
        }
    }

    /** A body part of this type (an attachment or inline file has a disposition; the text and HTML do not). */
    private static boolean isMime(Part part, String type) {
        try {
            return part.isMimeType(type) && (part.getDisposition() == null || type.startsWith("image/"));
        } catch (Exception e) {
            return false;
        }
    }

    private static String fileName(Part part) {
        try {
            return part.getFileName();
        } catch (Exception e) {
            return null;
        }
    }

    private static String text(Part part) {
        try {
            return (String) part.getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
