package org.probono.clearinghouse.desk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** desk pending, approve, reject: RegisterFunction's review commands. */
final class Registrations {
    private static final Set<String> KINDS = Set.of("organisation", "lawyer");
    private final Session session;

    Registrations(Session session) {
        this.session = session;
    }

    void pending() {
        JsonNode answer = session.call(AdminFunction.REGISTER, DeskJson.command("list-pending"));
        session.print(answer, () -> {
            List<JsonNode> items = items(answer);
            if (items.isEmpty()) return "No registration is waiting for review.";
            Map<String, String> shortIds = ShortIds.abbreviations(
                    items.stream().map(item -> item.path("id").asText()).toList());
            Table table = new Table("ID", "KIND", "NAME", "EMAIL", "REGISTERED");
            items.forEach(item -> table.row(
                    shortIds.get(item.path("id").asText()),
                    item.path("kind").asText(),
                    item.path("name").asText(),
                    item.path("email").asText(),
                    session.times().time(item.path("createdAt").asText())));
            return table.render();
        });
    }

    /** approve [organisation|lawyer] ID */
    void approve(List<String> words) {
        Decision decision = decision("approve", words);
        ObjectNode command = DeskJson.command("approve")
                .put("kind", decision.kind())
                .put("id", decision.id())
                .put("reviewedBy", session.actor());
        JsonNode answer = session.call(AdminFunction.REGISTER, command);
        session.print(
                answer,
                () -> "Approved " + decision.kind() + " " + decision.describe() + ". "
                        + (decision.kind().equals("organisation")
                                ? "Its access token is on its way to the contact by email."
                                : "They can be offered matters now."));
    }

    void reject(List<String> words, String reason) {
        Decision decision = decision("reject", words);
        ObjectNode command = DeskJson.command("reject")
                .put("kind", decision.kind())
                .put("id", decision.id())
                .put("reviewedBy", session.actor())
                .put("reason", reason);
        JsonNode answer = session.call(AdminFunction.REGISTER, command);
        session.print(
                answer,
                () -> "Rejected " + decision.kind() + " " + decision.describe()
                        + ". They are told why by email, and the address may register again.");
    }

    private record Decision(String kind, String id, Optional<String> name) {
        String describe() {
            return name.map(n -> n + " (" + id + ")").orElse(id);
        }
    }

    private Decision decision(String verb, List<String> words) {
        Optional<String> kind =
                words.isEmpty() || !KINDS.contains(words.getFirst()) ? Optional.empty() : Optional.of(words.getFirst());
        List<String> ids = kind.isPresent() ? words.subList(1, words.size()) : words;
        if (ids.size() != 1)
            throw DeskFailure.usage(
                    "desk " + verb + " takes one registration id, such as desk " + verb + " lawyer 0193c5a0.");
        List<JsonNode> pending = items(session.lookup(AdminFunction.REGISTER, DeskJson.command("list-pending")));
        List<String> pool = new ArrayList<>(
                pending.stream().map(item -> item.path("id").asText()).toList());
        String id = ShortIds.resolve(ids.getFirst(), pool, "pending registration");
        Optional<JsonNode> entry = pending.stream()
                .filter(item -> item.path("id").asText().equals(id))
                .findFirst();
        String resolvedKind = kind.or(() -> entry.map(item -> item.path("kind").asText()))
                .orElseThrow(() -> DeskFailure.usage(id + " is not waiting for review; say which it is: desk " + verb
                        + " organisation|lawyer " + id + "."));
        return new Decision(
                resolvedKind, id, entry.map(item -> item.path("name").asText()));
    }

    private static List<JsonNode> items(JsonNode answer) {
        List<JsonNode> items = new ArrayList<>();
        answer.path("items").forEach(items::add);
        return items;
    }
}
