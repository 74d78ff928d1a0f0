package org.probono.clearinghouse.local.benchmark;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Runs inside a fresh JVM whose classpath is one function's shaded jar (as Lambda loads it) plus this
 * class: times the handler's construction (the init phase), the first invocation, and warm ones, and
 * prints one line of figures. Each invocation's event has {@code {{n}}} replaced by its number, so
 * write paths create new items every time.
 * Arguments: handler class, event file, warm invocation count.
 */
public final class Probe {
    private Probe() {}

    public static void main(String[] args) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        String handlerClass = args[0];
        String event = Files.readString(Path.of(args[1]));
        int warm = Integer.parseInt(args[2]);

        long t0 = System.nanoTime();
        RequestStreamHandler handler = (RequestStreamHandler) Class.forName(handlerClass).getConstructor().newInstance();
        long initNanos = System.nanoTime() - t0;

        long t1 = System.nanoTime();
        String first = invoke(handler, event, 0);
        long firstNanos = System.nanoTime() - t1;
        long sinceJvmStart = System.currentTimeMillis() - jvmStart;

        long[] warmNanos = new long[warm];
        for (int i = 0; i < warm; i++) {
            long t = System.nanoTime();
            invoke(handler, event, i + 1);
            warmNanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(warmNanos);
        Runtime runtime = Runtime.getRuntime();
        long usedMb = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
        System.out.printf(Locale.ROOT,
                "RESULT init_ms=%.0f first_ms=%.0f jvm_to_first_done_ms=%d warm_p50_ms=%.2f warm_p90_ms=%.2f warm_p99_ms=%.2f heap_used_mb=%d classes=%d first_status=%s%n",
                initNanos / 1e6, firstNanos / 1e6, sinceJvmStart, percentile(warmNanos, 50), percentile(warmNanos, 90),
                percentile(warmNanos, 99), usedMb, ManagementFactory.getClassLoadingMXBean().getLoadedClassCount(),
                status(first));
    }

    private static String invoke(RequestStreamHandler handler, String event, int n) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.replace("{{n}}", Integer.toString(n))
                .getBytes(StandardCharsets.UTF_8)), out, null);
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
        return output.contains("\"error\"") ? "error" : "ok";
    }
}
