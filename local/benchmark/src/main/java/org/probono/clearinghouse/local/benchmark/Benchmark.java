package org.probono.clearinghouse.local.benchmark;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.probono.clearinghouse.local.backend.AwsBackend;
import org.probono.clearinghouse.local.backend.Dynoxide;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.LocalResources;
import org.probono.clearinghouse.local.backend.MotoServer;
import org.probono.clearinghouse.local.backend.Template;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Prints cold-start, warm-latency and memory figures for each function, each measured in a fresh JVM
 * started with Lambda's flags and the function's shaded jar. AWS calls go to moto; DynamoDB goes to
 * dynoxide (a DynamoDB emulator answering in about a millisecond) when {@code -Dbench.dynoxide} names
 * its binary, since moto's transactions copy the whole table and would dominate every write figure.
 * The backend's own per-call latency is printed too: read the warm figures relative to it.
 * Targets and the last measured figures: docs/performance.md.
 */
public final class Benchmark {
    /** Lambda's JAVA_TOOL_OPTIONS from template.yaml are applied too (tiered compilation level 1). */
    private static final int WARM = Integer.getInteger("bench.warm", 200);

    record Case(String name, String functionId, String eventFile) {}

    private static final List<Case> CASES = List.of(
            new Case("register: POST /organisations (write, 1 transaction)", "RegisterFunction", "register-organisation.json"),
            new Case("register: GET /verify unknown token (read, 400)", "RegisterFunction", "register-verify-unknown.json"),
            new Case("submit: POST /requests without token (401)", "SubmitRequestFunction", "submit-unauthorised.json"),
            new Case("assign: queue (GSI query)", "AssignFunction", "assign-queue.json"),
            new Case("notify: SNS bounce (suppression write)", "NotifyFunction", "notify-bounce.json"));

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        Path root = Template.repositoryRoot();
        Template template = Template.fromRepository();
        Path probeClasses = Path.of(Probe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String java = ProcessHandle.current().info().command().orElse("java");
        String toolOptions = template.globalEnvironment().getOrDefault("JAVA_TOOL_OPTIONS", "");

        try (MotoServer moto = MotoServer.start(); Dynoxide dynoxide = startDynoxide(template)) {
            LocalAws aws = new LocalAws(moto);
            aws.resetAndCreate();
            DynamoDbClient dynamoDb = dynoxide == null ? aws.dynamoDb() : dynoxide.client();
            System.out.printf(Locale.ROOT, "backend: moto%s; DynamoDB %.2f ms per GetItem (median of 200, from a warm JVM)%n%n",
                    dynoxide == null ? "" : ", DynamoDB on dynoxide", backendMillisPerCall(dynamoDb, aws.tableName()));
            System.out.printf(Locale.ROOT, "%-55s %8s %8s %10s %8s %8s %8s %7s %8s %6s%n", "case", "init_ms", "first_ms",
                    "jvm→done", "p50_ms", "p90_ms", "p99_ms", "heap_mb", "classes", "status");
            for (Case c : CASES) {
                Template.Function function = template.functions().stream()
                        .filter(f -> f.logicalId().equals(c.functionId())).findFirst().orElseThrow();
                Path jar = root.resolve(function.codeUri());
                Map<String, String> figures = run(java, toolOptions, jar, probeClasses, function.handlerClass(),
                        root.resolve("local/benchmark/events").resolve(c.eventFile()), aws, moto, dynoxide);
                System.out.printf(Locale.ROOT, "%-55s %8s %8s %10s %8s %8s %8s %7s %8s %6s%n", c.name(),
                        figures.get("init_ms"), figures.get("first_ms"), figures.get("jvm_to_first_done_ms"),
                        figures.get("warm_p50_ms"), figures.get("warm_p90_ms"), figures.get("warm_p99_ms"),
                        figures.get("heap_used_mb"), figures.get("classes"), figures.get("first_status"));
            }
            System.out.println();
            printTransactionLatency("moto (the runner's and the tests' backend)", aws.dynamoDb(), aws.tableName());
            if (dynoxide != null) printTransactionLatency("dynoxide", dynoxide.client(), aws.tableName());
            System.out.println();
            for (Template.Function function : template.functions()) {
                Path jar = root.resolve(function.codeUri());
                System.out.printf(Locale.ROOT, "jar %-50s %6.1f MB%n", function.codeUri(), Files.size(jar) / 1e6);
            }
        }
    }

    private static Map<String, String> run(String java, String toolOptions, Path jar, Path probeClasses, String handler,
                                           Path event, LocalAws aws, AwsBackend backend, Dynoxide dynoxide)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(List.of(toolOptions.split("\\s+")));
        command.addAll(List.of("-cp", jar + File.pathSeparator + probeClasses,
                Probe.class.getName(), handler, event.toString(), Integer.toString(WARM)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(aws.environment());
        builder.environment().put("AWS_ENDPOINT_URL", backend.endpoint().toString());
        if (dynoxide != null) builder.environment().put("AWS_ENDPOINT_URL_DYNAMODB", dynoxide.endpoint().toString());
        builder.environment().put("AWS_ACCESS_KEY_ID", LocalAws.ACCESS_KEY);
        builder.environment().put("AWS_SECRET_ACCESS_KEY", LocalAws.SECRET_KEY);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0 || !output.contains("RESULT ")) {
            throw new IllegalStateException("probe of " + handler + " failed:\n" + output);
        }
        Map<String, String> figures = new LinkedHashMap<>();
        String line = output.substring(output.indexOf("RESULT ") + 7).lines().findFirst().orElse("");
        for (String pair : line.split(" ")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2) figures.put(kv[0], kv[1]);
        }
        return figures;
    }

    /** dynoxide with the template's table when {@code -Dbench.dynoxide} names it; otherwise null (DynamoDB on moto). */
    private static Dynoxide startDynoxide(Template template) {
        String binary = System.getProperty("bench.dynoxide", "");
        if (binary.isBlank()) return null;
        Dynoxide dynoxide = Dynoxide.start(Path.of(binary));
        LocalResources.createTable(dynoxide.client(), template);
        return dynoxide;
    }

    private static void printTransactionLatency(String backend, DynamoDbClient dynamoDb, String table) {
        TransactionLatency latency = new TransactionLatency(dynamoDb, table);
        System.out.printf(Locale.ROOT, "transaction on %s, median ms with 0 / 1,000 / 10,000 items stored: %.1f / %.1f / %.1f%n",
                backend, latency.medianAt(0), latency.medianAt(1_000), latency.medianAt(10_000));
    }

    private static double backendMillisPerCall(DynamoDbClient dynamoDb, String table) {
        long[] nanos = new long[200];
        var key = Map.of("PK", AttributeValue.fromS("BENCH"), "SK", AttributeValue.fromS("BENCH"));
        for (int i = 0; i < 20; i++) dynamoDb.getItem(g -> g.tableName(table).key(key));
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            dynamoDb.getItem(g -> g.tableName(table).key(key));
            nanos[i] = System.nanoTime() - t;
        }
        java.util.Arrays.sort(nanos);
        return nanos[nanos.length / 2] / 1e6;
    }
}
