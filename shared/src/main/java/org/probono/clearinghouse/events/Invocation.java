package org.probono.clearinghouse.events;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import org.probono.clearinghouse.json.Log;
import org.probono.clearinghouse.json.Tree;

/**
 * The body of every entry class: read the event, tell its shape, let the entry class dispatch, write the
 * answer as JSON, all with the one JSON binder.
 * An event of no known shape, an admin command that cannot be read ({@link BadCommand}, a 400) and one that
 * fails unexpectedly (a 500) are answered with an error object, never a stack trace. Other triggers (stream, SES, SNS, schedule) still fail the invocation, so
 * Lambda retries them; HTTP routes are answered by {@code Http.respond}, which catches its own.
 * Every line logged meanwhile carries the invocation's request ids ({@link Log#scope}).
 */
public final class Invocation {
    private Invocation() {}

    @FunctionalInterface
    public interface Dispatch {
        Object handle(EventShape shape, Tree event);
    }

    /** {@code context} is null for SnapStart priming (no invocation: no Lambda id, no cold start) and in tests. */
    public static void run(InputStream input, OutputStream output, Context context, Dispatch dispatch) {
        Tree event = LambdaEvents.readTree(input);
        EventShape shape = EventShape.of(event);
        String apiRequestId = shape == EventShape.HTTP_API
                ? event.path("requestContext").path("requestId").text()
                : null;
        try (Log.Scope ids = context == null
                ? Log.scope(null, null, apiRequestId)
                : Log.scope(context.getFunctionName(), context.getAwsRequestId(), apiRequestId)) {
            answer(event, shape, output, dispatch);
        }
    }

    private static void answer(Tree event, EventShape shape, OutputStream output, Dispatch dispatch) {
        Object result;
        try {
            result = dispatch.handle(shape, event);
        } catch (BadCommand e) {
            if (shape != EventShape.ADMIN_COMMAND) throw e;
            result = e.answer().toResult();
        } catch (RuntimeException e) {
            if (shape != EventShape.ADMIN_COMMAND) throw e;
            Log.error(
                    "admin command failed",
                    "command",
                    String.valueOf(event.path("command").text()),
                    "error",
                    e.getClass().getName());
            result = new AdminError(
                            500,
                            "Internal error",
                            "Something went wrong on our side. Every change is"
                                    + " all-or-nothing: look at the current state before trying the command again.")
                    .toResult();
        }
        LambdaEvents.writeJson(result, output);
    }

    /** The answer to an event this function has no trigger for. */
    public static Map<String, AdminError> unknown(EventShape shape, String expected) {
        return new AdminError(
                        400,
                        "Unrecognised event",
                        "This function takes " + expected + "; the event looks like " + shape + ".")
                .toResult();
    }
}
