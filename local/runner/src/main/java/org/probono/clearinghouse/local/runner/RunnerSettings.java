package org.probono.clearinghouse.local.runner;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.probono.clearinghouse.local.backend.Dynoxide;

/**
 * How the runner is started: the port it serves on (0 picks a free one, for tests), the AWS endpoint to
 * use instead of starting moto, the dynoxide executable that serves DynamoDB beside the moto it starts
 * (none: moto serves DynamoDB too), how often the schedule fires, and the repository it serves from.
 */
public record RunnerSettings(
        int port, Optional<URI> endpoint, Optional<Path> dynoxide, Duration scheduleEvery, Path repositoryRoot) {
    public static final int DEFAULT_PORT = 3000;
    public static final Duration DEFAULT_SCHEDULE = Duration.ofSeconds(60);

    /** From the environment: {@code PORT}, {@code AWS_ENDPOINT_URL}, {@code DYNOXIDE}, {@code SCHEDULE_SECONDS}. */
    public static RunnerSettings fromEnvironment(Map<String, String> environment, Path repositoryRoot) {
        int port = integer(environment, "PORT", DEFAULT_PORT, 0, 65535);
        int seconds = integer(environment, "SCHEDULE_SECONDS", (int) DEFAULT_SCHEDULE.toSeconds(), 1, 86_400);
        Optional<URI> endpoint = Optional.ofNullable(environment.get("AWS_ENDPOINT_URL"))
                .filter(value -> !value.isBlank())
                .map(value -> {
                    try {
                        URI uri = URI.create(value.strip());
                        if (uri.getScheme() == null || uri.getHost() == null) throw new IllegalArgumentException();
                        return uri;
                    } catch (IllegalArgumentException e) {
                        throw new StartFailure(
                                "AWS_ENDPOINT_URL '" + value + "' is not a URL such as http://localhost:4566.");
                    }
                });
        Optional<Path> dynoxide = endpoint.isPresent() ? Optional.empty() : Dynoxide.installed();
        return new RunnerSettings(port, endpoint, dynoxide, Duration.ofSeconds(seconds), repositoryRoot);
    }

    /** For tests: a free port, moto started by the runner (DynamoDB too), the schedule as given. */
    public static RunnerSettings forTest(Path repositoryRoot, Duration scheduleEvery) {
        return new RunnerSettings(0, Optional.empty(), Optional.empty(), scheduleEvery, repositoryRoot);
    }

    public RunnerSettings withEndpoint(URI endpoint) {
        return new RunnerSettings(port, Optional.of(endpoint), Optional.empty(), scheduleEvery, repositoryRoot);
    }

    public RunnerSettings withDynoxide(Path binary) {
        return new RunnerSettings(port, Optional.empty(), Optional.of(binary), scheduleEvery, repositoryRoot);
    }

    private static int integer(Map<String, String> environment, String name, int fallback, int min, int max) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) return fallback;
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) return parsed;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new StartFailure(name + " must be a whole number from " + min + " to " + max + ", not '" + value + "'.");
    }
}
