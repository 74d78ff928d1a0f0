package org.probono.clearinghouse.desk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/** The local runner's {@code POST /_local/invoke/{Function}}: the same JSON as {@code sam local invoke}. */
record LocalRunnerTarget(URI base, HttpClient http) implements Target {
    static final URI DEFAULT = URI.create("http://localhost:3000");

    static LocalRunnerTarget at(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip().replaceAll("/+$", ""));
        } catch (IllegalArgumentException e) {
            throw DeskFailure.usage(
                    "--local takes the runner's URL, such as http://localhost:3000, not '" + url + "'.");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw DeskFailure.usage(
                    "--local takes the runner's URL, such as http://localhost:3000, not '" + url + "'.");
        }
        return new LocalRunnerTarget(
                uri,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build());
    }

    /** Whether something listens where the runner usually does (a quick connect, nothing sent). */
    static boolean answersOnDefaultPort() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(DEFAULT.getHost(), DEFAULT.getPort()), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public JsonNode invoke(AdminFunction function, ObjectNode command) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/_local/invoke/" + function.logicalId))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(DeskJson.pretty(command), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new DeskFailure(
                    ExitCode.UNREACHABLE, "No local runner answers at " + base + "; start one with local/run.");
        } catch (IOException e) {
            throw new DeskFailure(
                    ExitCode.UNREACHABLE, "The local runner at " + base + " did not answer (" + e.getMessage() + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeskFailure(ExitCode.FAILED, "Interrupted while waiting for the local runner.");
        }
        if (response.statusCode() != 200) {
            throw new DeskFailure(
                    ExitCode.UNREACHABLE,
                    base + " answered " + response.statusCode() + " to /_local/invoke/" + function.logicalId
                            + "; is it the local runner (local/run)?");
        }
        JsonNode answer = DeskJson.parse(response.body(), function.logicalId);
        if (response.headers().firstValue("X-Amz-Function-Error").isPresent()) {
            throw new DeskFailure(
                    ExitCode.FAILED,
                    function.logicalId + " failed: "
                            + answer.path("errorMessage").asText("no message") + ".");
        }
        return answer;
    }

    @Override
    public Optional<ZoneId> zone() {
        return Optional.empty();
    }
}
