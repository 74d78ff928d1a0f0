package org.probono.clearinghouse.notify.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import org.probono.clearinghouse.events.AdminError;
import org.probono.clearinghouse.events.Invocation;

/** NotifyFunction's entry: outbox stream records, inbound replies from SES, SES feedback from SNS. */
public final class NotifyHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        Invocation.run(input, output, (shape, event) -> new AdminError(501, "Not implemented", "Coming soon.").toResult());
    }
}
