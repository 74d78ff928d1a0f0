package org.probono.clearinghouse.local.backend;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Creates, on a local backend, the resources the functions use, from their definitions in template.yaml:
 * the table (keys, GSIs, stream, TTL), the inbound mail bucket, the KMS key, and the SES identities a
 * sandboxed account needs before it sends. Returns the environment the functions run with, built from
 * the template's Globals so a variable the template renames is renamed here too.
 */
public final class LocalResources {
    public static final String STACK = "local";
    public static final String TABLE = "clearinghouse-local";
    public static final String BUCKET = "clearinghouse-local-inbound";

    /** Values for the template's parameters when running locally; the others take their Default. */
    public static final Map<String, String> PARAMETERS = Map.of(
            "Stage", "dev",
            "SenderAddress", "clearinghouse@mail.clearinghouse.test",
            "InboundDomain", "reply.clearinghouse.test",
            "AdminEmail", "team@clearinghouse.test",
            "WebOrigin", "http://localhost:3000",
            "PublicApiUrl", "",
            "TimeZone", "Asia/Kolkata");

    private LocalResources() {}

    /** Creates everything and returns the functions' environment (variable → value). */
    public static Map<String, String> create(LocalAws aws, Template template, Map<String, String> parameterOverrides) {
        Map<String, String> parameters = new LinkedHashMap<>();
        // A parameter with a Default in the template (a retention period, a concurrency) takes it, as on AWS.
        template.root().path("Parameters").properties().forEach(parameter -> {
            if (parameter.getValue().has("Default"))
                parameters.put(
                        parameter.getKey(), parameter.getValue().path("Default").asText());
        });
        parameters.putAll(PARAMETERS);
        parameters.putAll(parameterOverrides);
        Map<String, String> physical = new LinkedHashMap<>();

        Map.Entry<String, JsonNode> table = template.single("AWS::DynamoDB::Table");
        createTable(aws.dynamoDb(), table.getValue().path("Properties"));
        physical.put(table.getKey(), TABLE);

        Map.Entry<String, JsonNode> bucket = template.single("AWS::S3::Bucket");
        try (S3Client s3 = aws.s3()) {
            s3.createBucket(b -> b.bucket(BUCKET));
        }
        physical.put(bucket.getKey(), BUCKET);

        Map.Entry<String, JsonNode> key = template.single("AWS::KMS::Key");
        try (KmsClient kms = aws.kms()) {
            String keyId = kms.createKey(k -> k.description(key.getValue()
                            .path("Properties")
                            .path("Description")
                            .asText()))
                    .keyMetadata()
                    .keyId();
            physical.put(key.getKey(), keyId);
        }

        try (SesV2Client ses = aws.sesV2()) {
            for (String identity : List.of(
                    domainOf(parameters.get("SenderAddress")),
                    parameters.get("InboundDomain"),
                    domainOf(parameters.get("AdminEmail")))) {
                ses.createEmailIdentity(i -> i.emailIdentity(identity));
            }
        }

        Map<String, String> environment = new LinkedHashMap<>();
        template.globalEnvironment().forEach((variable, reference) -> {
            if (physical.containsKey(reference)) environment.put(variable, physical.get(reference));
            else if (parameters.containsKey(reference)) environment.put(variable, parameters.get(reference));
            else if (template.hasParameter(reference)) {
                template.parameterDefault(reference).ifPresent(value -> environment.put(variable, value));
            } else if (!template.hasResource(reference)) { // a literal value, or a !Sub naming the stack
                environment.put(variable, reference.replace("${AWS::StackName}", STACK));
            }
            // else: a resource the local backend does not create (an SES configuration set): left unset
        });
        environment.put("AWS_REGION", AwsBackend.REGION);
        return environment;
    }

    private static String domainOf(String address) {
        return address.substring(address.indexOf('@') + 1);
    }

    /** Creates the template's table on any DynamoDB endpoint (the benchmark's faster emulator, for one). */
    public static void createTable(DynamoDbClient dynamoDb, Template template) {
        createTable(dynamoDb, template.single("AWS::DynamoDB::Table").getValue().path("Properties"));
    }

    static void createTable(DynamoDbClient dynamoDb, JsonNode properties) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        properties
                .path("AttributeDefinitions")
                .forEach(a -> attributes.add(AttributeDefinition.builder()
                        .attributeName(a.path("AttributeName").asText())
                        .attributeType(a.path("AttributeType").asText())
                        .build()));
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        properties
                .path("GlobalSecondaryIndexes")
                .forEach(index -> indexes.add(GlobalSecondaryIndex.builder()
                        .indexName(index.path("IndexName").asText())
                        .keySchema(keySchema(index.path("KeySchema")))
                        .projection(Projection.builder()
                                .projectionType(index.path("Projection")
                                        .path("ProjectionType")
                                        .asText())
                                .build())
                        .build()));
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(TABLE)
                .billingMode(
                        BillingMode.fromValue(properties.path("BillingMode").asText()))
                .attributeDefinitions(attributes)
                .keySchema(keySchema(properties.path("KeySchema")));
        if (!indexes.isEmpty()) request.globalSecondaryIndexes(indexes);
        JsonNode stream = properties.path("StreamSpecification");
        if (!stream.isMissingNode()) {
            request.streamSpecification(StreamSpecification.builder()
                    .streamEnabled(true)
                    .streamViewType(stream.path("StreamViewType").asText())
                    .build());
        }
        dynamoDb.createTable(request.build());
        dynamoDb.waiter().waitUntilTableExists(t -> t.tableName(TABLE));
        // CloudFormation applies TTL as part of the table; the API needs a second call (moto ignores it in
        // the create request, and never deletes expired items anyway: the code treats them as gone).
        JsonNode ttl = properties.path("TimeToLiveSpecification");
        if (ttl.path("Enabled").asBoolean(false)) {
            dynamoDb.updateTimeToLive(u -> u.tableName(TABLE)
                    .timeToLiveSpecification(s ->
                            s.attributeName(ttl.path("AttributeName").asText()).enabled(true)));
        }
    }

    private static List<KeySchemaElement> keySchema(JsonNode schema) {
        List<KeySchemaElement> keys = new ArrayList<>();
        schema.forEach(k -> keys.add(KeySchemaElement.builder()
                .attributeName(k.path("AttributeName").asText())
                .keyType(k.path("KeyType").asText())
                .build()));
        return keys;
    }
}
