package org.probono.clearinghouse.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** The functions' DynamoDB client resends a transaction another one merely got in the way of, never a failed condition. */
class AwsClientsTest {
    private static TransactionCanceledException cancelled(String... codes) {
        // As the SDK unmarshals DynamoDB's answer: a 400 with its error code and a reason per action.
        return (TransactionCanceledException) TransactionCanceledException.builder()
                .message("Transaction cancelled")
                .statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("TransactionCanceledException")
                        .errorMessage("Transaction cancelled")
                        .serviceName("DynamoDb")
                        .build())
                .cancellationReasons(java.util.Arrays.stream(codes)
                        .map(code -> CancellationReason.builder().code(code).build())
                        .toList())
                .build();
    }

    @Test
    void a_conflict_alone_is_transient_but_a_failed_condition_is_a_decision() {
        assertThat(AwsClients.isTransientCancellation(cancelled("None", "TransactionConflict", "None")))
                .isTrue();
        assertThat(AwsClients.isTransientCancellation(cancelled("TransactionConflict", "ConditionalCheckFailed")))
                .isFalse();
        assertThat(AwsClients.isTransientCancellation(cancelled("ConditionalCheckFailed", "None")))
                .isFalse();
        assertThat(AwsClients.isTransientCancellation(cancelled("None", "ValidationError")))
                .isFalse();
        assertThat(AwsClients.isTransientCancellation(cancelled("ThrottlingError", "None")))
                .isTrue();
        assertThat(AwsClients.isTransientCancellation(new IllegalStateException("TransactionConflict")))
                .isFalse();
    }

    @Test
    void the_client_built_for_the_functions_retries_a_conflict_and_not_a_failed_condition() {
        try (DynamoDbClient dynamoDb = new AwsClients("ap-south-1").dynamoDb()) {
            RetryStrategy strategy = dynamoDb.serviceClientConfiguration()
                    .overrideConfiguration()
                    .retryStrategy()
                    .orElseThrow();

            assertThat(retry(strategy, cancelled("None", "TransactionConflict")).delay())
                    .isGreaterThanOrEqualTo(Duration.ZERO);
            // DynamoDB's own settings stay: 9 attempts, and throttling is still retried.
            assertThat(strategy.maxAttempts()).isEqualTo(AwsClients.DYNAMODB_ATTEMPTS);
            assertThat(retry(strategy, throttled()).delay()).isGreaterThanOrEqualTo(Duration.ZERO);
            assertThatThrownBy(() -> retry(strategy, cancelled("ConditionalCheckFailed", "None")))
                    .isInstanceOf(TokenAcquisitionFailedException.class);
        }
    }

    private static software.amazon.awssdk.awscore.exception.AwsServiceException throttled() {
        return software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException.builder()
                .message("Rate exceeded")
                .statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("ProvisionedThroughputExceededException")
                        .serviceName("DynamoDb")
                        .build())
                .build();
    }

    private static software.amazon.awssdk.retries.api.RefreshRetryTokenResponse retry(
            RetryStrategy strategy, Throwable failure) {
        RetryToken token = strategy.acquireInitialToken(AcquireInitialTokenRequest.create("dynamodb"))
                .token();
        return strategy.refreshRetryToken(
                RefreshRetryTokenRequest.builder().token(token).failure(failure).build());
    }
}
