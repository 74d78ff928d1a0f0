package org.probono.clearinghouse.aws;

import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Builds SDK clients the way every function wants them: explicit region (no region lookup at cold
 * start), the URL-connection HTTP client (smallest, fastest to load), the default credentials chain
 * (SnapStart-safe). The endpoint comes from {@code AWS_ENDPOINT_URL} when set (local runs and tests).
 * Build once per container, in the handler's no-argument constructor.
 */
public final class AwsClients {
    private final Region region;
    private final SdkHttpClient http = UrlConnectionHttpClient.create();

    public AwsClients(String region) {
        this.region = Region.of(region);
    }

    public Region region() {
        return region;
    }

    public SdkHttpClient http() {
        return http;
    }

    /** DynamoDB's own retry settings in the SDK (DynamoDbRetryPolicy): 9 attempts from a 25 ms base delay. */
    static final int DYNAMODB_ATTEMPTS = 9;

    static final Duration DYNAMODB_BASE_DELAY = Duration.ofMillis(25);

    /**
     * The SDK's own retries (throttling, 5xx, network) also cover a transaction cancelled only because
     * another one held an item for a moment, or its items were throttled ({@link #isTransientCancellation}):
     * every change ADDs to the day's running totals, so two changes of different requests can meet there.
     * Nothing was decided on a stale read, so resending the same writes is right: they commit, or a version
     * condition now fails and the use case, the one layer that re-reads and decides again, hears
     * CHANGED_CONCURRENTLY. Configuring the strategy replaces DynamoDB's defaults, so they are set again.
     */
    public DynamoDbClient dynamoDb() {
        return DynamoDbClient.builder()
                .region(region)
                .httpClient(http)
                .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(DYNAMODB_ATTEMPTS)
                        .backoffStrategy(BackoffStrategy.exponentialDelay(DYNAMODB_BASE_DELAY, Duration.ofSeconds(20)))
                        .retryOnException(AwsClients::isTransientCancellation)))
                .build();
    }

    /**
     * A transaction cancelled only by a conflicting transaction or by throttling of its items, no condition
     * of its own having failed.
     */
    public static boolean isTransientCancellation(Throwable failure) {
        if (!(failure instanceof TransactionCanceledException cancelled) || !cancelled.hasCancellationReasons())
            return false;
        List<String> codes = cancelled.cancellationReasons().stream()
                .map(CancellationReason::code)
                .toList();
        return codes.stream().anyMatch(TRANSIENT::contains)
                && codes.stream().allMatch(code -> code == null || "None".equals(code) || TRANSIENT.contains(code));
    }

    private static final List<String> TRANSIENT = List.of("TransactionConflict", "ThrottlingError");

    public KmsClient kms() {
        return KmsClient.builder().region(region).httpClient(http).build();
    }
}
