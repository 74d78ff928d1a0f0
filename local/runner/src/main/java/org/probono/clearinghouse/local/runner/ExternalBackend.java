package org.probono.clearinghouse.local.runner;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.probono.clearinghouse.local.backend.AwsBackend;
import org.probono.clearinghouse.local.backend.BackendUnavailable;

/**
 * An AWS-compatible endpoint someone else runs ({@code AWS_ENDPOINT_URL}: a LocalStack, a moto of their
 * own). The runner uses it as it is: it never wipes it, and it leaves it running on exit.
 */
final class ExternalBackend implements AwsBackend {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private final URI endpoint;

    private ExternalBackend(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** Waits up to a minute for the endpoint to answer at all (any HTTP status will do). */
    static ExternalBackend connect(URI endpoint) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                http.send(
                        HttpRequest.newBuilder(endpoint)
                                .timeout(Duration.ofSeconds(2))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                return new ExternalBackend(endpoint);
            } catch (IOException e) {
                sleep();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new BackendUnavailable("Nothing answered at AWS_ENDPOINT_URL=" + endpoint + " within " + WAIT.toSeconds()
                + " s: start moto or LocalStack there, or unset AWS_ENDPOINT_URL to let local/run start moto.");
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public String name() {
        return endpoint.getPort() == 4566 ? "LocalStack at " + endpoint : "the endpoint at " + endpoint;
    }

    /** Never wipes a backend the runner did not start. */
    @Override
    public void reset() {}

    @Override
    public void close() {}
}
