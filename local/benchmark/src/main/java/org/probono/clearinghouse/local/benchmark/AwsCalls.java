package org.probono.clearinghouse.local.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Counts the AWS calls a probed function makes, the time they spend inside the SDK, and the time their requests
 * spend on the wire (from handing a request to the HTTP client to the response's headers, per attempt). The SDK
 * loads this interceptor into every client from the benchmark jar's
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}, so the functions' code is measured
 * unchanged. One map update and four clock reads per call, and, in a JVM that asked for it
 * ({@link #recordCalls}), one list append and two attribute look-ups: the calls in order with their
 * responses, which a calls floor makes again.
 */
public final class AwsCalls implements ExecutionInterceptor {
    private static final Map<String, Integer> CALLS = new TreeMap<>();
    /** The calls in order with their requests, described only when taken ({@link #takeRecorded}), after the timing. */
    private static final List<Call> RECORDED = new ArrayList<>();
    /** Off unless a probe asks ({@link #recordCalls}): the benchmark's own JVM, which writes the seed, keeps nothing. */
    private static boolean recording;

    /** One AWS call: its service and operation ({@code DynamoDb.GetItem}), its request, and its response once made. */
    record Call(String operation, SdkRequest request, AtomicReference<SdkResponse> response) {}

    private static final ExecutionAttribute<Call> RECORDED_CALL = new ExecutionAttribute<>("bench.recorded");

    private static final ExecutionAttribute<Long> SENT = new ExecutionAttribute<>("bench.sent");
    private static final ExecutionAttribute<Long> CALLED = new ExecutionAttribute<>("bench.called");
    private static final AtomicLong WIRE_NANOS = new AtomicLong();
    private static final AtomicLong CALL_NANOS = new AtomicLong();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        synchronized (CALLS) {
            CALLS.merge(operation, 1, Integer::sum);
            if (recording) {
                Call call = new Call(operation, context.request(), new AtomicReference<>());
                RECORDED.add(call);
                attributes.putAttribute(RECORDED_CALL, call);
            }
        }
        attributes.putAttribute(CALLED, System.nanoTime());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        called(attributes);
        Call recorded = attributes.getAttribute(RECORDED_CALL);
        if (recorded != null) recorded.response().set(context.response());
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        called(attributes);
    }

    private static void called(ExecutionAttributes attributes) {
        Long called = attributes.getAttribute(CALLED);
        if (called != null) CALL_NANOS.addAndGet(System.nanoTime() - called);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        attributes.putAttribute(SENT, System.nanoTime());
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        Long sent = attributes.getAttribute(SENT);
        if (sent != null) WIRE_NANOS.addAndGet(System.nanoTime() - sent);
    }

    /**
     * Nanoseconds all requests so far spent between the SDK and the backend (its own time, the local network
     * and the HTTP client): what a warm invocation's time minus this leaves is the function's own overhead.
     */
    static long wireNanos() {
        return WIRE_NANOS.get();
    }

    /** Nanoseconds all calls so far spent inside the SDK: marshalling, signing, the wire, unmarshalling, retries. */
    static long callNanos() {
        return CALL_NANOS.get();
    }

    /** Keeps every call from now on, in order, with its request, until {@link #takeRecorded}. */
    static void recordCalls() {
        synchronized (CALLS) {
            recording = true;
        }
    }

    /** The calls recorded so far, in order; recording stops (warm invocations' calls would only hold memory). */
    static List<Call> takeRecorded() {
        synchronized (CALLS) {
            recording = false;
            List<Call> calls = List.copyOf(RECORDED);
            RECORDED.clear();
            return calls;
        }
    }

    /**
     * The calls' shape, as {@code DynamoDb.GetItem;Kms.GenerateDataKey;DynamoDb.TransactWriteItems:Put+Update}: each
     * operation in order, a transaction with the kinds of its items. What a calls floor must match.
     */
    static String shape(List<Call> calls) {
        if (calls.isEmpty()) return "none";
        List<String> steps = new ArrayList<>();
        for (Call call : calls) {
            if (call.request() instanceof TransactWriteItemsRequest transaction) {
                steps.add(call.operation() + ":"
                        + transaction.transactItems().stream()
                                .map(AwsCalls::kind)
                                .collect(Collectors.joining("+")));
            } else steps.add(call.operation());
        }
        return String.join(";", steps);
    }

    static String kind(TransactWriteItem item) {
        if (item.put() != null) return "Put";
        if (item.update() != null) return "Update";
        if (item.conditionCheck() != null) return "ConditionCheck";
        if (item.delete() != null) return "Delete";
        return "Unknown";
    }

    /** The calls so far, as {@code DynamoDb.GetItem×3,Kms.GenerateDataKey}, and forgets them. */
    static String takeAll() {
        synchronized (CALLS) {
            String all = CALLS.entrySet().stream()
                    .map(e -> e.getKey() + (e.getValue() > 1 ? "×" + e.getValue() : ""))
                    .collect(Collectors.joining(","));
            CALLS.clear();
            return all.isEmpty() ? "none" : all;
        }
    }
}
