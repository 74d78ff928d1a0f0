package org.probono.clearinghouse.local.runner;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.probono.clearinghouse.local.backend.SentMail;

/**
 * The runner's HTTP side, on the loopback address only: the public API routed from template.yaml to the
 * functions, the {@code /_local/} endpoints (mail, inbound, invoke), and the web form. One JDK HttpServer,
 * one virtual thread per request.
 */
final class ApiServer implements AutoCloseable {
    /**
     * API Gateway's own payload limit (10 MB). The functions' 64 KiB rule is theirs to answer (413); a
     * raw email posted to /_local/inbound, with its inline images, passes whole, as SES would store it.
     */
    static final int PAYLOAD_LIMIT = 10 * 1024 * 1024;

    /** What the server hands requests to, once the backend and the functions are up. */
    record Wiring(
            Functions functions,
            ApiRoutes routes,
            Cors cors,
            StaticWeb web,
            SentMail mailbox,
            InboundMail inbound,
            Runnable beforeMail) {}

    private static final String LOCAL = "/_local/";
    private static final String INVOKE = LOCAL + "invoke/";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Clock clock;
    private Wiring wiring;

    private ApiServer(HttpServer server, Clock clock) {
        this.server = server;
        this.clock = clock;
    }

    /** Binds the port now, before anything slow starts, so that a port in use is reported at once. */
    static ApiServer bind(int port, Clock clock) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
            return new ApiServer(server, clock);
        } catch (BindException e) {
            throw new StartFailure("Port " + port
                    + " is already in use: stop whatever is listening there, or start on another port with PORT="
                    + (port + 1) + " local/run.");
        } catch (IOException e) {
            throw new StartFailure("Cannot listen on port " + port + ": " + e.getMessage() + ".", e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    void start(Wiring wiring) {
        this.wiring = wiring;
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            IncomingRequest request = IncomingRequest.read(exchange, PAYLOAD_LIMIT);
            Reply reply = route(request);
            reply.withHeaders(wiring.cors().responseHeaders(request)).send(exchange);
        } catch (RuntimeException e) {
            System.err.println("local runner: " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getRawPath() + " failed: " + e);
            Reply.problem(500, "internal", "Internal error", "The local runner failed: " + e.getMessage())
                    .send(exchange);
        }
    }

    private Reply route(IncomingRequest request) throws IOException {
        String path = request.rawPath();
        if (path.startsWith(LOCAL)) return local(request);
        if (wiring.cors().isPreflight(request)) return new Reply(204, Map.of(), new byte[0]);
        Optional<ApiRoutes.Match> match = wiring.routes().match(request.method(), path);
        if (match.isPresent()) return callFunction(request, match.get());
        if (request.method().equals("GET") || request.method().equals("HEAD")) {
            Optional<Reply> file = wiring.web().serve(path);
            if (file.isPresent()) return file.get();
        }
        // API Gateway answers an unknown route with 404 {"message":"Not Found"}; we answer in the API's own problem
        // format.
        return Reply.problem(404, "not-found", "Not found", "No route for " + request.method() + " " + path + ".");
    }

    private Reply callFunction(IncomingRequest request, ApiRoutes.Match match) {
        String host = Optional.ofNullable(request.header("host")).orElse("localhost:" + port());
        byte[] event = RunnerJson.bytes(HttpApiEvent.of(request, match, host, clock.instant()));
        try {
            return Reply.fromFunctionOutput(
                    wiring.functions().get(match.route().functionId()).invoke(event));
        } catch (HostedFunction.Failed failed) {
            failed.getCause().printStackTrace();
            // What API Gateway answers when the integration fails.
            return Reply.json(500, Map.of("message", "Internal Server Error"));
        }
    }

    private Reply local(IncomingRequest request) throws IOException {
        String path = request.rawPath();
        if (path.equals(LOCAL + "mail")) {
            if (!request.method().equals("GET")) return notAllowed("GET");
            wiring.beforeMail().run();
            return Reply.json(200, wiring.mailbox().all());
        }
        if (path.equals(LOCAL + "inbound")) {
            if (!request.method().equals("POST")) return notAllowed("POST");
            return inbound(request);
        }
        if (path.startsWith(INVOKE)) {
            if (!request.method().equals("POST")) return notAllowed("POST");
            return invoke(request, path.substring(INVOKE.length()));
        }
        return Reply.problem(
                404,
                "not-found",
                "Not found",
                "The local endpoints are GET /_local/mail, POST /_local/inbound and POST /_local/invoke/{FunctionLogicalId}.");
    }

    private Reply inbound(IncomingRequest request) {
        if (request.body().length == 0) {
            return Reply.problem(
                    400,
                    "bad-request",
                    "Bad request",
                    "Send a raw RFC 5322 message as the body (Content-Type: message/rfc822).");
        }
        SesReceiptEvent.Verdicts verdicts;
        try {
            verdicts = SesReceiptEvent.Verdicts.from(HttpApiEvent.queryParameters(request.rawQuery()));
        } catch (IllegalArgumentException e) {
            return Reply.problem(400, "bad-request", "Bad request", e.getMessage());
        }
        try {
            InboundMail.Delivered delivered = wiring.inbound().deliver(request.body(), verdicts);
            return Reply.json(
                    202,
                    Map.of("messageId", delivered.messageId(), "bucket", delivered.bucket(), "key", delivered.key()));
        } catch (MessagingException e) {
            return Reply.problem(
                    400, "bad-request", "Bad request", "Not a readable RFC 5322 message: " + e.getMessage());
        } catch (HostedFunction.Failed failed) {
            failed.getCause().printStackTrace();
            return Reply.problem(502, "function-error", "Function error", failed.getMessage());
        }
    }

    /** Like {@code sam local invoke}: the event in, the function's JSON out. */
    private Reply invoke(IncomingRequest request, String functionId) {
        Optional<HostedFunction> function = wiring.functions().find(functionId);
        if (function.isEmpty()) {
            return Reply.problem(
                    404,
                    "not-found",
                    "Not found",
                    "No function " + functionId + " in template.yaml; there are "
                            + String.join(", ", wiring.functions().ids()) + ".");
        }
        byte[] event = request.body().length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : request.body();
        try {
            byte[] output = function.get().invoke(event);
            return Reply.of(
                    200, "application/json", output.length == 0 ? "null".getBytes(StandardCharsets.UTF_8) : output);
        } catch (HostedFunction.Failed failed) {
            failed.getCause().printStackTrace();
            // Lambda's answer to an invocation whose handler threw.
            Throwable cause = failed.getCause();
            return Reply.json(
                            200,
                            Map.of(
                                    "errorMessage",
                                    String.valueOf(cause.getMessage()),
                                    "errorType",
                                    cause.getClass().getName(),
                                    "requestId",
                                    failed.requestId()))
                    .withHeaders(Map.of("X-Amz-Function-Error", "Unhandled"));
        }
    }

    private static Reply notAllowed(String allowed) {
        return Reply.problem(405, "method-not-allowed", "Method not allowed", "Use " + allowed + ".")
                .withHeaders(Map.of("Allow", allowed));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
