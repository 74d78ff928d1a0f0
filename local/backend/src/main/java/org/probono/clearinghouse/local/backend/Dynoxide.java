package org.probono.clearinghouse.local.backend;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * dynoxide (npm {@code @dynoxide/linux-x64}), a DynamoDB emulator backed by in-memory SQLite, as a child
 * process on a free loopback port: about a millisecond a call and a flat cost per transaction however
 * large the table grows, with streams that Lambda's poller (and {@link StreamPump}) can read.
 * {@code local/run} and {@code local/test} install it where npm can, and name it in {@code DYNOXIDE}.
 */
public final class Dynoxide implements AutoCloseable {
    /** The environment variable (or system property) naming the dynoxide executable. */
    public static final String BINARY = "DYNOXIDE";

    private final Process process;
    private final URI endpoint;
    private final DynamoDbClient client;

    private Dynoxide(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
        this.client = DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(AwsBackend.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LocalAws.ACCESS_KEY, LocalAws.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** The executable named by {@code DYNOXIDE} (system property first, then environment), if it is one. */
    public static Optional<Path> installed() {
        return installed(System.getenv());
    }

    static Optional<Path> installed(Map<String, String> environment) {
        String named = System.getProperty(BINARY, environment.getOrDefault(BINARY, ""));
        if (named.isBlank()) return Optional.empty();
        Path binary = Path.of(named.strip());
        return Files.isExecutable(binary) ? Optional.of(binary) : Optional.empty();
    }

    public static Dynoxide start(Path binary) {
        int port = MotoServer.freePort();
        Process process;
        try {
            process = new ProcessBuilder(
                            binary.toString(), "serve", "--host", "127.0.0.1", "--port", Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new BackendUnavailable("Could not start dynoxide (" + binary + "): " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        Dynoxide dynoxide = new Dynoxide(process, URI.create("http://127.0.0.1:" + port));
        for (int attempt = 0; ; attempt++) {
            try {
                dynoxide.client.listTables();
                return dynoxide;
            } catch (RuntimeException e) {
                if (attempt == 200 || !process.isAlive()) {
                    dynoxide.close();
                    throw new BackendUnavailable(
                            "dynoxide (" + binary + ") did not answer within 10 s;"
                                    + " unset DYNOXIDE to keep DynamoDB on moto.",
                            e);
                }
                try {
                    TimeUnit.MILLISECONDS.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new BackendUnavailable("interrupted while dynoxide started", interrupted);
                }
            }
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    public DynamoDbClient client() {
        return client;
    }

    /** Deletes every table: the state of a fresh start. */
    public void reset() {
        client.listTablesPaginator().tableNames().forEach(table -> client.deleteTable(d -> d.tableName(table)));
    }

    @Override
    public void close() {
        client.close();
        MotoServer.stop(process);
    }
}
