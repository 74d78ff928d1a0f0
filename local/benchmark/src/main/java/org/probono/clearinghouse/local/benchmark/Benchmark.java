package org.probono.clearinghouse.local.benchmark;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.zip.ZipFile;
import org.probono.clearinghouse.local.backend.Dynoxide;
import org.probono.clearinghouse.local.backend.LocalAws;
import org.probono.clearinghouse.local.backend.LocalResources;
import org.probono.clearinghouse.local.backend.MotoServer;
import org.probono.clearinghouse.local.backend.Template;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Prints what users wait for, per function path: the wall time from JVM start to the first answer, as
 * a multiple of a floor program's (one DynamoDbClient, one GetItem) measured in the same pair of runs
 * (a triple without the AOT cache), and of its calls floor's (the bare SDK making the case's AWS calls again,
 * {@link CallsFloor}: what the function adds beyond its calls), the peak resident memory, the AWS calls of the first request, and the same with the JDK's AOT cache
 * (one training run per function). Every run is a fresh JVM with Lambda's on-demand flags (C1 only) and any
 * {@code JAVA_TOOL_OPTIONS} of template.yaml, the
 * function's memory as the JVM's view of the machine ({@code -XX:MaxRAM}, so it picks the collector and heap
 * a Lambda container gets), and only the function's shaded jar (plus the probe's); medians of
 * {@code bench.runs} pairs or triples (default 7).
 * AWS calls go to moto; DynamoDB to dynoxide when {@code -Dbench.dynoxide} names it. Targets and the
 * last figures: docs/performance.md.
 */
public final class Benchmark {
    private static final int RUNS = Integer.getInteger("bench.runs", 7);
    /**
     * Lambda's JVM flags for an on-demand java25 start (AWS Lambda developer guide, "Customize Java runtime startup
     * behavior"): C1 only. SnapStart versions and provisioned concurrency keep full tiered compilation.
     */
    static final List<String> LAMBDA_ON_DEMAND_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");

    private static final int WARM = Integer.getInteger("bench.warm", 1000);
    /** A training run walks each of its events this many times (JEP 483/514/515: what it runs is what the cache holds). */
    private static final int TRAINING_ROUNDS = 5;
    /** Expires the seeded offers (their deadlines have passed): it would change what the queue case reads. */
    private static final String NOT_TRAINED = "assign-schedule.json";
    /**
     * Timed before the other cases: every submit lengthens the queue (a warm run of {@code POST /requests} adds
     * {@code bench.warm} open requests), so it reads the seeded requests plus the few the training runs submitted.
     */
    private static final String QUEUE_EVENT = "assign-queue.json";

    record Case(String name, String functionId, String eventFile) {}

    private static final List<Case> ALL_CASES = List.of(
            new Case("register POST /organisations", "RegisterFunction", "register-organisation.json"),
            new Case("submit POST /requests (real)", "SubmitRequestFunction", "submit-post-request.json"),
            new Case("submit GET /requests/{id}", "SubmitRequestFunction", "submit-get-request.json"),
            new Case("assign queue", "AssignFunction", QUEUE_EVENT),
            new Case("notify outbox → SES", "NotifyFunction", "notify-outbox.json"),
            new Case("notify SNS bounce", "NotifyFunction", "notify-bounce.json"));

    /**
     * The cases to time: all, or those whose name contains one of {@code bench.cases}'s comma-separated words, in any
     * case ({@code BENCH_CASES=register,outbox}) while trying a change. A word that matches no case stops the run.
     */
    private static final List<Case> CASES = chosenCases(System.getProperty("bench.cases", ""));

    private static List<Case> chosenCases(String words) {
        if (words.isBlank()) return ALL_CASES;
        List<Case> chosen = new ArrayList<>();
        for (String word : words.split(",")) {
            if (word.isBlank()) continue;
            List<Case> matching = ALL_CASES.stream()
                    .filter(c -> c.name()
                            .toLowerCase(Locale.ROOT)
                            .contains(word.strip().toLowerCase(Locale.ROOT)))
                    .toList();
            if (matching.isEmpty())
                throw new IllegalArgumentException("BENCH_CASES: \"" + word.strip() + "\" matches none of "
                        + ALL_CASES.stream().map(Case::name).toList());
            matching.stream().filter(c -> !chosen.contains(c)).forEach(chosen::add);
        }
        return ALL_CASES.stream().filter(chosen::contains).toList();
    }

    /** One fresh JVM: wall milliseconds from its start to the first answer, and what it printed. */
    record Run(double wallMs, Map<String, String> figures) {
        double number(String key) {
            return Double.parseDouble(figures.getOrDefault(key, "NaN"));
        }
    }

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        Path root = Template.repositoryRoot();
        Template template = Template.fromRepository();
        Path probeJar = probeJar(root);
        String java = ProcessHandle.current().info().command().orElse("java");
        // What Lambda's java25 runtime starts an on-demand function with (no SnapStart, no provisioned concurrency:
        // the cold start measured here): tiered compilation stopped at level 1; then the template's own options.
        List<String> toolOptions = new ArrayList<>(LAMBDA_ON_DEMAND_FLAGS);
        for (String option : template.globalEnvironment()
                .getOrDefault("JAVA_TOOL_OPTIONS", "")
                .split("\\s+")) if (!option.isBlank()) toolOptions.add(option);
        // The JVM sizes itself from the memory it sees: a 1024 MB function gets Serial GC and a quarter for the heap.
        toolOptions.add("-XX:MaxRAM="
                + template.root()
                        .path("Globals")
                        .path("Function")
                        .path("MemorySize")
                        .asInt(1024) + "m");
        Path work = root.resolve("local/benchmark/target/bench");
        Files.createDirectories(work.resolve("aot"));

        try (MotoServer moto = MotoServer.start();
                Dynoxide dynoxide = startDynoxide(template)) {
            LocalAws aws = new LocalAws(moto);
            aws.resetAndCreate();
            DynamoDbClient dynamoDb = dynoxide == null ? aws.dynamoDb() : dynoxide.client();
            Seed seed = Seed.write(dynamoDb, aws.tableName());
            Map<String, String> environment = new LinkedHashMap<>(aws.environment());
            environment.put("AWS_ENDPOINT_URL", moto.endpoint().toString());
            if (dynoxide != null)
                environment.put("AWS_ENDPOINT_URL_DYNAMODB", dynoxide.endpoint().toString());
            environment.put("AWS_ACCESS_KEY_ID", LocalAws.ACCESS_KEY);
            environment.put("AWS_SECRET_ACCESS_KEY", LocalAws.SECRET_KEY);
            environment.put("AWS_REGION", "us-east-1");
            Launcher launcher = new Launcher(java, toolOptions, environment);

            System.out.printf(
                    Locale.ROOT,
                    "machine: %d cores, load average %s; JVM %s%n",
                    Runtime.getRuntime().availableProcessors(),
                    loadAverage(),
                    System.getProperty("java.vm.version"));
            System.out.printf(
                    Locale.ROOT,
                    "backend: moto%s; DynamoDB %.2f ms per GetItem (median of 200, warm JVM)%n",
                    dynoxide == null ? "" : ", DynamoDB on dynoxide",
                    backendMillisPerCall(dynamoDb, aws.tableName()));
            System.out.printf(
                    Locale.ROOT,
                    "each figure: the median of %d fresh JVMs, each case run with a floor run and (without the AOT cache) with"
                            + " its calls floor: the bare SDK making the same calls (×calls: the case over it; calls×fl: it"
                            + " over the floor)%n%n",
                    RUNS);

            Map<String, Path> events = new LinkedHashMap<>();
            for (Case c : ALL_CASES) events.put(c.eventFile(), event(root, work, c.eventFile(), seed));
            String floorJar = jar(root, template, "AssignFunction") + File.pathSeparator + probeJar;

            Map<String, Path> caches = new LinkedHashMap<>();
            caches.put(
                    "floor",
                    launcher.train(
                            floorJar, work.resolve("aot/floor.aot"), List.of(Floor.class.getName(), aws.tableName())));
            for (Case c : CASES) {
                if (caches.containsKey(c.functionId())) continue;
                Path cache = work.resolve("aot/" + c.functionId() + ".aot");
                List<Path> training = trainingEvents(root, template, c.functionId(), events);
                int warm = TRAINING_ROUNDS * training.size() - 1;
                if (c.functionId().equals("NotifyFunction")) seed.outbox("train", warm + 1);
                caches.put(
                        c.functionId(),
                        launcher.train(
                                caseClasspath(root, template, c, probeJar),
                                cache,
                                List.of(
                                        Probe.class.getName(),
                                        function(template, c.functionId()).handlerClass(),
                                        String.join(
                                                File.pathSeparator,
                                                training.stream()
                                                        .map(Path::toString)
                                                        .toList()),
                                        Integer.toString(warm),
                                        "train")));
            }

            // AOT "×floor" is against the floor run with its own cache; "×plain" against the plain floor (issue 17's
            // 0.6 target).
            System.out.printf(
                    Locale.ROOT,
                    "%-34s %7s %7s %5s | %7s %7s %7s %5s | %6s %6s %5s %8s %6s %8s %13s %13s %6s %6s  %s%n",
                    "case",
                    "wall_ms",
                    "×floor",
                    "MiB",
                    "aot_ms",
                    "×floor",
                    "×plain",
                    "MiB",
                    "init",
                    "first",
                    "wire",
                    "×fl-wire",
                    "×calls",
                    "calls×fl",
                    "warm p50/p99",
                    "own p50/p99",
                    "+SDK",
                    "status",
                    "AWS calls (first request)");
            List<Run> floors = new ArrayList<>();
            List<Run> aotFloors = new ArrayList<>();
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < CASES.size(); i++) {
                if (CASES.get(i).eventFile().equals(QUEUE_EVENT)) order.addFirst(i);
                else order.add(i);
            }
            String[] rows = new String[CASES.size()];
            Run[] firstRuns = new Run[CASES.size()];
            String[] spreads = new String[CASES.size()];
            for (int i : order) {
                Case c = CASES.get(i);
                String name = c.eventFile().equals(QUEUE_EVENT)
                        ? c.name() + " (" + seed.openRequests() + " open requests)"
                        : c.name();
                String classpath = caseClasspath(root, template, c, probeJar);
                List<Run> plain = new ArrayList<>();
                List<Run> aot = new ArrayList<>();
                List<Double> ratios = new ArrayList<>();
                List<Double> aotRatios = new ArrayList<>();
                List<Double> ratiosLessWire = new ArrayList<>();
                List<Run> plainFloors = new ArrayList<>();
                List<Double> overCallsFloor = new ArrayList<>();
                List<Double> callsFloorRatios = new ArrayList<>();
                // The first request's calls, recorded by the case's first run, for its calls floor to make again.
                Path recordedCalls = work.resolve("calls-" + i + ".json");
                Files.deleteIfExists(recordedCalls);
                for (int rep = 0; rep < RUNS; rep++) {
                    for (boolean withCache : List.of(false, true)) {
                        String salt = "c" + i + "r" + rep + (withCache ? "a" : "p");
                        int warm = 0; // warm invocations run after every case's cold runs (below)
                        if (c.eventFile().equals("notify-outbox.json")) seed.outbox(salt, warm + 1);
                        List<String> cacheFlags =
                                withCache ? List.of("-XX:AOTCache=" + caches.get(c.functionId())) : List.of();
                        List<String> floorFlags =
                                withCache ? List.of("-XX:AOTCache=" + caches.get("floor")) : List.of();
                        List<Timed> sides = new ArrayList<>();
                        sides.add(() ->
                                launcher.run(floorJar, floorFlags, List.of(Floor.class.getName(), aws.tableName())));
                        sides.add(() -> {
                            Run caseRun =
                                    launcher.run(classpath, cacheFlags, probeArgs(template, c, events, warm, salt));
                            if (!Files.exists(recordedCalls))
                                Files.write(
                                        recordedCalls,
                                        Base64.getUrlDecoder()
                                                .decode(caseRun.figures().get("sequence")));
                            return caseRun;
                        });
                        // The case's own floor (CallsFloor), without the AOT cache: the plain cold start's reading.
                        if (!withCache)
                            sides.add(() -> launcher.run(
                                    classpath,
                                    List.of(),
                                    List.of(CallsFloor.class.getName(), recordedCalls.toString())));
                        // Rotate the order from pair to pair: no side always runs on a warmer machine. The first pair
                        // runs the case before its calls floor, which makes the calls the case's run recorded.
                        Run[] runs = new Run[sides.size()];
                        for (int k = 0; k < sides.size(); k++) {
                            int side = Math.floorMod(k - rep, sides.size());
                            runs[side] = sides.get(side).run();
                        }
                        Run floor = runs[0];
                        Run run = runs[1];
                        (withCache ? aot : plain).add(run);
                        (withCache ? aotFloors : floors).add(floor);
                        (withCache ? aotRatios : ratios).add(run.wallMs() / floor.wallMs());
                        if (!withCache) {
                            Run callsFloor = runs[2];
                            if (!callsFloor
                                    .figures()
                                    .get("shape")
                                    .equals(run.figures().get("shape")))
                                throw new IllegalStateException("the calls floor of " + c.name() + " made "
                                        + callsFloor.figures().get("shape") + ", the case "
                                        + run.figures().get("shape"));
                            plainFloors.add(floor);
                            ratiosLessWire.add(lessWire(run) / lessWire(floor));
                            overCallsFloor.add(run.wallMs() / callsFloor.wallMs());
                            callsFloorRatios.add(callsFloor.wallMs() / floor.wallMs());
                        }
                    }
                }
                firstRuns[i] = plain.getFirst();
                spreads[i] = String.format(
                        Locale.ROOT,
                        "  %-34s × floor %.2f to %.2f, × calls %.2f to %.2f, calls × fl %.2f to %.2f; calls in order: %s%n",
                        c.name(),
                        min(ratios),
                        max(ratios),
                        min(overCallsFloor),
                        max(overCallsFloor),
                        min(callsFloorRatios),
                        max(callsFloorRatios),
                        plain.getFirst().figures().get("shape"));
                rows[i] = String.format(
                        Locale.ROOT,
                        "%-34s %7.0f %7.2f %5.0f | %7.0f %7.2f %7.2f %5.0f | %6.0f %6.0f %5.0f %8.2f %6.2f %8.2f",
                        name,
                        median(plain, Run::wallMs),
                        median(ratios),
                        median(plain, r -> r.number("peak_rss_mb")),
                        median(aot, Run::wallMs),
                        median(aotRatios),
                        median(aot, Run::wallMs) / median(plainFloors, Run::wallMs),
                        median(aot, r -> r.number("peak_rss_mb")),
                        median(plain, r -> r.number("init_ms")),
                        median(plain, r -> r.number("first_ms")),
                        median(plain, r -> r.number("first_wire_ms")),
                        median(ratiosLessWire),
                        median(overCallsFloor),
                        median(callsFloorRatios));
                if (c.eventFile().equals(QUEUE_EVENT))
                    rows[i] += warmColumns(
                            launcher, root, template, probeJar, events, seed, c, "c" + i + "warm", firstRuns[i]);
            }
            // The warm invocations, one fresh JVM per case, after every cold run: write paths add stream records,
            // and dynoxide's writes slow as its stream records grow (docs/local-runner.md), which would have
            // inflated the cold runs of the cases timed after them. The queue writes nothing and went first: its
            // warm run followed its cold runs, before any submit lengthened the queue.
            for (int i : order) {
                Case c = CASES.get(i);
                if (c.eventFile().equals(QUEUE_EVENT)) continue;
                rows[i] += warmColumns(
                        launcher, root, template, probeJar, events, seed, c, "c" + i + "warm", firstRuns[i]);
            }
            for (String row : rows) System.out.print(row);
            System.out.printf(
                    Locale.ROOT,
                    "%-34s %7.0f %7s %5.0f | %7.0f %7s %7.2f %5.0f | %6s %6s %5.0f %8s %6s %8s%n",
                    "floor: 1 client, 1 GetItem",
                    median(floors, Run::wallMs),
                    "1",
                    median(floors, r -> r.number("peak_rss_mb")),
                    median(aotFloors, Run::wallMs),
                    "1",
                    median(aotFloors, Run::wallMs) / median(floors, Run::wallMs),
                    median(aotFloors, r -> r.number("peak_rss_mb")),
                    "",
                    "",
                    median(floors, r -> r.number("first_wire_ms")),
                    "1",
                    "",
                    "1");
            printJacksonReference(launcher, floorJar, aws.tableName());
            System.out.printf(
                    Locale.ROOT,
                    "%nthe spread of the %d plain pairs (lowest to highest), and each case's calls:%n",
                    RUNS);
            for (String spread : spreads) System.out.print(spread);
            System.out.printf(Locale.ROOT, "machine load average after: %s%n%n", loadAverage());

            printTransactionLatency("moto (the runner's and the tests' backend)", aws.dynamoDb(), aws.tableName());
            if (dynoxide != null) {
                // A dynoxide of its own: its writes slow as the stream records of all its tables grow, and the cases
                // above left thousands (docs/local-runner.md).
                try (Dynoxide fresh = startDynoxide(template)) {
                    printTransactionLatency("dynoxide (a fresh one)", fresh.client(), aws.tableName());
                }
            }
            System.out.println();
            for (Template.Function function : template.functions()) printJar(root.resolve(function.codeUri()));
        }
    }

    /**
     * A cold start less the time its first request's AWS calls spent on the wire (the backend's own time and the
     * local network): the function's share of what users wait for, whatever the speed of the local backends
     * (moto answers KMS and SES, dynoxide DynamoDB and so the floor's one GetItem).
     */
    private static double lessWire(Run run) {
        return run.wallMs() - run.number("first_wire_ms");
    }

    /** A case's warm columns, from one fresh JVM's {@code WARM} invocations, and its first answer's status and calls. */
    private static String warmColumns(
            Launcher launcher,
            Path root,
            Template template,
            Path probeJar,
            Map<String, Path> events,
            Seed seed,
            Case c,
            String salt,
            Run first)
            throws IOException, InterruptedException {
        if (c.eventFile().equals("notify-outbox.json")) seed.outbox(salt, WARM + 1);
        Run warm = launcher.run(
                caseClasspath(root, template, c, probeJar), List.of(), probeArgs(template, c, events, WARM, salt));
        return String.format(
                Locale.ROOT,
                " %6s/%-6s %6s/%-6s %6s %6s  %s%n",
                warm.figures().get("warm_p50_ms"),
                warm.figures().get("warm_p99_ms"),
                warm.figures().get("own_p50_ms"),
                warm.figures().get("own_p99_ms"),
                warm.figures().get("beyond_wire_p50_ms"),
                first.figures().get("first_status"),
                first.figures().get("calls"));
    }

    /**
     * A reference, not a case: the floor with one small record read and one answer written first by the functions'
     * one JSON binder (jackson-jr), paired with the plain floor. What JSON alone costs every path.
     */
    private static void printJacksonReference(Launcher launcher, String floorJar, String table)
            throws IOException, InterruptedException {
        List<Run> withJson = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int rep = 0; rep < RUNS; rep++) {
            Run floor;
            Run json;
            if (rep % 2 == 0) {
                floor = launcher.run(floorJar, List.of(), List.of(Floor.class.getName(), table));
                json = launcher.run(floorJar, List.of(), List.of(Floor.class.getName(), table, "json"));
            } else {
                json = launcher.run(floorJar, List.of(), List.of(Floor.class.getName(), table, "json"));
                floor = launcher.run(floorJar, List.of(), List.of(Floor.class.getName(), table));
            }
            withJson.add(json);
            ratios.add(json.wallMs() / floor.wallMs());
        }
        System.out.printf(
                Locale.ROOT,
                "%-34s %7.0f %7.2f %5.0f |  (reference: JSON alone, 1 record read, 1 written)%n",
                "floor + the one JSON binder",
                median(withJson, Run::wallMs),
                median(ratios),
                median(withJson, r -> r.number("peak_rss_mb")));
    }

    /** One side of a pair (or triple) of runs. */
    @FunctionalInterface
    private interface Timed {
        Run run() throws IOException, InterruptedException;
    }

    /** Starts fresh JVMs with Lambda's flags and times each to its first answer. */
    private record Launcher(String java, List<String> toolOptions, Map<String, String> environment) {
        Run run(String classpath, List<String> extraFlags, List<String> mainAndArgs)
                throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(toolOptions);
            command.addAll(extraFlags);
            command.addAll(List.of("-cp", classpath));
            command.addAll(mainAndArgs);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            long start = System.nanoTime();
            Process process = builder.start();
            double wallMs = Double.NaN;
            StringBuilder output = new StringBuilder();
            Map<String, String> figures = new LinkedHashMap<>();
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.equals("FIRST") && Double.isNaN(wallMs)) wallMs = (System.nanoTime() - start) / 1e6;
                    if (line.startsWith("RESULT ")) {
                        for (String pair : line.substring(7).split(" ")) {
                            String[] kv = pair.split("=", 2);
                            if (kv.length == 2) figures.put(kv[0], kv[1]);
                        }
                    }
                    output.append(line).append('\n');
                }
            }
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0 || figures.isEmpty()) {
                throw new IllegalStateException("run of " + mainAndArgs + " failed:\n" + output);
            }
            return new Run(wallMs, figures);
        }

        /** A training run that writes the JDK's AOT cache for {@code classpath} (JEP 514: one step). */
        Path train(String classpath, Path cache, List<String> mainAndArgs) throws IOException, InterruptedException {
            Files.deleteIfExists(cache);
            run(classpath, List.of("-XX:AOTCacheOutput=" + cache), mainAndArgs);
            if (!Files.exists(cache)) throw new IllegalStateException("no AOT cache written at " + cache);
            return cache;
        }
    }

    /**
     * What a function's training run walks: every path the benchmark times for it, then every event of the
     * function in events/ (most answer 401, 404 or fail on the seeded data, which still walks their code and
     * SDK operations), as a deployment would train on its function's events.
     */
    private static List<Path> trainingEvents(Path root, Template template, String functionId, Map<String, Path> events)
            throws IOException {
        List<Path> training = new ArrayList<>();
        for (Case c : ALL_CASES) if (c.functionId().equals(functionId)) training.add(events.get(c.eventFile()));
        String module =
                Path.of(function(template, functionId).codeUri()).getName(1).toString(); // functions/<module>/target/…
        String prefix = module.split("-")[0] + "-";
        try (var files = Files.list(root.resolve("events"))) {
            files.filter(f -> f.getFileName().toString().startsWith(prefix)
                            && !f.getFileName().toString().equals(NOT_TRAINED))
                    .sorted()
                    .forEach(training::add);
        }
        return training;
    }

    private static List<String> probeArgs(Template template, Case c, Map<String, Path> events, int warm, String salt) {
        return List.of(
                Probe.class.getName(),
                function(template, c.functionId()).handlerClass(),
                events.get(c.eventFile()).toString(),
                Integer.toString(warm),
                salt);
    }

    private static String caseClasspath(Path root, Template template, Case c, Path probeJar) {
        return jar(root, template, c.functionId()) + File.pathSeparator + probeJar;
    }

    private static Path jar(Path root, Template template, String functionId) {
        return root.resolve(function(template, functionId).codeUri());
    }

    private static Template.Function function(Template template, String functionId) {
        return template.functions().stream()
                .filter(f -> f.logicalId().equals(functionId))
                .findFirst()
                .orElseThrow();
    }

    /** The benchmark's own jar: the AOT cache takes jars only on the class path, not class folders. */
    private static Path probeJar(Path root) throws IOException {
        try (var files = Files.list(root.resolve("local/benchmark/target"))) {
            return files.filter(f -> f.getFileName().toString().matches("local-benchmark.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("build the benchmark first: local/benchmark/run"));
        }
    }

    /** An event file of local/benchmark/events with the seeded token and request id filled in. */
    private static Path event(Path root, Path work, String name, Seed seed) throws IOException {
        String text = Files.readString(root.resolve("local/benchmark/events").resolve(name))
                .replace("{{token}}", seed.token)
                .replace("{{requestId}}", seed.requestId);
        Path file = work.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static double median(List<Double> values) {
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) return Double.NaN;
        return sorted.length % 2 == 1
                ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> figure) {
        return median(runs.stream().map(figure::applyAsDouble).toList());
    }

    private static String loadAverage() {
        try {
            return String.join(
                    " ",
                    Arrays.copyOf(
                            Files.readString(Path.of("/proc/loadavg")).trim().split(" "), 3));
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** A jar's size, its classes, and what its classes name that it does not ship (jdeps; optional libraries only). */
    private static void printJar(Path jar) throws IOException {
        long classes;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            classes = zip.stream().filter(e -> e.getName().endsWith(".class")).count();
        }
        StringWriter out = new StringWriter();
        ToolProvider.findFirst("jdeps")
                .orElseThrow()
                .run(
                        new PrintWriter(out),
                        new PrintWriter(out),
                        "--missing-deps",
                        "--multi-release",
                        "25",
                        jar.toString());
        TreeSet<String> missing = new TreeSet<>();
        out.toString()
                .lines()
                .filter(l -> l.contains("not found"))
                .map(l -> l.trim().split("\\s+"))
                .filter(parts -> parts.length >= 3 && parts[2].contains("."))
                .map(parts -> packagePrefix(parts[2]))
                .forEach(missing::add);
        System.out.printf(
                Locale.ROOT,
                "jar %-44s %5.1f MB %6d classes; names but does not ship: %s%n",
                jar.getFileName(),
                Files.size(jar) / 1e6,
                classes,
                missing.isEmpty() ? "nothing" : String.join(", ", missing));
    }

    private static String packagePrefix(String className) {
        String[] parts = className.split("\\.");
        return String.join(".", Arrays.copyOf(parts, Math.min(parts.length - 1, 4)));
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
        System.out.printf(
                Locale.ROOT,
                "transaction on %s, median ms with 0 / 1,000 / 10,000 items stored: %.1f / %.1f / %.1f%n",
                backend,
                latency.medianAt(0),
                latency.medianAt(1_000),
                latency.medianAt(10_000));
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
        Arrays.sort(nanos);
        return nanos[nanos.length / 2] / 1e6;
    }
}
