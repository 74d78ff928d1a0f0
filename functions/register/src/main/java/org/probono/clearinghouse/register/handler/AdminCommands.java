package org.probono.clearinghouse.register.handler;

import java.util.List;
import java.util.Map;
import org.probono.clearinghouse.domain.ProfileKind;
import org.probono.clearinghouse.events.AdminCommand;
import org.probono.clearinghouse.events.AdminError;
import org.probono.clearinghouse.json.Json;
import org.probono.clearinghouse.json.Tree;
import org.probono.clearinghouse.register.app.Reviews;
import org.probono.clearinghouse.register.app.SubjectRights;
import org.probono.clearinghouse.validation.Validation;

/**
 * The team's commands by direct invocation. Every answer is a JSON object: the result, or
 * {@code {"error":{...}}} for a bad command, an unknown id or a registration in the wrong state; never a
 * stack trace.
 */
final class AdminCommands {
    static final List<String> NAMES =
            List.of("list-pending", "approve", "reject", "reissue-token", "export-subject", "erase-subject");
    static final int ID_MAX = 100;
    static final int REVIEWER_MAX = 120;
    static final int REASON_MAX = 1000;
    static final int EMAIL_MAX = 254;

    record Approve(String kind, String id, String reviewedBy) implements AdminCommand.Fields<Approve> {
        @Override
        public Approve checked(Validation check) {
            return new Approve(
                    kindWord(check, kind),
                    check.text("id", id, 1, ID_MAX),
                    check.text("reviewedBy", reviewedBy, 1, REVIEWER_MAX));
        }
    }

    record Reject(String kind, String id, String reviewedBy, String reason) implements AdminCommand.Fields<Reject> {
        @Override
        public Reject checked(Validation check) {
            return new Reject(
                    kindWord(check, kind),
                    check.text("id", id, 1, ID_MAX),
                    check.text("reviewedBy", reviewedBy, 1, REVIEWER_MAX),
                    check.text("reason", reason, 1, REASON_MAX));
        }
    }

    record ReissueToken(String id, String reviewedBy, String reason) implements AdminCommand.Fields<ReissueToken> {
        @Override
        public ReissueToken checked(Validation check) {
            return new ReissueToken(
                    check.text("id", id, 1, ID_MAX),
                    check.text("reviewedBy", reviewedBy, 1, REVIEWER_MAX),
                    check.optionalText("reason", reason, 1, REASON_MAX));
        }
    }

    /** The address as registrations store it: trimmed and lower-cased. */
    record ExportSubject(String email) implements AdminCommand.Fields<ExportSubject> {
        @Override
        public ExportSubject checked(Validation check) {
            return new ExportSubject(address(check, email));
        }
    }

    record EraseSubject(String email, String requestedBy, String reason) implements AdminCommand.Fields<EraseSubject> {
        @Override
        public EraseSubject checked(Validation check) {
            return new EraseSubject(
                    address(check, email),
                    check.text("requestedBy", requestedBy, 1, REVIEWER_MAX),
                    check.text("reason", reason, 1, REASON_MAX));
        }
    }

    private final Reviews reviews;
    private final SubjectRights subjects;

    AdminCommands(Reviews reviews, SubjectRights subjects) {
        this.reviews = reviews;
        this.subjects = subjects;
    }

    /** A bad command is a 400 and an unexpected failure a 500 error object in {@code Invocation.run}, never a stack trace. */
    Object handle(Tree command) {
        return switch (AdminCommand.name(command)) {
            case "list-pending" -> {
                AdminCommand.read(command, AdminCommand.NoFields.class);
                yield Map.of("items", reviews.listPending());
            }
            case "approve" -> {
                Approve approve = AdminCommand.read(command, Approve.class);
                yield review(approve.kind(), approve.id(), approve.reviewedBy(), null);
            }
            case "reject" -> {
                Reject reject = AdminCommand.read(command, Reject.class);
                yield review(reject.kind(), reject.id(), reject.reviewedBy(), reject.reason());
            }
            case "reissue-token" -> reissueToken(AdminCommand.read(command, ReissueToken.class));
            case "export-subject" -> exportSubject(AdminCommand.read(command, ExportSubject.class));
            case "erase-subject" -> eraseSubject(AdminCommand.read(command, EraseSubject.class));
            default -> throw AdminCommand.unknown(command, "RegisterFunction", NAMES);
        };
    }

    /** A rejection has a reason; an approval has none. */
    private Object review(String kindWord, String id, String reviewedBy, String reason) {
        ProfileKind kind = ProfileKind.fromWord(kindWord).orElseThrow();
        boolean rejecting = reason != null;
        Reviews.Result result =
                rejecting ? reviews.reject(kind, id, reviewedBy, reason) : reviews.approve(kind, id, reviewedBy);
        return switch (result) {
            case Reviews.Result.Reviewed r -> Map.of("id", r.id(), "status", r.status());
            case Reviews.Result.NotFound n ->
                AdminError.notFound("No " + kindWord + " with id " + Json.write(id) + ".");
            case Reviews.Result.WrongState w ->
                AdminError.conflict("The " + kindWord + " is " + w.status()
                        + "; only a registration in PENDING_REVIEW (email verified, not yet decided) can be "
                        + (rejecting ? "rejected." : "approved."));
        };
    }

    private Object reissueToken(ReissueToken command) {
        String id = command.id();
        String reviewedBy = command.reviewedBy();
        String reason = command.reason();

        return switch (reviews.reissueToken(id, reviewedBy, reason)) {
            case Reviews.Reissue.Reissued r -> Map.of("id", r.id(), "status", "APPROVED", "tokenReissued", true);
            case Reviews.Reissue.NotFound n -> AdminError.notFound("No organisation with id " + Json.write(id) + ".");
            case Reviews.Reissue.NotApproved w ->
                AdminError.conflict("The organisation is " + w.status()
                        + "; only an APPROVED organisation has an access token to reissue.");
            case Reviews.Reissue.Changed c ->
                AdminError.conflict("The organisation or its tokens changed while the"
                        + " token was being reissued (another reissue at the same time?); nothing was written. Run the"
                        + " command again if a new token is still needed.");
        };
    }

    private Object exportSubject(ExportSubject command) {
        String email = command.email();
        return switch (subjects.export(email)) {
            case SubjectRights.Export.Found found -> found.document();
            case SubjectRights.Export.NothingStored n ->
                AdminError.notFound("Nothing is stored about " + Json.write(email) + ".");
        };
    }

    private Object eraseSubject(EraseSubject command) {
        String email = command.email();
        String requestedBy = command.requestedBy();
        String reason = command.reason();
        return switch (subjects.erase(email, requestedBy, reason)) {
            case SubjectRights.Erasure.Erased e ->
                Map.of(
                        "status",
                        "ERASED",
                        "profiles",
                        e.profiles(),
                        "itemsChanged",
                        e.itemsChanged(),
                        "transactions",
                        e.transactions());
            case SubjectRights.Erasure.NothingStored n ->
                AdminError.notFound(
                        "Nothing is stored about " + Json.write(email) + " (already erased, or never registered).");
            case SubjectRights.Erasure.StillNeeded s ->
                AdminError.conflict("The person is still bound to request(s) "
                        + String.join(", ", s.requests())
                        + ": complete, close or withdraw them (or withdraw the lawyer's"
                        + " offer) first; nothing was erased.");
            case SubjectRights.Erasure.Interrupted i ->
                AdminError.conflict("Something changed while erasing, after " + i.transactions()
                        + " transaction(s); run the command again to finish the erasure.");
        };
    }

    /** The address as registrations store it: trimmed and lower-cased. */
    private static String address(Validation check, String email) {
        String text = check.text("email", email, 1, EMAIL_MAX);
        if (text == null) return null;
        if (!text.contains("@")) {
            check.fail("email", "must be an email address");
            return null;
        }
        return text.toLowerCase(java.util.Locale.ROOT);
    }

    /** "organisation" or "lawyer". */
    private static String kindWord(Validation check, String kind) {
        String word = check.text("kind", kind, 1, 20);
        if (word != null && ProfileKind.fromWord(word).isEmpty())
            check.fail("kind", "must be \"organisation\" or \"lawyer\"");
        return word;
    }
}
