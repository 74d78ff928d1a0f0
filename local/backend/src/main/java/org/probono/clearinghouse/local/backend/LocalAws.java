package org.probono.clearinghouse.local.backend;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * A running local backend with the clearinghouse's resources on it: what a test or the local runner
 * holds. {@link #installAsSystemProperties()} points code that builds its own clients (the functions'
 * no-argument constructors, {@code Config.fromEnvironment()}) at this backend.
 */
public final class LocalAws {
    public static final String ACCESS_KEY = "test";
    public static final String SECRET_KEY = "test";

    private final AwsBackend backend;
    private final SdkHttpClient http = UrlConnectionHttpClient.create();
    private final StaticCredentialsProvider credentials =
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
    private Map<String, String> environment = Map.of();
    private DynamoDbClient dynamoDb;

    /** The AWS SDK's system property for DynamoDB's own endpoint (beside {@code aws.endpointUrl} for the rest). */
    static final String DYNAMODB_ENDPOINT_PROPERTY = "aws.endpointUrlDynamoDb";

    public LocalAws(AwsBackend backend) {
        this.backend = backend;
    }

    public AwsBackend backend() {
        return backend;
    }

    /** Empties the backend and creates the template's resources afresh. */
    public Map<String, String> resetAndCreate(Template template, Map<String, String> parameterOverrides) {
        backend.reset();
        environment = Map.copyOf(LocalResources.create(this, template, parameterOverrides));
        return environment;
    }

    public Map<String, String> resetAndCreate() {
        return resetAndCreate(Template.fromRepository(), Map.of());
    }

    /** The functions' environment variables (TABLE_NAME, KMS_KEY_ID...), as the template's Globals name them. */
    public Map<String, String> environment() {
        return environment;
    }

    public String tableName() {
        return environment.get("TABLE_NAME");
    }

    /**
     * Sets the functions' environment and the AWS SDK's settings (endpoint, region, credentials) as JVM
     * system properties, which the SDK and {@code Config.fromEnvironment()} read before the environment.
     */
    public void installAsSystemProperties() {
        Map<String, String> properties = new LinkedHashMap<>(environment);
        properties.put("aws.endpointUrl", backend.endpoint().toString());
        // Set or cleared every time: one JVM may host runners on different backends one after another.
        if (backend.dynamoDbEndpoint().equals(backend.endpoint())) System.clearProperty(DYNAMODB_ENDPOINT_PROPERTY);
        else
            properties.put(
                    DYNAMODB_ENDPOINT_PROPERTY, backend.dynamoDbEndpoint().toString());
        properties.put("aws.region", AwsBackend.REGION);
        properties.put("aws.accessKeyId", ACCESS_KEY);
        properties.put("aws.secretAccessKey", SECRET_KEY);
        properties.forEach(System::setProperty);
    }

    public synchronized DynamoDbClient dynamoDb() {
        if (dynamoDb == null) {
            dynamoDb = DynamoDbClient.builder()
                    .endpointOverride(backend.dynamoDbEndpoint())
                    .region(Region.of(AwsBackend.REGION))
                    .credentialsProvider(credentials)
                    .httpClient(http)
                    .build();
        }
        return dynamoDb;
    }

    public DynamoDbStreamsClient streams() {
        return DynamoDbStreamsClient.builder()
                .endpointOverride(backend.dynamoDbEndpoint())
                .region(Region.of(AwsBackend.REGION))
                .credentialsProvider(credentials)
                .httpClient(http)
                .build();
    }

    public S3Client s3() {
        return S3Client.builder()
                .endpointOverride(backend.endpoint())
                .region(Region.of(AwsBackend.REGION))
                .credentialsProvider(credentials)
                .httpClient(http)
                .forcePathStyle(true)
                .build();
    }

    public KmsClient kms() {
        return KmsClient.builder()
                .endpointOverride(backend.endpoint())
                .region(Region.of(AwsBackend.REGION))
                .credentialsProvider(credentials)
                .httpClient(http)
                .build();
    }

    public SesV2Client sesV2() {
        return SesV2Client.builder()
                .endpointOverride(backend.endpoint())
                .region(Region.of(AwsBackend.REGION))
                .credentialsProvider(credentials)
                .httpClient(http)
                .build();
    }

    /** How many items the table holds: "nothing was written" is this number unchanged. */
    public int countItems() {
        return dynamoDb().scanPaginator(s -> s.tableName(tableName()).select("COUNT")).stream()
                .mapToInt(page -> page.count())
                .sum();
    }
}
