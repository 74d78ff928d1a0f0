package org.probono.clearinghouse.notify.handler;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.probono.clearinghouse.events.AdminCommand;
import org.probono.clearinghouse.events.AdminError;
import org.probono.clearinghouse.events.BadCommand;
import org.probono.clearinghouse.json.Json;
import org.probono.clearinghouse.json.Log;
import org.probono.clearinghouse.json.Tree;
import org.probono.clearinghouse.notify.app.OutboxAdmin;
import org.probono.clearinghouse.validation.Validation;

/**
 * The team's commands to NotifyFunction by direct invocation: {@code pending-emails} and {@code resend},
 * read by the one admin-command reader ({@link AdminCommand}). Every answer is a JSON object: the result or
 * {@code {"error":{...}}}, never a stack trace.
 */
final class AdminCommands {
    static final List<String> NAMES = List.of("pending-emails", "resend");
    static final String COMMANDS = String.join(", ", NAMES);
    static final int DEFAULT_OLDER_THAN_MINUTES = 15;
    static final int MAX_OLDER_THAN_MINUTES = 10_080; // a week
    private static final int MAX_ID_LENGTH = 200;

    /** {@code {"command":"pending-emails","olderThanMinutes":15}}. */
    record PendingEmails(Integer olderThanMinutes) implements AdminCommand.Fields<PendingEmails> {
        @Override
        public PendingEmails checked(Validation check) {
            return new PendingEmails(check.integer(
                    "olderThanMinutes", olderThanMinutes, 0, MAX_OLDER_THAN_MINUTES, DEFAULT_OLDER_THAN_MINUTES));
        }
    }

    /** {@code {"command":"resend","outboxId":"..."}}: the id of a PENDING email (see pending-emails). */
    record Resend(String outboxId) implements AdminCommand.Fields<Resend> {
        @Override
        public Resend checked(Validation check) {
            return new Resend(check.text("outboxId", outboxId, 1, MAX_ID_LENGTH));
        }
    }

    record Resent(String outboxId, String resendOf, String status) {}

    private final OutboxAdmin admin;

    AdminCommands(OutboxAdmin admin) {
        this.admin = admin;
    }

    Object handle(Tree event) {
        String command = AdminCommand.name(event);
        try {
            return switch (command) {
                case "pending-emails" -> pendingEmails(AdminCommand.read(event, PendingEmails.class));
                case "resend" -> resend(AdminCommand.read(event, Resend.class));
                default -> throw AdminCommand.unknown(event, "NotifyFunction", NAMES);
            };
        } catch (BadCommand e) {
            throw e; // a 400 error object in Invocation.run
        } catch (RuntimeException e) {
            Log.error(
                    "admin command failed",
                    "command",
                    command,
                    "error",
                    e.getClass().getSimpleName());
            return new AdminError(
                            500,
                            "Internal error",
                            "Something went wrong on our side; run pending-emails to see where the outbox stands.")
                    .toResult();
        }
    }

    private Object pendingEmails(PendingEmails command) {
        return Map.of("items", admin.pendingEmails(Duration.ofMinutes(command.olderThanMinutes())));
    }

    private Object resend(Resend command) {
        String id = command.outboxId();
        return switch (admin.resend(id)) {
            case OutboxAdmin.Resend.Resent r -> new Resent(r.outboxId(), r.resendOf(), "PENDING");
            case OutboxAdmin.Resend.NotFound n -> AdminError.notFound("No outbox item " + Json.write(id) + ".");
            case OutboxAdmin.Resend.NotPending p ->
                AdminError.conflict("Outbox item " + Json.write(id) + " is " + p.status()
                        + "; only a PENDING email can be sent again.");
            case OutboxAdmin.Resend.Changed c ->
                AdminError.conflict("Outbox item " + Json.write(id)
                        + " is being sent right now, or changed while it was being resent; nothing was written."
                        + " Try again in half a minute, after pending-emails.");
        };
    }
}
