package org.probono.clearinghouse.submit.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.probono.clearinghouse.domain.Organisation;
import org.probono.clearinghouse.events.Invocation;
import org.probono.clearinghouse.events.LambdaEvents;
import org.probono.clearinghouse.events.SnapStartPriming;
import org.probono.clearinghouse.http.Http;
import org.probono.clearinghouse.http.Problem;
import org.probono.clearinghouse.http.Response;
import org.probono.clearinghouse.submit.app.FeedbackForm;
import org.probono.clearinghouse.submit.app.FeedbackOutcome;
import org.probono.clearinghouse.submit.app.IdempotencyKeys;
import org.probono.clearinghouse.submit.app.NewRequest;
import org.probono.clearinghouse.submit.app.Submission;
import org.probono.clearinghouse.submit.app.SubmitOutcome;
import org.probono.clearinghouse.submit.app.WithdrawOutcome;
import org.probono.clearinghouse.submit.wiring.Wiring;
import org.probono.clearinghouse.validation.FieldError;

/** SubmitRequestFunction's entry: the organisations' request routes (docs/api/submit-request.md). */
public final class SubmitRequestHandler implements RequestStreamHandler {
    /** Read-only: a well-formed but unknown token is looked up (the SDK's first request) and refused. */
    private static final String PRIMING_EVENT = """
            {"version":"2.0","routeKey":"GET /requests/{id}","pathParameters":{"id":"priming"},"rawPath":"/requests/priming","rawQueryString":"",
             "headers":{"accept":"application/json","host":"priming.local","authorization":"Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"},
             "requestContext":{"accountId":"000000000000","apiId":"priming","domainName":"priming.local",
              "http":{"method":"GET","path":"/requests/priming","protocol":"HTTP/1.1","sourceIp":"127.0.0.1","userAgent":"priming"},
              "requestId":"snapstart-priming","routeKey":"GET /requests/{id}","stage":"$default","time":"01/Jan/2026:00:00:00 +0000",
              "timeEpoch":1767225600000},
             "isBase64Encoded":false}""";

    /** Our ids are UUIDs; anything else is not a request of ours and is not looked up. */
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final Wiring wiring;

    /** Lambda's constructor: configuration and clients built once per container. */
    public SubmitRequestHandler() {
        this(Wiring.fromEnvironment());
        SnapStartPriming.register(this, PRIMING_EVENT);
    }

    public SubmitRequestHandler(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        Invocation.run(input, output, context, (shape, event) -> switch (shape) {
            case HTTP_API -> route(LambdaEvents.httpRequest(event));
            default -> Invocation.unknown(shape, "the HTTP API's /requests routes");
        });
    }

    private APIGatewayV2HTTPResponse route(APIGatewayV2HTTPEvent event) {
        return Http.respond(event, route -> switch (route) {
            case "POST /requests" -> submit(event, caller(event));
            case "GET /requests/{id}" -> view(caller(event), requestId(event));
            case "POST /requests/{id}/withdraw" -> withdraw(caller(event), requestId(event));
            case "GET /requests" -> list(caller(event), Http.query(event, "cursor"));
            case "POST /requests/{id}/feedback" -> feedback(event, caller(event), requestId(event));
            default -> Http.notFound();
        });
    }

    private Response submit(APIGatewayV2HTTPEvent event, Organisation caller) {
        Optional<String> key = switch (IdempotencyKeys.check(Http.header(event, "idempotency-key"))) {
            case IdempotencyKeys.Header.Absent absent -> Optional.empty();
            case IdempotencyKeys.Header.Key present -> Optional.of(present.value());
            case IdempotencyKeys.Header.Malformed malformed ->
                throw Problem.invalid(List.of(new FieldError("Idempotency-Key", IdempotencyKeys.SHAPE_RULE)));
        };
        NewRequest body = Http.body(event, NewRequest.class);
        return switch (wiring.submission().submit(caller, key, body)) {
            case SubmitOutcome.Created created ->
                Response.created(new Submission.Accepted(created.id(), created.status()))
                        .withHeader("Location", "/requests/" + created.id());
            case SubmitOutcome.Replayed replayed ->
                new Response(replayed.status(), replayed.body(), Response.JSON, Map.of("Idempotent-Replayed", "true"));
            case SubmitOutcome.KeyReused reused ->
                Response.problem(Problem.unprocessable(
                        "This Idempotency-Key was already used with a different body in the last 24 hours."));
            case SubmitOutcome.NotApproved notApproved -> Response.problem(Problem.unauthorized());
            case SubmitOutcome.Busy busy ->
                Response.problem(
                        Problem.conflict(
                                "The request could not be saved because of concurrent changes; nothing was saved. Please retry."));
        };
    }

    private Response view(Organisation caller, String requestId) {
        return wiring.views()
                .view(caller, requestId)
                .map(Response::ok)
                .orElseGet(() -> Response.problem(noSuchRequest()));
    }

    private Response withdraw(Organisation caller, String requestId) {
        return switch (wiring.withdrawal().withdraw(caller, requestId)) {
            case WithdrawOutcome.Withdrawn withdrawn ->
                Response.ok(new Submission.Accepted(withdrawn.id(), withdrawn.status()));
            case WithdrawOutcome.NotFound notFound -> Response.problem(noSuchRequest());
            case WithdrawOutcome.NotOpen notOpen ->
                Response.problem(Problem.conflict("The request is " + notOpen.status()
                        + "; only a SUBMITTED or OFFERED request can be withdrawn."));
            case WithdrawOutcome.Busy busy ->
                Response.problem(Problem.conflict(
                        "The request changed while it was being withdrawn; nothing was changed. Please retry."));
        };
    }

    private Response list(Organisation caller, Optional<String> cursor) {
        return wiring.listing()
                .list(caller, cursor)
                .map(Response::ok)
                .orElseGet(() -> Response.problem(
                        Problem.badRequest("The cursor is not one this listing gave out; start again without it.")));
    }

    private Response feedback(APIGatewayV2HTTPEvent event, Organisation caller, String requestId) {
        FeedbackForm.Checked feedback = Http.body(event, FeedbackForm.class).validate();
        return switch (wiring.feedback().give(caller, requestId, feedback)) {
            case FeedbackOutcome.Given given -> Response.created(given);
            case FeedbackOutcome.NotFound notFound -> Response.problem(noSuchRequest());
            case FeedbackOutcome.NotCompleted notCompleted ->
                Response.problem(Problem.conflict(
                        "The request is " + notCompleted.status() + "; feedback is given once it is COMPLETED."));
            case FeedbackOutcome.AlreadyGiven given ->
                Response.problem(Problem.conflict("Feedback on this request was already given; it is given once."));
            case FeedbackOutcome.Busy busy ->
                Response.problem(Problem.conflict(
                        "The request changed while the feedback was being saved; nothing was saved. Please retry."));
        };
    }

    /** The approved organisation the bearer token belongs to; the same 401 for every way of failing. */
    private Organisation caller(APIGatewayV2HTTPEvent event) {
        return wiring.access().approvedOrganisation(Http.bearerToken(event)).orElseThrow(Problem::unauthorized);
    }

    private static String requestId(APIGatewayV2HTTPEvent event) {
        String id = Http.pathParam(event, "id");
        if (!REQUEST_ID.matcher(id).matches()) throw noSuchRequest();
        return id;
    }

    private static Problem noSuchRequest() {
        return Problem.notFound("No such request.");
    }
}
