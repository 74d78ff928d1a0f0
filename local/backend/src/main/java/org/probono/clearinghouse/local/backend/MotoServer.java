package org.probono.clearinghouse.local.backend;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * moto in server mode ({@code python3 -m moto.server}) as a child process on a free loopback port.
 * Stopped on {@link #close()} and, failing that, when the JVM exits.
 */
public final class MotoServer implements AwsBackend {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final String INSTALL =
            "Install moto in server mode: pip install \"moto[server]\" (Python 3.9 or newer),"
                    + " or point AWS_ENDPOINT_URL at a running moto or LocalStack.";

    private final Process process;
    private final URI endpoint;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private MotoServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    public static MotoServer start() {
        return start(freePort());
    }

    public static MotoServer start(int port) {
        return start(port, command(port));
    }

    /**
     * moto exactly as a person starts it by hand ({@code python3 -m moto.server}), with none of the
     * launcher's fixes: what the runner meets behind {@code AWS_ENDPOINT_URL}. For tests that prove the
     * project copes with moto's own behaviour.
     */
    public static MotoServer startAsIs() {
        int port = freePort();
        String python = System.getenv().getOrDefault("MOTO_PYTHON", "python3");
        return start(port, List.of(python, "-m", "moto.server", "-H", "127.0.0.1", "-p", Integer.toString(port)));
    }

    private static MotoServer start(int port, List<String> command) {
        Path log;
        Process process;
        try {
            log = Files.createTempFile("moto-" + port + "-", ".log");
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new BackendUnavailable("Could not start moto (" + String.join(" ", command) + "). " + INSTALL, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process)));
        MotoServer server = new MotoServer(process, URI.create("http://127.0.0.1:" + port));
        server.awaitReady(log);
        return server;
    }

    /**
     * Runs moto's server app behind a lock ({@code moto_serialized.py}: moto's transactions are not atomic
     * under concurrent requests); falls back to the plain {@code moto_server} script when Python cannot
     * import moto's app (an unusual install), where concurrency tests may then see moto's races.
     */
    private static List<String> command(int port) {
        String python = System.getenv().getOrDefault("MOTO_PYTHON", "python3");
        if (onPath(python) && canImportMoto(python)) {
            return List.of(python, launcher().toString(), "127.0.0.1", Integer.toString(port));
        }
        if (onPath("moto_server")) return List.of("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port));
        throw new BackendUnavailable("moto is not installed here. " + INSTALL);
    }

    private static boolean canImportMoto(String python) {
        try {
            Process check = new ProcessBuilder(python, "-c", "import moto.moto_server.werkzeug_app, werkzeug.serving")
                    .redirectErrorStream(true)
                    .start();
            return check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Path launcher() {
        try (var script = MotoServer.class.getResourceAsStream("moto_serialized.py")) {
            Path file = Files.createTempFile("moto_serialized-", ".py");
            Files.write(file, script.readAllBytes());
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new BackendUnavailable("Could not write the moto launcher to a temporary file", e);
        }
    }

    private static boolean onPath(String program) {
        if (program.contains(File.separator)) return Files.isExecutable(Path.of(program));
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }

    private void awaitReady(Path log) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new BackendUnavailable("moto exited at start (see " + log + "). " + INSTALL);
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(endpoint.resolve("/moto-api/"))
                                .timeout(Duration.ofSeconds(2))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) return;
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(100);
        }
        stop(process);
        throw new BackendUnavailable(
                "moto did not answer within " + START_TIMEOUT.toSeconds() + " s (see " + log + ").");
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public String name() {
        return "moto";
    }

    @Override
    public void reset() {
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200)
                throw new IllegalStateException("moto reset answered " + response.statusCode());
        } catch (IOException e) {
            throw new IllegalStateException("moto reset failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** moto's whole state as JSON (sent emails live under {@code ses.RawMessage}). */
    public String stateJson() throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(endpoint.resolve("/moto-api/data.json"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    @Override
    public void close() {
        stop(process);
    }

    /** Stops a backend's child process (and its children), forcibly after 5 s. Also used for dynoxide. */
    static void stop(Process process) {
        if (!process.isAlive()) return;
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new BackendUnavailable("No free loopback port for moto", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
