package org.probono.clearinghouse.desk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** desk queue, show, suggest, assign, withdraw, complete, close: AssignFunction's commands. */
final class Matters {
    private final Session session;

    Matters(Session session) {
        this.session = session;
    }

    void queue() {
        JsonNode answer = session.call(AdminFunction.ASSIGN, DeskJson.command("queue"));
        session.print(answer, () -> {
            List<JsonNode> items = list(answer.path("items"));
            if (items.isEmpty()) return "The queue is empty: no request is waiting for a lawyer.";
            Map<String, String> shortIds = ShortIds.abbreviations(
                    items.stream().map(item -> item.path("id").asText()).toList());
            Table table = new Table("ID", "STATUS", "DEADLINE", "CATEGORY", "ORGANISATION", "OFFERS", "TITLE");
            items.forEach(item -> table.row(
                    shortIds.get(item.path("id").asText()),
                    item.path("status").asText(),
                    session.times().time(item.path("deadline").asText(null)),
                    Labels.words(item.path("category").asText()),
                    Labels.text(
                            item.path("organisation"),
                            "name",
                            item.path("organisation").path("id").asText()),
                    offers(item.path("offers")),
                    item.path("title").asText()));
            return table.render();
        });
    }

    private String offers(JsonNode offers) {
        if (offers.isEmpty()) return "none";
        String firstDue = list(offers).stream()
                .map(offer -> offer.path("respondBy").asText())
                .sorted()
                .findFirst()
                .orElseThrow();
        return offers.size() + " pending, first due " + session.times().time(firstDue);
    }

    void show(List<String> words) {
        String requestId = requestId(one(words, "show", "REQUEST"));
        JsonNode answer =
                session.call(AdminFunction.ASSIGN, DeskJson.command("show").put("requestId", requestId));
        session.print(answer, () -> showText(answer));
    }

    private String showText(JsonNode r) {
        StringBuilder text = new StringBuilder();
        text.append("Request ")
                .append(r.path("id").asText())
                .append("  ")
                .append(r.path("status").asText())
                .append('\n');
        text.append("  ").append(r.path("title").asText()).append("\n\n");
        Table facts = new Table("", "");
        facts.row("Category", Labels.words(r.path("category").asText()));
        facts.row(
                "Organisation",
                Labels.text(r.path("organisation"), "name", "") + " ("
                        + r.path("organisation").path("id").asText() + ")");
        facts.row(
                "Jurisdiction",
                r.path("jurisdiction").asText() + ", language "
                        + r.path("language").asText());
        facts.row("Deadline", session.times().time(r.path("deadline").asText(null)));
        facts.row("Created", session.times().time(r.path("createdAt").asText()));
        List<String> counterparties =
                list(r.path("counterparties")).stream().map(JsonNode::asText).toList();
        facts.row("Counterparties", counterparties.isEmpty() ? "none" : String.join(", ", counterparties));
        if (r.path("lawyer").isObject()) {
            JsonNode lawyer = r.path("lawyer");
            facts.row(
                    "Lawyer",
                    Labels.text(lawyer, "name", "?")
                            + Labels.text(lawyer, "firm", "").transform(f -> f.isEmpty() ? "" : ", " + f) + " ("
                            + lawyer.path("id").asText() + ")");
        }
        text.append(facts.render().lines().skip(1).map(line -> "  " + line).reduce("", (a, b) -> a + b + "\n"));
        text.append("\nSummary\n")
                .append(r.path("summary")
                        .asText()
                        .lines()
                        .map(line -> "  " + line + "\n")
                        .reduce("", String::concat));
        List<JsonNode> offers = list(r.path("offers"));
        text.append("\nOffers\n");
        if (offers.isEmpty()) {
            text.append("  none yet\n");
        } else {
            Table table = new Table("LAWYER", "NAME", "STATE", "OFFERED", "RESPOND BY", "ANSWERED", "NOTE");
            Map<String, String> shortIds = ShortIds.abbreviations(
                    offers.stream().map(o -> o.path("lawyerId").asText()).toList());
            offers.forEach(o -> table.row(
                    shortIds.get(o.path("lawyerId").asText()),
                    Labels.text(o, "name", "?"),
                    o.path("status").asText(),
                    session.times().time(o.path("offeredAt").asText(null)),
                    session.times().time(o.path("respondBy").asText(null)),
                    o.path("answeredAt").isTextual()
                            ? session.times().time(o.path("answeredAt").asText())
                            : "",
                    Labels.text(o, "note", "")));
            text.append(indent(table.render()));
        }
        text.append("\nHistory\n");
        Table history = new Table("AT", "STATUS", "BY", "NOTE");
        list(r.path("history"))
                .forEach(h -> history.row(
                        session.times().time(h.path("at").asText()),
                        h.path("status").asText(),
                        Labels.text(h, "actor", ""),
                        Labels.text(h, "note", "")));
        text.append(history.isEmpty() ? "  none\n" : indent(history.render()));
        return text.toString();
    }

    void suggest(List<String> words, Optional<Integer> limit) {
        String requestId = requestId(one(words, "suggest", "REQUEST"));
        ObjectNode command = DeskJson.command("suggest").put("requestId", requestId);
        limit.ifPresent(n -> command.put("limit", n));
        JsonNode answer = session.call(AdminFunction.ASSIGN, command);
        session.print(answer, () -> {
            List<JsonNode> candidates = list(answer.path("candidates"));
            if (candidates.isEmpty())
                return "No lawyer can take this request now (conflicts, capacity, pauses and practice areas considered).";
            Map<String, String> shortIds = ShortIds.abbreviations(
                    candidates.stream().map(c -> c.path("lawyerId").asText()).toList());
            Table table = new Table("LAWYER", "NAME", "SCORE", "REASONS");
            candidates.forEach(c -> table.row(
                    shortIds.get(c.path("lawyerId").asText()),
                    c.path("name").asText(),
                    Labels.number(c.path("score")),
                    String.join(
                            "; ",
                            list(c.path("reasons")).stream()
                                    .map(JsonNode::asText)
                                    .toList())));
            return "Assign with: desk assign " + words.getFirst() + " LAWYER [LAWYER...]\n\n" + table.render();
        });
    }

    void assign(List<String> words, Optional<Integer> hours) {
        if (words.size() < 2)
            throw DeskFailure.usage(
                    "desk assign takes a request and one to three lawyers: desk assign REQUEST LAWYER [LAWYER...].");
        if (words.size() > 4) throw DeskFailure.usage("A request is offered to at most three lawyers at once.");
        String requestId = requestId(words.getFirst());
        List<String> given = words.subList(1, words.size());
        Map<String, String> names = new LinkedHashMap<>();
        if (!given.stream().allMatch(ShortIds::isWholeId)) {
            JsonNode suggestions = session.lookup(
                    AdminFunction.ASSIGN,
                    DeskJson.command("suggest").put("requestId", requestId).put("limit", 20));
            list(suggestions.path("candidates"))
                    .forEach(c -> names.put(
                            c.path("lawyerId").asText(), c.path("name").asText()));
        }
        List<String> lawyerIds = given.stream()
                .map(g -> ShortIds.resolve(g, names.keySet(), "suggested lawyer"))
                .toList();
        ObjectNode command =
                DeskJson.command("assign").put("requestId", requestId).put("assignedBy", session.actor());
        ArrayNode ids = command.putArray("lawyerIds");
        lawyerIds.forEach(ids::add);
        hours.ifPresent(h -> command.put("respondWithinHours", h));
        JsonNode answer = session.call(AdminFunction.ASSIGN, command);
        session.print(answer, () -> {
            Table table = new Table("LAWYER", "NAME", "RESPOND BY");
            list(answer.path("offers"))
                    .forEach(o -> table.row(
                            o.path("lawyerId").asText(),
                            names.getOrDefault(o.path("lawyerId").asText(), ""),
                            session.times().time(o.path("respondBy").asText())));
            return "Offered request " + requestId + " (" + answer.path("status").asText()
                    + "); each lawyer answers by replying to the offer email.\n\n" + table.render();
        });
    }

    void withdraw(List<String> words, Optional<String> reason) {
        if (words.size() != 2)
            throw DeskFailure.usage("desk withdraw takes a request and a lawyer: desk withdraw REQUEST LAWYER.");
        String requestId = requestId(words.getFirst());
        Map<String, String> names = new LinkedHashMap<>();
        if (!ShortIds.isWholeId(words.get(1))) {
            JsonNode shown = session.lookup(
                    AdminFunction.ASSIGN, DeskJson.command("show").put("requestId", requestId));
            list(shown.path("offers")).forEach(o -> names.put(o.path("lawyerId").asText(), Labels.text(o, "name", "")));
        }
        String lawyerId = ShortIds.resolve(words.get(1), names.keySet(), "offered lawyer");
        ObjectNode command = DeskJson.command("withdraw")
                .put("requestId", requestId)
                .put("lawyerId", lawyerId)
                .put("withdrawnBy", session.actor());
        reason.ifPresent(r -> command.put("reason", r));
        JsonNode answer = session.call(AdminFunction.ASSIGN, command);
        session.print(
                answer,
                () -> "Withdrew the offer to "
                        + names.getOrDefault(lawyerId, lawyerId).transform(n -> n.isEmpty() ? lawyerId : n)
                        + ". The request is " + answer.path("status").asText()
                        + (answer.path("status").asText().equals("SUBMITTED") ? ", back in the queue." : "."));
    }

    void complete(List<String> words, double hours, String outcome) {
        String requestId = requestId(one(words, "complete", "REQUEST"));
        ObjectNode command = DeskJson.command("complete")
                .put("requestId", requestId)
                .put("outcome", outcome)
                .put("hoursSpent", hours)
                .put("completedBy", session.actor());
        JsonNode answer = session.call(AdminFunction.ASSIGN, command);
        session.print(
                answer,
                () -> "Request " + requestId + " is " + answer.path("status").asText() + " with " + Labels.number(hours)
                        + " hours; the organisation is told and asked for feedback.");
    }

    void close(List<String> words, String reason) {
        String requestId = requestId(one(words, "close", "REQUEST"));
        ObjectNode command = DeskJson.command("close")
                .put("requestId", requestId)
                .put("reason", reason)
                .put("closedBy", session.actor());
        JsonNode answer = session.call(AdminFunction.ASSIGN, command);
        session.print(
                answer,
                () -> "Request " + requestId + " is " + answer.path("status").asText()
                        + "; its pending offers are withdrawn and the organisation is told why.");
    }

    /** A request's id from a whole id or a unique start of an open request's id (the queue). */
    private String requestId(String given) {
        if (ShortIds.isWholeId(given)) return given.strip();
        JsonNode queue = session.lookup(AdminFunction.ASSIGN, DeskJson.command("queue"));
        return ShortIds.resolve(
                given,
                list(queue.path("items")).stream()
                        .map(item -> item.path("id").asText())
                        .toList(),
                "open request");
    }

    private static String one(List<String> words, String command, String what) {
        if (words.size() != 1)
            throw DeskFailure.usage("desk " + command + " takes one " + what + ": desk " + command + " " + what + ".");
        return words.getFirst();
    }

    private static String indent(String text) {
        return text.lines().map(line -> "  " + line + "\n").reduce("", String::concat);
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
