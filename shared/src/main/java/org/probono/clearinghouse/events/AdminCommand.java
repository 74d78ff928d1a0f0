package org.probono.clearinghouse.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.probono.clearinghouse.json.Json;
import org.probono.clearinghouse.json.JsonInputException;
import org.probono.clearinghouse.json.Tree;
import org.probono.clearinghouse.validation.Validation;

/**
 * The one way a function reads an admin command ({@code {"command":"suggest","requestId":"…"}}). Each
 * command's fields are a record of the function's handler, read by the one JSON binder (strict types, an
 * unknown field refused), then cleaned and checked by the record itself ({@link Fields#checked}) with the
 * checks and the wording of an HTTP body ({@link Validation}). Whatever is wrong throws {@link BadCommand},
 * which {@link Invocation} answers as {@code {"error":{"status":400,"title":"Bad command","detail"}}}; the
 * detail names each bad field as HTTP's {@code errors} do: {@code "requestId is required; limit must be
 * between 1 and 20."}, {@code "reason must be a string."}, {@code "month is not a known field; report takes
 * from, to."}, {@code "Unknown command \"approve\"; AssignFunction takes queue, show."}.
 */
public final class AdminCommand {
    /** An id (request, lawyer, outbox item): letters, digits, '-' and '_', so it always fits in a key. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    private AdminCommand() {}

    /**
     * A command's fields as read. {@link #checked} returns them cleaned (trimmed, defaults filled in) and
     * reports every bad one to {@code check}; what it returns for a bad field is never used.
     */
    public interface Fields<T extends Fields<T>> {
        T checked(Validation check);
    }

    /** The fields of a command that takes none ({@code queue}, {@code list-pending}). */
    public record NoFields() implements Fields<NoFields> {
        @Override
        public NoFields checked(Validation check) {
            return this;
        }
    }

    /** The command's name: {@code "queue"}. */
    public static String name(Tree event) {
        return event.path("command").text();
    }

    /** The command's fields as {@code type}, checked and cleaned; a {@link BadCommand} otherwise. */
    public static <T extends Fields<T>> T read(Tree event, Class<T> type) {
        Map<String, Object> fields = new LinkedHashMap<>();
        event.fields().forEach((name, value) -> {
            if (!name.equals("command")) fields.put(name, value.value());
        });
        T read;
        try {
            read = Json.read(Tree.of(fields), type);
        } catch (JsonInputException.UnknownField e) {
            List<String> known = e.known();
            throw new BadCommand(e.field() + " is not a known field; " + name(event)
                    + (known.isEmpty() ? " takes no fields." : " takes " + String.join(", ", known) + "."));
        } catch (JsonInputException.WrongType e) {
            throw new BadCommand(e.field() + " " + e.expected() + ".");
        } catch (JsonInputException e) {
            throw new BadCommand("The command could not be read.");
        }
        Validation check = new Validation();
        T checked = read.checked(check);
        if (!check.isValid()) {
            throw new BadCommand(check.errors().stream()
                            .map(error -> error.field() + " " + error.message())
                            .collect(Collectors.joining("; "))
                    + ".");
        }
        return checked;
    }

    /** The answer to a command the function does not take; {@code commands} lists those it does. */
    public static BadCommand unknown(Tree event, String function, List<String> commands) {
        return new BadCommand("Unknown command " + Json.write(name(event)) + "; " + function + " takes "
                + String.join(", ", commands) + ".");
    }

    /** A required id, trimmed. */
    public static String id(Validation check, String field, String value) {
        String text = check.text(field, value, 1, 100);
        if (text != null && !ID.matcher(text).matches()) check.fail(field, "must be an id (letters, digits, - and _)");
        return text;
    }

    /** {@code min} to {@code max} distinct ids. */
    public static List<String> ids(Validation check, String field, List<String> values, int min, int max) {
        if (values == null || values.size() < min || values.size() > max) {
            check.fail(field, "must be a list of " + min + " to " + max + " ids");
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String id = id(check, field + "[" + i + "]", values.get(i));
            if (id != null && ids.contains(id)) check.fail(field, "names " + id + " twice");
            else if (id != null) ids.add(id);
        }
        return ids;
    }

    /** A required number from {@code min} to {@code max}. */
    public static double number(Validation check, String field, Double value, double min, double max) {
        if (value == null) {
            check.fail(field, "is required");
            return 0;
        }
        if (value < min || value > max) {
            check.fail(field, "must be between " + format(min) + " and " + format(max));
            return 0;
        }
        return value;
    }

    private static String format(double bound) {
        return bound == Math.rint(bound) ? String.valueOf((long) bound) : String.valueOf(bound);
    }
}
