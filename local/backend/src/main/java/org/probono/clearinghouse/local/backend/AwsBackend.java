package org.probono.clearinghouse.local.backend;

import java.net.URI;
import java.util.Locale;

/**
 * An AWS-compatible endpoint the tests and the local runner talk to: moto in server mode (the default)
 * (optionally with DynamoDB on dynoxide) or LocalStack in a container. Every AWS call goes to
 * {@link #endpoint()}, DynamoDB's to {@link #dynamoDbEndpoint()}.
 */
public interface AwsBackend extends AutoCloseable {
    String REGION = "us-east-1";

    /** The system property (and Maven property) that chooses the backend: moto, localstack or auto. */
    String CHOICE_PROPERTY = "aws.backend";

    URI endpoint();

    /** Where DynamoDB and its streams are served: the same endpoint, unless DynamoDB runs apart (dynoxide). */
    default URI dynamoDbEndpoint() {
        return endpoint();
    }

    String name();

    /** Forgets every resource and item, as if freshly started. */
    void reset();

    @Override
    void close();

    /**
     * Starts the chosen backend: {@code moto} (default), {@code localstack}, or {@code auto} (LocalStack
     * when a Docker engine answers, else moto). Throws {@link BackendUnavailable} saying what to install.
     */
    static AwsBackend start(String choice) {
        return switch (choice == null || choice.isBlank()
                ? "moto"
                : choice.strip().toLowerCase(Locale.ROOT)) {
            case "moto" -> MotoServer.start();
            case "localstack" -> LocalStackBackend.start();
            case "auto" -> LocalStackBackend.dockerAvailable() ? LocalStackBackend.start() : MotoServer.start();
            default ->
                throw new BackendUnavailable(
                        "Unknown AWS backend '" + choice + "': use -Daws.backend=moto (default), localstack or auto.");
        };
    }

    static String chosen() {
        String property = System.getProperty(CHOICE_PROPERTY);
        return property != null ? property : System.getenv().getOrDefault("AWS_BACKEND", "moto");
    }
}
