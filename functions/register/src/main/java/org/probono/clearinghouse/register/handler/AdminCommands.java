package org.probono.clearinghouse.register.handler;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.probono.clearinghouse.domain.ProfileKind;
import org.probono.clearinghouse.events.AdminError;
import org.probono.clearinghouse.json.Json;
import org.probono.clearinghouse.register.app.Reviews;
import org.probono.clearinghouse.register.app.SubjectRights;

/**
 * The team's commands by direct invocation. Every answer is a JSON object: the result, or
 * {@code {"error":{...}}} for a bad command, an unknown id or a registration in the wrong state; never a
 * stack trace.
 */
final class AdminCommands {
    static final int ID_MAX = 100;
    static final int REVIEWER_MAX = 120;
    static final int REASON_MAX = 1000;
    private static final Set<String> LIST_FIELDS = Set.of("command");
    private static final Set<String> APPROVE_FIELDS = Set.of("command", "kind", "id", "reviewedBy");
    private static final Set<String> REJECT_FIELDS = Set.of("command", "kind", "id", "reviewedBy", "reason");
    private static final Set<String> REISSUE_FIELDS = Set.of("command", "id", "reviewedBy", "reason");

    static final int EMAIL_MAX = 254;
    private static final Set<String> EXPORT_FIELDS = Set.of("command", "email");
    private static final Set<String> ERASE_FIELDS = Set.of("command", "email", "requestedBy", "reason");

    private final Reviews reviews;
    private final SubjectRights subjects;

    AdminCommands(Reviews reviews, SubjectRights subjects) {
        this.reviews = reviews;
        this.subjects = subjects;
    }

    /** An unexpected failure becomes a 500 error object in {@code Invocation.run}, never a stack trace. */
    Object handle(JsonNode command) {
        return switch (command.path("command").asText()) {
            case "list-pending" -> checked(command, LIST_FIELDS).orElseGet(() -> Map.of("items", reviews.listPending()));
            case "approve" -> review(command, APPROVE_FIELDS, false);
            case "reject" -> review(command, REJECT_FIELDS, true);
            case "reissue-token" -> reissueToken(command);
            case "export-subject" -> exportSubject(command);
            case "erase-subject" -> eraseSubject(command);
            default -> AdminError.badCommand("Unknown command " + Json.write(command.path("command").asText())
                    + "; RegisterFunction takes list-pending, approve, reject, reissue-token, export-subject and erase-subject.");
        };
    }

    private Object review(JsonNode command, Set<String> fields, boolean rejecting) {
        Optional<Object> unknown = checked(command, fields);
        if (unknown.isPresent()) return unknown.get();
        List<String> problems = new ArrayList<>();
        String kindWord = text(command, "kind", 20, problems);
        Optional<ProfileKind> kind = Optional.ofNullable(kindWord).flatMap(ProfileKind::fromWord);
        if (kindWord != null && kind.isEmpty()) problems.add("kind must be \"organisation\" or \"lawyer\"");
        String id = text(command, "id", ID_MAX, problems);
        String reviewedBy = text(command, "reviewedBy", REVIEWER_MAX, problems);
        String reason = rejecting ? text(command, "reason", REASON_MAX, problems) : null;
        if (!problems.isEmpty()) return AdminError.badCommand(String.join("; ", problems) + ".");

        Reviews.Result result = rejecting
                ? reviews.reject(kind.orElseThrow(), id, reviewedBy, reason)
                : reviews.approve(kind.orElseThrow(), id, reviewedBy);
        return switch (result) {
            case Reviews.Result.Reviewed r -> Map.of("id", r.id(), "status", r.status());
            case Reviews.Result.NotFound n -> AdminError.notFound("No " + kindWord + " with id " + Json.write(id) + ".");
            case Reviews.Result.WrongState w -> AdminError.conflict("The " + kindWord + " is " + w.status()
                    + "; only a registration in PENDING_REVIEW (email verified, not yet decided) can be "
                    + (rejecting ? "rejected." : "approved."));
        };
    }

    private Object reissueToken(JsonNode command) {
        Optional<Object> unknown = checked(command, REISSUE_FIELDS);
        if (unknown.isPresent()) return unknown.get();
        List<String> problems = new ArrayList<>();
        String id = text(command, "id", ID_MAX, problems);
        String reviewedBy = text(command, "reviewedBy", REVIEWER_MAX, problems);
        String reason = optionalText(command, "reason", REASON_MAX, problems);
        if (!problems.isEmpty()) return AdminError.badCommand(String.join("; ", problems) + ".");

        return switch (reviews.reissueToken(id, reviewedBy, reason)) {
            case Reviews.Reissue.Reissued r -> Map.of("id", r.id(), "status", "APPROVED", "tokenReissued", true);
            case Reviews.Reissue.NotFound n -> AdminError.notFound("No organisation with id " + Json.write(id) + ".");
            case Reviews.Reissue.NotApproved w -> AdminError.conflict("The organisation is " + w.status()
                    + "; only an APPROVED organisation has an access token to reissue.");
            case Reviews.Reissue.Changed c -> AdminError.conflict("The organisation or its tokens changed while the"
                    + " token was being reissued (another reissue at the same time?); nothing was written. Run the"
                    + " command again if a new token is still needed.");
        };
    }

    private Object exportSubject(JsonNode command) {
        Optional<Object> unknown = checked(command, EXPORT_FIELDS);
        if (unknown.isPresent()) return unknown.get();
        List<String> problems = new ArrayList<>();
        String email = email(command, problems);
        if (!problems.isEmpty()) return AdminError.badCommand(String.join("; ", problems) + ".");
        return switch (subjects.export(email)) {
            case SubjectRights.Export.Found found -> found.document();
            case SubjectRights.Export.NothingStored n -> AdminError.notFound("Nothing is stored about " + Json.write(email) + ".");
        };
    }

    private Object eraseSubject(JsonNode command) {
        Optional<Object> unknown = checked(command, ERASE_FIELDS);
        if (unknown.isPresent()) return unknown.get();
        List<String> problems = new ArrayList<>();
        String email = email(command, problems);
        String requestedBy = text(command, "requestedBy", REVIEWER_MAX, problems);
        String reason = text(command, "reason", REASON_MAX, problems);
        if (!problems.isEmpty()) return AdminError.badCommand(String.join("; ", problems) + ".");
        return switch (subjects.erase(email, requestedBy, reason)) {
            case SubjectRights.Erasure.Erased e -> Map.of("status", "ERASED", "profiles", e.profiles(),
                    "itemsChanged", e.itemsChanged(), "transactions", e.transactions());
            case SubjectRights.Erasure.NothingStored n -> AdminError.notFound("Nothing is stored about " + Json.write(email)
                    + " (already erased, or never registered).");
            case SubjectRights.Erasure.StillNeeded s -> AdminError.conflict("The person is still bound to request(s) "
                    + String.join(", ", s.requests()) + ": complete, close or withdraw them (or withdraw the lawyer's"
                    + " offer) first; nothing was erased.");
            case SubjectRights.Erasure.Interrupted i -> AdminError.conflict("Something changed while erasing, after "
                    + i.transactions() + " transaction(s); run the command again to finish the erasure.");
        };
    }

    /** The address as registrations store it: trimmed and lower-cased. */
    private static String email(JsonNode command, List<String> problems) {
        String email = text(command, "email", EMAIL_MAX, problems);
        if (email == null) return null;
        if (!email.contains("@")) {
            problems.add("email must be an email address");
            return null;
        }
        return email.toLowerCase(java.util.Locale.ROOT);
    }

    /** An error naming fields the command does not take (a typo would otherwise pass unnoticed). */
    private static Optional<Object> checked(JsonNode command, Set<String> known) {
        List<String> unknown = new ArrayList<>();
        command.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) unknown.add(name);
        });
        if (unknown.isEmpty()) return Optional.empty();
        return Optional.of(AdminError.badCommand("Unknown field" + (unknown.size() > 1 ? "s " : " ")
                + String.join(", ", unknown) + "; " + command.path("command").asText() + " takes "
                + String.join(", ", known.stream().sorted().toList()) + "."));
    }

    /** A required string field, trimmed; its problem added to {@code problems} when missing or too long. */
    private static String text(JsonNode command, String field, int max, List<String> problems) {
        if (absent(command.get(field))) {
            problems.add(field + " is required");
            return null;
        }
        return optionalText(command, field, max, problems);
    }

    /** An optional string field, trimmed, null when absent or blank; its problem added when not a string or too long. */
    private static String optionalText(JsonNode command, String field, int max, List<String> problems) {
        JsonNode value = command.get(field);
        if (absent(value)) return null;
        if (!value.isTextual()) {
            problems.add(field + " must be a string");
            return null;
        }
        String text = value.asText().strip();
        if (text.length() > max) {
            problems.add(field + " must be at most " + max + " characters");
            return null;
        }
        return text;
    }

    private static boolean absent(JsonNode value) {
        return value == null || value.isNull() || (value.isTextual() && value.asText().isBlank());
    }
}
