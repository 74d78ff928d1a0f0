package org.probono.clearinghouse.local.benchmark;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the AWS calls a probed function makes: the SDK loads this interceptor into every client from
 * the benchmark jar's {@code software/amazon/awssdk/global/handlers/execution.interceptors}, so the
 * functions' code is measured unchanged. One map update per call.
 */
public final class AwsCalls implements ExecutionInterceptor {
    private static final Map<String, Integer> CALLS = new TreeMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        synchronized (CALLS) {
            CALLS.merge(operation, 1, Integer::sum);
        }
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
