package org.probono.clearinghouse.events;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.probono.clearinghouse.json.Log;

/**
 * SnapStart priming: before Lambda snapshots an initialised function, run read-only invocations through
 * the entry class, one per path that can be walked without writing, so that class loading, Jackson, each
 * path's SDK clients and read operations (marshallers, endpoint rules, signing) and its templates are in
 * the snapshot rather than in the first real request after restore. Priming events must only read: the
 * snapshot is taken once per published version, and what priming writes would be real. What stays for
 * the first real request is a path's write (a TransactWriteItems, SES SendEmail, KMS GenerateDataKey):
 * docs/performance.md. Outside Lambda nothing calls the hook.
 */
public final class SnapStartPriming implements Resource {
    /** CRaC holds resources weakly; these references keep them alive. */
    private static final List<SnapStartPriming> REGISTERED = new CopyOnWriteArrayList<>();

    private final RequestStreamHandler handler;
    private final List<String> events;

    private SnapStartPriming(RequestStreamHandler handler, List<String> events) {
        this.handler = handler;
        this.events = events;
    }

    /** Registers {@code events} (JSON events that only read) to run through {@code handler} before a snapshot. */
    public static void register(RequestStreamHandler handler, String... events) {
        SnapStartPriming priming = new SnapStartPriming(handler, List.of(events));
        REGISTERED.add(priming);
        Core.getGlobalContext().register(priming);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        events.forEach(this::prime);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        Log.forgetStarts(); // a restored copy is a new container: its first invocation is a cold start
        // Nothing else to redo: SDK clients reconnect by themselves. Ids and tokens come from SecureRandom,
        // whose Linux default (NativePRNG) mixes fresh /dev/urandom bytes into every output, so copies
        // restored from one snapshot do not repeat each other (docs/architecture.md, SnapStart).
    }

    /** One priming invocation's answer; a failure is logged, never fatal (priming is an optimisation). */
    private String prime(String event) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), output, null);
        } catch (IOException | RuntimeException e) {
            Log.warn("SnapStart priming failed", "error", e.getClass().getSimpleName());
        }
        return output.toString(StandardCharsets.UTF_8);
    }

    /** Runs every registered priming now and returns their answers: for tests. */
    public static List<String> primeAll() {
        return REGISTERED.stream()
                .flatMap(priming -> priming.events.stream().map(priming::prime))
                .toList();
    }
}
