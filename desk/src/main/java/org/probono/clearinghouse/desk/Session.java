package org.probono.clearinghouse.desk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * One desk command's world: where commands go, how times read, who is acting, and where output goes.
 * {@link #call} is the command the person asked for (its JSON is what --json prints); {@link #lookup} is a read
 * made on the way (resolving a short id, finding a name), printed only when it answers an error object (with
 * --json, a failed command always prints the error object it met).
 */
record Session(Target target, Times times, String actor, boolean json, PrintStream out) {
    JsonNode call(AdminFunction function, ObjectNode command) {
        return checked(target.invoke(function, command));
    }

    JsonNode lookup(AdminFunction function, ObjectNode command) {
        return checked(target.invoke(function, command));
    }

    /** Prints the answer as the function gave it (--json), or as the person reads it. */
    void print(JsonNode answer, Supplier<String> readable) {
        String text = json ? DeskJson.pretty(answer) : readable.get();
        out.print(text.endsWith("\n") ? text : text + "\n");
    }

    private static boolean isError(JsonNode answer) {
        return answer.path("error").isObject();
    }

    /** The function's error object as one sentence and an exit code. */
    private JsonNode checked(JsonNode answer) {
        if (!isError(answer)) return answer;
        if (json) out.println(DeskJson.pretty(answer));
        JsonNode error = answer.path("error");
        String detail = Labels.text(error, "detail", Labels.text(error, "title", "The command was refused"));
        String sentence = detail.endsWith(".") || detail.endsWith("?") ? detail : detail + ".";
        throw new DeskFailure(ExitCode.forStatus(error.path("status").asInt(500)), sentence);
    }
}
