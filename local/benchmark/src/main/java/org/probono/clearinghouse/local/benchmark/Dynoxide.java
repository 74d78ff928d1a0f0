package org.probono.clearinghouse.local.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.probono.clearinghouse.local.backend.AwsBackend;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.LocalResources;
import org.probono.clearinghouse.local.backend.Template;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** dynoxide (npm @dynoxide/linux-x64), an in-memory DynamoDB emulator, with the template's table on it. */
final class Dynoxide implements AutoCloseable {
    private final Process process;
    private final String endpoint;
    private final DynamoDbClient client;

    private Dynoxide(Process process, String endpoint) {
        this.process = process;
        this.endpoint = endpoint;
        this.client = DynamoDbClient.builder().endpointOverride(URI.create(endpoint)).region(Region.of(AwsBackend.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LocalAws.ACCESS_KEY, LocalAws.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** Started when {@code -Dbench.dynoxide} names an executable; otherwise null (DynamoDB stays on moto). */
    static Dynoxide startIfConfigured(Template template) throws IOException, InterruptedException {
        String binary = System.getProperty("bench.dynoxide", "");
        if (binary.isBlank() || !Files.isExecutable(Path.of(binary))) return null;
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(binary, "serve", "--host", "127.0.0.1", "--port", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Dynoxide dynoxide = new Dynoxide(process, "http://127.0.0.1:" + port);
        for (int attempt = 0; ; attempt++) {
            try {
                dynoxide.client.listTables();
                break;
            } catch (RuntimeException e) {
                if (attempt == 100 || !process.isAlive()) {
                    dynoxide.close();
                    throw new IllegalStateException("dynoxide did not start", e);
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
        LocalResources.createTable(dynoxide.client, template);
        return dynoxide;
    }

    String endpoint() { return endpoint; }

    DynamoDbClient client() { return client; }

    @Override
    public void close() {
        client.close();
        process.destroy();
    }
}
