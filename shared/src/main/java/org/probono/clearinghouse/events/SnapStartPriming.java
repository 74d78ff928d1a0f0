package org.probono.clearinghouse.events;

import org.probono.clearinghouse.json.Log;
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

/**
 * SnapStart priming: before Lambda snapshots an initialised function, run one read-only invocation
 * through the entry class, so that class loading, Jackson and the runtime serializers, and the SDK
 * client's first request (marshallers, endpoint rules, signing) are in the snapshot rather than in the
 * first real request after restore. The priming event must only read: the snapshot is taken once per
 * published version, and what priming writes would be real. Outside Lambda nothing calls the hook.
 */
public final class SnapStartPriming implements Resource {
    /** CRaC holds resources weakly; these references keep them alive. */
    private static final List<SnapStartPriming> REGISTERED = new CopyOnWriteArrayList<>();

    private final RequestStreamHandler handler;
    private final String event;

    private SnapStartPriming(RequestStreamHandler handler, String event) {
        this.handler = handler;
        this.event = event;
    }

    /** Registers {@code event} (a JSON event that only reads) to run through {@code handler} before a snapshot. */
    public static void register(RequestStreamHandler handler, String event) {
        SnapStartPriming priming = new SnapStartPriming(handler, event);
        REGISTERED.add(priming);
        Core.getGlobalContext().register(priming);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        Log.forgetStarts(); // a restored copy is a new container: its first invocation is a cold start
        // Nothing else to redo: SDK clients reconnect by themselves. Ids and tokens come from SecureRandom,
        // whose Linux default (NativePRNG) mixes fresh /dev/urandom bytes into every output, so copies
        // restored from one snapshot do not repeat each other (docs/architecture.md, SnapStart).
    }

    /** The priming invocation's answer; a failure is logged, never fatal (priming is an optimisation). */
    String prime() {
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
        return REGISTERED.stream().map(SnapStartPriming::prime).toList();
    }
}
