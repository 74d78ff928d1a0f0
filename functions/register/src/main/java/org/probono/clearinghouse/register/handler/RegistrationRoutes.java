package org.probono.clearinghouse.register.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.probono.clearinghouse.http.Http;
import org.probono.clearinghouse.http.Problem;
import org.probono.clearinghouse.http.Response;
import org.probono.clearinghouse.register.app.LawyerForm;
import org.probono.clearinghouse.register.app.OrganisationForm;
import org.probono.clearinghouse.register.app.Registrations;
import org.probono.clearinghouse.register.app.Verifications;

/** The public routes: read the request, call the use case, map its result to HTTP. */
final class RegistrationRoutes {
    private final Registrations registrations;
    private final Verifications verifications;
    private final Optional<String> publicApiUrl;

    RegistrationRoutes(Registrations registrations, Verifications verifications, Optional<String> publicApiUrl) {
        this.registrations = registrations;
        this.verifications = verifications;
        this.publicApiUrl = publicApiUrl;
    }

    APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return Http.respond(event, route -> switch (route) {
            case "POST /organisations" ->
                registered(registrations.registerOrganisation(Http.body(event, OrganisationForm.class), apiUrl(event)));
            case "POST /lawyers" ->
                registered(registrations.registerLawyer(Http.body(event, LawyerForm.class), apiUrl(event)));
            case "GET /verify" ->
                verified(verifications.verify(Http.query(event, "token").orElse("")), Http.wantsJson(event));
            default -> Http.notFound();
        });
    }

    private static Response registered(Registrations.Result result) {
        return switch (result) {
            case Registrations.Result.Registered r -> Response.created(Map.of("id", r.id(), "status", r.status()));
            case Registrations.Result.EmailTaken t ->
                Response.problem(Problem.conflict(
                        "This email address is already registered. If it is yours, look for our verification email, "
                                + "or write to the team."));
        };
    }

    private static Response verified(Verifications.Result result, boolean json) {
        return switch (result) {
            case Verifications.Result.Verified v ->
                json ? Response.ok(Map.of("status", v.status())) : Response.html(200, VerifyPage.verified(v.name()));
            case Verifications.Result.AlreadyVerified v ->
                json ? Response.ok(alreadyVerified(v)) : Response.html(200, VerifyPage.alreadyVerified(v.name()));
            case Verifications.Result.Invalid i ->
                json
                        ? Response.problem(Problem.badRequest(VerifyPage.INVALID_DETAIL))
                        : Response.html(400, VerifyPage.invalid());
        };
    }

    private static Map<String, Object> alreadyVerified(Verifications.Result.AlreadyVerified v) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", v.status());
        body.put("alreadyVerified", true);
        return body;
    }

    /** Where the verification link points: the configured public URL, else the URL this request came in on. */
    private String apiUrl(APIGatewayV2HTTPEvent event) {
        return publicApiUrl.orElseGet(() -> {
            String host = event.getRequestContext() == null
                    ? null
                    : event.getRequestContext().getDomainName();
            if (host == null || host.isBlank())
                host = Http.header(event, "host").orElse("localhost");
            return "https://" + host;
        });
    }
}
