package org.probono.clearinghouse.notify.handler;

import org.probono.clearinghouse.json.Log;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.probono.clearinghouse.events.AdminError;
import org.probono.clearinghouse.json.Json;
import org.probono.clearinghouse.notify.app.OutboxAdmin;

/**
 * The team's commands to NotifyFunction by direct invocation: {@code pending-emails} and {@code resend}.
 * Commands are read as records by the one ObjectMapper, which rejects unknown fields, so a typo is a 400
 * naming the field. Every answer is a JSON object: the result or {@code {"error":{...}}}, never a stack trace.
 */
final class AdminCommands {
    static final String COMMANDS = "pending-emails, resend";
    static final int DEFAULT_OLDER_THAN_MINUTES = 15;
    static final int MAX_OLDER_THAN_MINUTES = 10_080; // a week
    private static final int MAX_ID_LENGTH = 200;

    /** {@code {"command":"pending-emails","olderThanMinutes":15}}. */
    record PendingEmails(String command, Integer olderThanMinutes) {}

    /** {@code {"command":"resend","outboxId":"..."}}. */
    record Resend(String command, String outboxId) {}

    record Resent(String outboxId, String resendOf, String status) {}

    private final OutboxAdmin admin;

    AdminCommands(OutboxAdmin admin) { this.admin = admin; }

    Object handle(JsonNode event) {
        String command = event.path("command").asText();
        try {
            return switch (command) {
                case "pending-emails" -> pendingEmails(read(event, PendingEmails.class));
                case "resend" -> resend(read(event, Resend.class));
                default -> AdminError.badCommand("Unknown command " + Json.write(command)
                        + "; NotifyFunction takes " + COMMANDS + ".");
            };
        } catch (UnreadableCommand e) {
            return AdminError.badCommand(e.getMessage());
        } catch (RuntimeException e) {
            Log.error("admin command failed", "command", command, "error", e.getClass().getSimpleName());
            return new AdminError(500, "Internal error",
                    "Something went wrong on our side; run pending-emails to see where the outbox stands.").toResult();
        }
    }

    private Object pendingEmails(PendingEmails command) {
        int minutes = command.olderThanMinutes() == null ? DEFAULT_OLDER_THAN_MINUTES : command.olderThanMinutes();
        if (minutes < 0 || minutes > MAX_OLDER_THAN_MINUTES) {
            return AdminError.badCommand("'olderThanMinutes' must be a whole number from 0 to " + MAX_OLDER_THAN_MINUTES + ".");
        }
        return Map.of("items", admin.pendingEmails(Duration.ofMinutes(minutes)));
    }

    private Object resend(Resend command) {
        String id = command.outboxId() == null ? "" : command.outboxId().strip();
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            return AdminError.badCommand("'outboxId' is required: the id of a PENDING email (see pending-emails).");
        }
        return switch (admin.resend(id)) {
            case OutboxAdmin.Resend.Resent r -> new Resent(r.outboxId(), r.resendOf(), "PENDING");
            case OutboxAdmin.Resend.NotFound n -> AdminError.notFound("No outbox item " + Json.write(id) + ".");
            case OutboxAdmin.Resend.NotPending p -> AdminError.conflict("Outbox item " + Json.write(id) + " is "
                    + p.status() + "; only a PENDING email can be sent again.");
            case OutboxAdmin.Resend.Changed c -> AdminError.conflict("Outbox item " + Json.write(id)
                    + " changed while it was being resent; nothing was written. Run pending-emails again.");
        };
    }

    private static <T> T read(JsonNode event, Class<T> type) {
        try {
            return Json.MAPPER.readerFor(type).readValue(event);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds().stream().map(Object::toString)
                    .collect(Collectors.toCollection(TreeSet::new)).stream().collect(Collectors.joining(", "));
            throw new UnreadableCommand("Unknown field " + Json.write(e.getPropertyName()) + "; "
                    + event.path("command").asText() + " takes " + known + ".");
        } catch (MismatchedInputException e) {
            throw new UnreadableCommand("Field " + Json.write(field(e)) + " has the wrong type.");
        } catch (IOException e) {
            throw new UnreadableCommand("The command could not be read.");
        }
    }

    private static String field(JsonMappingException e) {
        return e.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                .filter(name -> name != null).collect(Collectors.joining("."));
    }

    /** Thrown only while reading a command; answered as a 400 error object. */
    private static final class UnreadableCommand extends RuntimeException {
        UnreadableCommand(String detail) { super(detail, null, false, false); }
    }
}
