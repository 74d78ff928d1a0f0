package org.probono.clearinghouse.notify.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.probono.clearinghouse.domain.EmailTemplate;
import org.probono.clearinghouse.domain.Language;
import org.probono.clearinghouse.local.backend.Template;
import org.probono.clearinghouse.notify.app.Outbox;
import org.probono.clearinghouse.testkit.TestJson;

/** A stream record's new image read as the outbox email it carries, with no table behind it. */
class StreamImageTest {
    private final TableOutbox outbox = new TableOutbox(null); // reading an image never touches the table

    private static JsonNode newImage() throws IOException {
        return TestJson.MAPPER
                .readTree(Files.readString(Template.repositoryRoot().resolve("events/notify-stream-outbox.json")))
                .path("Records")
                .path(0)
                .path("dynamodb")
                .path("NewImage");
    }

    @Test
    void the_event_files_new_image_reads_as_the_pending_email_it_holds() throws IOException {
        Outbox.Entry entry = outbox.entryOf(TestJson.tree(newImage()));

        assertThat(entry.message().id()).isEqualTo("0199f0a2-7c1e-7000-8000-000000000001");
        assertThat(entry.message().template()).isEqualTo(EmailTemplate.LAWYER_APPROVED);
        assertThat(entry.message().to()).isEqualTo("asha.rao@example.org");
        assertThat(entry.message().language()).isEqualTo(Language.EN);
        assertThat(entry.message().data()).isEqualTo(Map.of("name", "Asha Rao"));
        assertThat(entry.message().createdAt()).isEqualTo(Instant.parse("2026-11-28T10:15:30Z"));
        assertThat(entry.status()).isEqualTo(Outbox.Status.PENDING);
        assertThat(entry.version()).isEqualTo(1);
        assertThat(entry.resendOf()).isNull();
    }

    @Test
    void lists_and_a_resent_copys_origin_are_read_too() throws IOException {
        ObjectNode image = (ObjectNode) newImage();
        ((ObjectNode) image.path("data").path("M"))
                .putObject("counterparties")
                .putArray("L")
                .addObject()
                .put("S", "City Arts Trust");
        image.putObject(TableOutbox.RESEND_OF).put("S", "OB-OLD");

        Outbox.Entry entry = outbox.entryOf(TestJson.tree(image));

        assertThat(entry.message().data()).containsEntry("counterparties", java.util.List.of("City Arts Trust"));
        assertThat(entry.resendOf()).isEqualTo("OB-OLD");
    }

    @Test
    void an_image_of_another_item_is_refused() throws IOException {
        ObjectNode image = (ObjectNode) newImage();
        image.putObject("entity").put("S", "REQUEST");

        assertThatThrownBy(() -> outbox.entryOf(TestJson.tree(image))).isInstanceOf(IllegalArgumentException.class);
    }
}
