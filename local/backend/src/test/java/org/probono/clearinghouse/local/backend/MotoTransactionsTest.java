package org.probono.clearinghouse.local.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The backend's transactions behave as DynamoDB's do where moto's own do not (moto_serialized.py;
 * docs/local-runner.md, "Where moto is not DynamoDB"): nothing of a refused transaction is written, and
 * a repeat of a successful one with the same client token succeeds and writes nothing.
 */
@ExtendWith(LocalAwsExtension.class)
class MotoTransactionsTest {
    private static TransactWriteItem newItem(LocalAws aws, String pk) {
        return TransactWriteItem.builder()
                .put(p -> p.tableName(aws.tableName())
                        .conditionExpression("attribute_not_exists(PK)")
                        .item(Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS("X"))))
                .build();
    }

    @Test
    void a_refused_transaction_writes_none_of_its_items(LocalAws aws) {
        aws.dynamoDb().transactWriteItems(t -> t.transactItems(newItem(aws, "TAKEN#1")));
        int stored = aws.countItems();

        assertThatThrownBy(() -> aws.dynamoDb()
                        .transactWriteItems(t -> t.transactItems(
                                newItem(aws, "FRESH#1"), newItem(aws, "FRESH#2"), newItem(aws, "TAKEN#1"))))
                .isInstanceOf(TransactionCanceledException.class);

        assertThat(aws.countItems()).isEqualTo(stored);
    }

    @Test
    void a_retry_with_the_same_client_token_succeeds_and_writes_nothing_more(LocalAws aws) {
        aws.dynamoDb().transactWriteItems(t -> t.clientRequestToken("attempt-1").transactItems(newItem(aws, "A#1")));
        int stored = aws.countItems();

        aws.dynamoDb().transactWriteItems(t -> t.clientRequestToken("attempt-1").transactItems(newItem(aws, "A#1")));

        assertThat(aws.countItems()).isEqualTo(stored);
        assertThatThrownBy(() -> aws.dynamoDb()
                        .transactWriteItems(
                                t -> t.clientRequestToken("attempt-2").transactItems(newItem(aws, "A#1"))))
                .isInstanceOf(TransactionCanceledException.class);
        assertThatThrownBy(() -> aws.dynamoDb()
                        .transactWriteItems(
                                t -> t.clientRequestToken("attempt-1").transactItems(newItem(aws, "A#2"))))
                .isInstanceOf(IdempotentParameterMismatchException.class);
    }
}
