package org.probono.clearinghouse.register.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import org.probono.clearinghouse.events.Invocation;
import org.probono.clearinghouse.events.LambdaEvents;
import org.probono.clearinghouse.events.SnapStartPriming;
import org.probono.clearinghouse.register.wiring.Wiring;

/**
 * RegisterFunction's entry: the public routes (organisations and lawyers join, verify their email) and
 * the team's admin commands (list-pending, approve, reject, reissue-token, export-subject, erase-subject), told apart by the event's shape.
 */
public final class RegisterHandler implements RequestStreamHandler {
    /** Read-only: a well-formed but unknown token is looked up (the SDK's first request) and refused. */
    private static final String PRIMING_EVENT = """
            {"version":"2.0","routeKey":"GET /verify","rawPath":"/verify","rawQueryString":"token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
             "queryStringParameters":{"token":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"},
             "headers":{"accept":"application/json","host":"priming.local"},
             "requestContext":{"accountId":"000000000000","apiId":"priming","domainName":"priming.local",
              "http":{"method":"GET","path":"/verify","protocol":"HTTP/1.1","sourceIp":"127.0.0.1","userAgent":"priming"},
              "requestId":"snapstart-priming","routeKey":"GET /verify","stage":"$default","time":"01/Jan/2026:00:00:00 +0000",
              "timeEpoch":1767225600000},
             "isBase64Encoded":false}""";

    /** No AWS call: an empty form is refused by validation (Jackson's form records, the rules, the 400). */
    private static final String PRIMING_EMPTY_FORM = """
            {"version":"2.0","routeKey":"POST /organisations","rawPath":"/organisations","rawQueryString":"",
             "headers":{"accept":"application/json","content-type":"application/json","host":"priming.local"},
             "requestContext":{"accountId":"000000000000","apiId":"priming","domainName":"priming.local",
              "http":{"method":"POST","path":"/organisations","protocol":"HTTP/1.1","sourceIp":"127.0.0.1","userAgent":"priming"},
              "requestId":"snapstart-priming","routeKey":"POST /organisations","stage":"$default","time":"01/Jan/2026:00:00:00 +0000",
              "timeEpoch":1767225600000},
             "body":"{}","isBase64Encoded":false}""";

    /** Read-only: the review index's query. */
    private static final String PRIMING_LIST_PENDING = "{\"command\":\"list-pending\"}";

    private final RegistrationRoutes routes;
    private final AdminCommands admin;

    /** Lambda's constructor: configuration and clients built once per container. */
    public RegisterHandler() {
        this(Wiring.fromEnvironment());
        SnapStartPriming.register(this, PRIMING_EVENT, PRIMING_EMPTY_FORM, PRIMING_LIST_PENDING);
    }

    public RegisterHandler(Wiring wiring) {
        this.routes = new RegistrationRoutes(wiring.registrations(), wiring.verifications(), wiring.publicApiUrl());
        this.admin = new AdminCommands(wiring.reviews(), wiring.subjects());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        Invocation.run(input, output, context, (shape, event) -> switch (shape) {
            case HTTP_API -> routes.handle(LambdaEvents.httpRequest(event));
            case ADMIN_COMMAND -> admin.handle(event);
            default ->
                Invocation.unknown(
                        shape,
                        "an HTTP API request or an admin command (list-pending, approve, reject, reissue-token, export-subject, erase-subject)");
        });
    }
}
