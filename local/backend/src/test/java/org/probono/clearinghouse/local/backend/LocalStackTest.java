package org.probono.clearinghouse.local.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The same resources on LocalStack, where a Docker engine runs. Here (no Docker) it is skipped with
 * the reason; the whole suite runs on LocalStack with -Daws.backend=localstack.
 */
class LocalStackTest {
    @Test
    void the_template_resources_work_on_localstack_too() {
        assumeTrue(
                LocalStackBackend.dockerAvailable(),
                "No Docker engine answers here: LocalStack tests skipped (moto is the default backend)");
        try (LocalStackBackend localstack = LocalStackBackend.start()) {
            LocalAws aws = new LocalAws(localstack);
            aws.resetAndCreate();
            aws.dynamoDb()
                    .putItem(p -> p.tableName(aws.tableName())
                            .item(Map.of("PK", AttributeValue.fromS("A"), "SK", AttributeValue.fromS("B"))));

            assertThat(aws.countItems()).isEqualTo(1);
        }
    }
}
