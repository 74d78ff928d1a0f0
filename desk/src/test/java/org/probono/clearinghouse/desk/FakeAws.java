package org.probono.clearinghouse.desk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Stands in for AWS at one endpoint: CloudFormation's DescribeStacks (the Query protocol, XML answers) and
 * Lambda's Invoke ({@code POST /2015-03-31/functions/{name}/invocations}), as the SDK clients call them with an
 * endpoint override. Stacks and function answers are set by the test; every invocation is recorded.
 */
final class FakeAws implements AutoCloseable {
    record Invocation(String functionName, String payload) {}

    record FunctionAnswer(String payload, boolean unhandled) {}

    private final HttpServer server;
    private final Map<String, String> stacks = new ConcurrentHashMap<>();
    private final Map<String, FunctionAnswer> functions = new ConcurrentHashMap<>();
    final List<Invocation> invocations = new CopyOnWriteArrayList<>();

    FakeAws() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::handle);
        server.start();
    }

    String endpoint() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** A stack with these outputs and parameters. */
    void stack(String name, Map<String, String> outputs, Map<String, String> parameters) {
        stacks.put(name, """
                <DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
                  <DescribeStacksResult><Stacks><member>
                    <StackName>%s</StackName>
                    <StackId>arn:aws:cloudformation:eu-west-1:123456789012:stack/%s/1</StackId>
                    <CreationTime>2026-11-01T00:00:00Z</CreationTime>
                    <StackStatus>UPDATE_COMPLETE</StackStatus>
                    <Parameters>%s</Parameters>
                    <Outputs>%s</Outputs>
                  </member></Stacks></DescribeStacksResult>
                  <ResponseMetadata><RequestId>fake-1</RequestId></ResponseMetadata>
                </DescribeStacksResponse>""".formatted(
                        name,
                        name,
                        members(parameters, "ParameterKey", "ParameterValue"),
                        members(outputs, "OutputKey", "OutputValue")));
    }

    void function(String name, String payload, boolean unhandled) {
        functions.put(name, new FunctionAnswer(payload, unhandled));
    }

    private static String members(Map<String, String> entries, String key, String value) {
        return entries.entrySet().stream()
                .map(e -> "<member><%s>%s</%s><%s>%s</%s></member>"
                        .formatted(key, e.getKey(), key, value, e.getValue(), value))
                .collect(Collectors.joining());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getRawPath();
        if (path.startsWith("/2015-03-31/functions/") && path.endsWith("/invocations")) {
            String name = URLDecoder.decode(
                    path.substring("/2015-03-31/functions/".length(), path.length() - "/invocations".length()),
                    StandardCharsets.UTF_8);
            invocations.add(new Invocation(name, body));
            FunctionAnswer answer = functions.get(name);
            if (answer == null) {
                exchange.getResponseHeaders().add("x-amzn-ErrorType", "ResourceNotFoundException");
                reply(
                        exchange,
                        404,
                        "application/json",
                        "{\"Type\":\"User\",\"message\":\"Function not found: " + name + "\"}");
                return;
            }
            if (answer.unhandled()) exchange.getResponseHeaders().add("X-Amz-Function-Error", "Unhandled");
            reply(exchange, 200, "application/json", answer.payload());
            return;
        }
        Map<String, String> form = Arrays.stream(body.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                        p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "",
                        (a, b) -> b));
        String stack = stacks.get(form.getOrDefault("StackName", ""));
        if (!"DescribeStacks".equals(form.get("Action")) || stack == null) {
            reply(exchange, 400, "text/xml", """
                    <ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
                      <Error><Type>Sender</Type><Code>ValidationError</Code><Message>Stack with id %s does not exist</Message></Error>
                      <RequestId>fake-2</RequestId>
                    </ErrorResponse>""".formatted(form.get("StackName")));
            return;
        }
        reply(exchange, 200, "text/xml", stack);
    }

    private static void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
