package org.probono.clearinghouse.local.backend;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * LocalStack through Testcontainers. The image tag is pinned: LocalStack's {@code latest} needs an auth
 * token since March 2026; 4.12 runs without one.
 */
public final class LocalStackBackend implements AwsBackend {
    public static final String IMAGE = "localstack/localstack:4.12";

    private final LocalStackContainer container;
    private final HttpClient http = HttpClient.newHttpClient();

    private LocalStackBackend(LocalStackContainer container) {
        this.container = container;
    }

    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    public static LocalStackBackend start() {
        if (!dockerAvailable()) {
            throw new BackendUnavailable("LocalStack needs a running Docker engine, and none answers here."
                    + " Start Docker (and allow pulling " + IMAGE
                    + "), or use the default backend: -Daws.backend=moto.");
        }
        LocalStackContainer container = new LocalStackContainer(DockerImageName.parse(IMAGE))
                .withEnv("SERVICES", "dynamodb,dynamodbstreams,s3,kms,ses,sns,sqs");
        container.start();
        return new LocalStackBackend(container);
    }

    @Override
    public URI endpoint() {
        return container.getEndpoint();
    }

    @Override
    public String name() {
        return "localstack";
    }

    @Override
    public void reset() {
        try {
            http.send(
                    HttpRequest.newBuilder(endpoint().resolve("/_localstack/state/reset"))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new IllegalStateException("LocalStack reset failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        container.stop();
    }
}
