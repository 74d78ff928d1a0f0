package org.probono.clearinghouse.assign.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import org.probono.clearinghouse.events.AdminError;
import org.probono.clearinghouse.events.Invocation;

/** AssignFunction's entry: the team's admin commands and the scheduled expiry. */
public final class AssignHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        Invocation.run(input, output, (shape, event) -> new AdminError(501, "Not implemented", "Coming soon.").toResult());
    }
}
