package org.probono.clearinghouse.local.runner;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.probono.clearinghouse.local.backend.AwsBackend;
import org.probono.clearinghouse.local.backend.BackendUnavailable;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.MotoServer;
import org.probono.clearinghouse.local.backend.MotoWithDynoxide;
import org.probono.clearinghouse.local.backend.SentMail;
import org.probono.clearinghouse.local.backend.Template;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The whole clearinghouse in one JVM: a backend (moto, with DynamoDB on dynoxide where it is installed, or
 * {@code AWS_ENDPOINT_URL}) with the template's
 * resources, the four functions hosted as Lambda hosts them, the HTTP API and the web form on the loopback
 * address, the table's stream delivered to NotifyFunction, and the schedule fired every minute.
 * {@code local/run} starts {@link #main}; tests call {@link #start} with a free port.
 */
public final class LocalRunner implements AutoCloseable {
    private final ApiServer server;
    private final AwsBackend backend;
    private final LocalAws aws;
    private final StreamDelivery stream;
    private final Schedule schedule;
    private final String url;

    private LocalRunner(
            ApiServer server, AwsBackend backend, LocalAws aws, StreamDelivery stream, Schedule schedule, String url) {
        this.server = server;
        this.backend = backend;
        this.aws = aws;
        this.stream = stream;
        this.schedule = schedule;
        this.url = url;
    }

    public static void main(String[] args) {
        Path root;
        LocalRunner runner;
        try {
            root = Template.repositoryRoot();
            runner = start(RunnerSettings.fromEnvironment(System.getenv(), root));
        } catch (StartFailure | BackendUnavailable | IllegalStateException e) {
            System.err.println("local/run: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("\nStopping...");
                            runner.close();
                            stopped.countDown();
                        },
                        "local-runner-stop"));
        System.out.println(TryThis.banner(
                runner.url(), runner.backend.name(), Template.load(root.resolve("template.yaml")), root));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts everything and returns once the API answers. */
    public static LocalRunner start(RunnerSettings settings) {
        Clock clock = Clock.systemUTC();
        Template template = Template.load(settings.repositoryRoot().resolve("template.yaml"));
        ApiServer server = ApiServer.bind(settings.port(), clock);
        AwsBackend backend = null;
        try {
            String url = "http://localhost:" + server.port();
            backend = settings.endpoint()
                    .<AwsBackend>map(ExternalBackend::connect)
                    .or(() -> settings.dynoxide().map(MotoWithDynoxide::start))
                    .orElseGet(MotoServer::start);
            LocalAws aws = new LocalAws(backend);
            Map<String, String> overrides = new LinkedHashMap<>();
            overrides.put("WebOrigin", url);
            overrides.put("PublicApiUrl", url);
            Map<String, String> environment = createResources(aws, template, overrides, backend);
            aws.installAsSystemProperties();

            Functions functions = Functions.load(template);
            Map<String, String> parameters =
                    new LinkedHashMap<>(org.probono.clearinghouse.local.backend.LocalResources.PARAMETERS);
            parameters.putAll(overrides);
            S3Client s3 = aws.s3();
            StreamDelivery stream = StreamDelivery.start(aws, template, functions);
            server.start(new ApiServer.Wiring(
                    functions,
                    new ApiRoutes(template.httpRoutes()),
                    Cors.from(template, parameters),
                    new StaticWeb(settings.repositoryRoot().resolve("web"), url),
                    SentMail.of(aws),
                    InboundMail.from(template, functions, s3, environment, clock),
                    stream::deliverPending));
            Schedule schedule = Schedule.start(template, functions, settings.scheduleEvery(), clock);
            return new LocalRunner(server, backend, aws, stream, schedule, url);
        } catch (RuntimeException e) {
            server.close();
            if (backend != null) backend.close();
            throw e;
        }
    }

    private static Map<String, String> createResources(
            LocalAws aws, Template template, Map<String, String> overrides, AwsBackend backend) {
        try {
            return aws.resetAndCreate(template, overrides);
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw new StartFailure(
                    "Could not create the table, bucket, key and mail identities on " + backend.name() + " ("
                            + e.getMessage() + "); if an earlier run left them there, restart that backend.",
                    e);
        }
    }

    /** The runner's base URL: the API and the web form ({@code http://localhost:<port>}). */
    public String url() {
        return url;
    }

    public int port() {
        return server.port();
    }

    public LocalAws aws() {
        return aws;
    }

    /** Delivers waiting stream records now instead of at the next poll. */
    public void deliverStream() {
        stream.deliverPending();
    }

    /** Fires the template's schedules once, now. */
    public void fireSchedule() {
        schedule.fireAll();
    }

    /** Stops the schedule, the stream, the server and the backend if the runner started it. */
    @Override
    public void close() {
        schedule.close();
        stream.close();
        server.close();
        backend.close();
    }
}
