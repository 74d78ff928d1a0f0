package org.probono.clearinghouse.submit.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import org.probono.clearinghouse.events.AdminError;
import org.probono.clearinghouse.events.Invocation;

/** SubmitRequestFunction's entry: the organisations' request routes. */
public final class SubmitRequestHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        Invocation.run(input, output, (shape, event) -> new AdminError(501, "Not implemented", "Coming soon.").toResult());
    }
}
