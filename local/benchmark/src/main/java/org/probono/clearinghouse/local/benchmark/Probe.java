package org.probono.clearinghouse.local.benchmark;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Runs inside a fresh JVM whose classpath is one function's shaded jar (as Lambda loads it) plus the
 * benchmark's jar: times the handler's construction (the init phase) and the first invocation, prints
 * {@code FIRST} the moment it is answered (the parent times JVM start to that line: what a user waits
 * for), then the peak resident memory so far, then warm invocations: over their second half (the JIT has
 * compiled the path), each timed whole and less the time of its AWS calls ({@link AwsCalls}): the function's
 * own overhead. Nothing heavier than System.nanoTime runs before {@code FIRST}, so the probe adds almost
 * nothing to what it measures. Each invocation's event
 * has {@code {{n}}} replaced by the salt and its number, so write paths create new items every time.
 * Arguments: handler class, event files (joined by the path separator: the first is timed, the warm
 * invocations take them in turn, as an AOT training run walks every path of a function), warm
 * invocation count, salt. A warm invocation that throws (an event of a path that fails on the seeded data)
 * is counted, not fatal.
 */
public final class Probe {
    private Probe() {}

    public static void main(String[] args) throws Exception {
        String handlerClass = args[0];
        String[] files = args[1].split(java.io.File.pathSeparator);
        String[] events = new String[files.length];
        for (int i = 0; i < files.length; i++) events[i] = Files.readString(Path.of(files[i]));
        String event = events[0];
        int warm = Integer.parseInt(args[2]);
        String salt = args[3];

        AwsCalls.recordCalls(); // the first request's calls in order, for the case's calls floor
        long t0 = System.nanoTime();
        RequestStreamHandler handler = (RequestStreamHandler)
                Class.forName(handlerClass).getConstructor().newInstance();
        long initNanos = System.nanoTime() - t0;

        long t1 = System.nanoTime();
        String first = invoke(handler, event, salt + 0);
        long firstNanos = System.nanoTime() - t1;
        System.out.println("FIRST");
        System.out.flush();
        long firstWireNanos = AwsCalls.wireNanos(); // the backends' share of the cold start, init's calls included
        long peakRssKib = PeakMemory.residentKib();
        List<AwsCalls.Call> recorded = AwsCalls.takeRecorded();
        String calls = AwsCalls.takeAll();

        // Warm figures over the second half of the warm invocations, when the JIT has compiled the path: the whole
        // invocation, its own time outside its SDK calls, and outside the wire (so counting the SDK's marshalling and
        // signing too). The first half warms up.
        int measured = warm - warm / 2;
        long[] warmNanos = new long[measured];
        long[] ownNanos = new long[measured];
        long[] beyondWireNanos = new long[measured];
        int warmErrors = 0;
        for (int i = 0; i < warm; i++) {
            long wire = AwsCalls.wireNanos();
            long inCalls = AwsCalls.callNanos();
            long t = System.nanoTime();
            try {
                invoke(handler, events[(i + 1) % events.length], salt + (i + 1));
            } catch (RuntimeException e) {
                warmErrors++;
            }
            long took = System.nanoTime() - t;
            if (i >= warm / 2) {
                warmNanos[i - warm / 2] = took;
                ownNanos[i - warm / 2] = took - (AwsCalls.callNanos() - inCalls);
                beyondWireNanos[i - warm / 2] = took - (AwsCalls.wireNanos() - wire);
            }
        }
        Arrays.sort(warmNanos);
        Arrays.sort(ownNanos);
        Arrays.sort(beyondWireNanos);
        System.out.printf(
                Locale.ROOT,
                "RESULT init_ms=%.0f first_ms=%.0f first_wire_ms=%.1f peak_rss_mb=%.0f warm_p50_ms=%.2f warm_p99_ms=%.2f own_p50_ms=%.2f own_p99_ms=%.2f beyond_wire_p50_ms=%.2f warm_errors=%d classes=%d first_status=%s calls=%s shape=%s sequence=%s%n",
                initNanos / 1e6,
                firstNanos / 1e6,
                firstWireNanos / 1e6,
                peakRssKib / 1024.0,
                percentile(warmNanos, 50),
                percentile(warmNanos, 99),
                percentile(ownNanos, 50),
                percentile(ownNanos, 99),
                percentile(beyondWireNanos, 50),
                warmErrors,
                ManagementFactory.getClassLoadingMXBean().getLoadedClassCount(),
                status(first),
                calls,
                AwsCalls.shape(recorded),
                Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(RecordedCalls.toJson(recorded).getBytes(StandardCharsets.UTF_8)));
    }

    private static String invoke(RequestStreamHandler handler, String event, String n) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(
                new ByteArrayInputStream(event.replace("{{n}}", n).getBytes(StandardCharsets.UTF_8)), out, null);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) return 0;
        int index = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static String status(String output) {
        int at = output.indexOf("\"statusCode\":");
        if (at >= 0) return output.substring(at + 13, Math.min(output.length(), at + 16));
        if (output.contains("\"error\"")) return "error";
        return output.contains("\"batchItemFailures\":[]") || !output.contains("batchItemFailures") ? "ok" : "failed";
    }
}
