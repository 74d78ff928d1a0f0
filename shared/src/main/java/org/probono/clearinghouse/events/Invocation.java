package org.probono.clearinghouse.events;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * The body of every entry class: read the event, tell its shape, let the entry class dispatch, write the
 * answer (API Gateway responses through the runtime's serializer, everything else as plain JSON).
 * An event of no known shape is answered with an error object, never a stack trace.
 */
public final class Invocation {
    private Invocation() {}

    @FunctionalInterface
    public interface Dispatch {
        Object handle(EventShape shape, JsonNode event);
    }

    public static void run(InputStream input, OutputStream output, Dispatch dispatch) {
        JsonNode event = LambdaEvents.readTree(input);
        EventShape shape = EventShape.of(event);
        Object result = dispatch.handle(shape, event);
        if (result instanceof APIGatewayV2HTTPResponse response) {
            LambdaEvents.write(response, APIGatewayV2HTTPResponse.class, output);
        } else {
            LambdaEvents.writeJson(result, output);
        }
    }

    /** The answer to an event this function has no trigger for. */
    public static Map<String, AdminError> unknown(EventShape shape, String expected) {
        return new AdminError(400, "Unrecognised event",
                "This function takes " + expected + "; the event looks like " + shape + ".").toResult();
    }
}
