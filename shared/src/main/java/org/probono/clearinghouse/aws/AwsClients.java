package org.probono.clearinghouse.aws;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
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

    public AwsClients(String region) { this.region = Region.of(region); }

    public Region region() { return region; }

    public SdkHttpClient http() { return http; }

    public DynamoDbClient dynamoDb() {
        return DynamoDbClient.builder().region(region).httpClient(http).build();
    }

    public KmsClient kms() {
        return KmsClient.builder().region(region).httpClient(http).build();
    }
}
