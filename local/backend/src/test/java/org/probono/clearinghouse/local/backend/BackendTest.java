package org.probono.clearinghouse.local.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BackendTest {
    @Test
    void an_unknown_backend_choice_says_which_ones_exist() {
        assertThatThrownBy(() -> AwsBackend.start("dynalite"))
                .isInstanceOf(BackendUnavailable.class)
                .hasMessageContaining("-Daws.backend=moto (default), localstack or auto");
    }

    @Test
    void localstack_without_docker_says_what_to_install() {
        assumeTrue(
                !LocalStackBackend.dockerAvailable(),
                "Docker is available here; the unavailable path is not reachable");

        assertThatThrownBy(LocalStackBackend::start)
                .isInstanceOf(BackendUnavailable.class)
                .hasMessageContaining("Docker")
                .hasMessageContaining("-Daws.backend=moto");
    }

    @Test
    void the_resources_come_from_the_template_and_reset_forgets_them() {
        try (MotoServer moto = MotoServer.start()) {
            LocalAws aws = new LocalAws(moto);
            Map<String, String> environment = aws.resetAndCreate();

            assertThat(environment)
                    .containsEntry("TABLE_NAME", LocalResources.TABLE)
                    .containsEntry("INBOUND_BUCKET", LocalResources.BUCKET)
                    .containsEntry("SENDER_ADDRESS", LocalResources.PARAMETERS.get("SenderAddress"))
                    .containsEntry("TIME_ZONE", "Asia/Kolkata") // the template parameter's default
                    .containsKeys("KMS_KEY_ID", "AWS_REGION", "DETAILS_RETENTION_DAYS")
                    .doesNotContainKey("SES_CONFIGURATION_SET");
            var table = aws.dynamoDb()
                    .describeTable(d -> d.tableName(LocalResources.TABLE))
                    .table();
            var templateIndexes = Template.fromRepository()
                    .resource("Table")
                    .path("Properties")
                    .path("GlobalSecondaryIndexes");
            assertThat(table.globalSecondaryIndexes()).hasSize(templateIndexes.size());
            assertThat(aws.s3().listBuckets().buckets())
                    .extracting(b -> b.name())
                    .contains(LocalResources.BUCKET);

            moto.reset();
            assertThat(aws.dynamoDb().listTables().tableNames()).isEmpty();
        }
    }
}
