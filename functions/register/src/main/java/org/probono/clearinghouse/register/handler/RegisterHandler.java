package org.probono.clearinghouse.register.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.io.InputStream;
import java.io.OutputStream;
import org.probono.clearinghouse.events.AdminError;
import org.probono.clearinghouse.events.Invocation;
import org.probono.clearinghouse.events.LambdaEvents;
import org.probono.clearinghouse.http.Http;
import org.probono.clearinghouse.http.Problem;
import org.probono.clearinghouse.http.Response;

/** RegisterFunction's entry: HTTP API routes (organisations, lawyers, verify) and the team's admin commands. */
public final class RegisterHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        Invocation.run(input, output, (shape, event) -> switch (shape) {
            case HTTP_API -> Http.respond(LambdaEvents.read(event, APIGatewayV2HTTPEvent.class),
                    route -> Response.problem(new Problem(501, "not-implemented", "Not implemented", "Coming soon.")));
            case ADMIN_COMMAND -> AdminError.badCommand("Not implemented yet.");
            default -> Invocation.unknown(shape, "an HTTP API request or an admin command");
        });
    }
}
