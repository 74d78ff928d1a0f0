package org.probono.clearinghouse.desk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** desk emails --pending, desk resend: NotifyFunction's commands for emails that failed. */
final class Emails {
    static final int DEFAULT_OLDER_THAN = 15;
    private final Session session;

    Emails(Session session) {
        this.session = session;
    }

    void pending(Optional<Integer> olderThan) {
        int minutes = olderThan.orElse(DEFAULT_OLDER_THAN);
        JsonNode answer = session.call(
                AdminFunction.NOTIFY, DeskJson.command("pending-emails").put("olderThanMinutes", minutes));
        session.print(answer, () -> {
            List<JsonNode> items = Matters.list(answer.path("items"));
            if (items.isEmpty()) return "No email older than " + minutes + " minutes is waiting to be sent.";
            Map<String, String> shortIds = ShortIds.abbreviations(
                    items.stream().map(item -> item.path("id").asText()).toList());
            Table table = new Table("ID", "TEMPLATE", "TO", "CREATED", "RESEND OF");
            items.forEach(item -> table.row(
                    shortIds.get(item.path("id").asText()),
                    item.path("template").asText(),
                    item.path("to").asText(),
                    session.times().time(item.path("createdAt").asText()),
                    Labels.text(item, "resendOf", "")));
            return table.render()
                    + "\nResend one with: desk resend ID (only once the stream has given up on it: docs/operations.md).";
        });
    }

    void resend(List<String> words) {
        if (words.size() != 1) throw DeskFailure.usage("desk resend takes one email id: desk resend EMAIL.");
        String outboxId = words.getFirst();
        if (!ShortIds.isWholeId(outboxId)) {
            JsonNode pending = session.lookup(
                    AdminFunction.NOTIFY, DeskJson.command("pending-emails").put("olderThanMinutes", 0));
            outboxId = ShortIds.resolve(
                    outboxId,
                    Matters.list(pending.path("items")).stream()
                            .map(item -> item.path("id").asText())
                            .toList(),
                    "pending email");
        }
        ObjectNode command = DeskJson.command("resend").put("outboxId", outboxId);
        JsonNode answer = session.call(AdminFunction.NOTIFY, command);
        String old = outboxId;
        session.print(
                answer,
                () -> "Email " + old + " is queued again as "
                        + answer.path("outboxId").asText() + "; it goes out within a minute.");
    }
}
