package org.probono.clearinghouse.local.benchmark;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.probono.clearinghouse.json.Json;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The floor every case is measured against: the least a Java function reaching DynamoDB can do, one
 * DynamoDbClient (URL-connection HTTP client, explicit region) and one GetItem, in a fresh JVM with the
 * same flags and jar as a case. A case's "× floor" is its time over this one's, in the same pair.
 * Arguments: the table name, and {@code json} to first read one small record and write one answer with the
 * functions' one JSON binder ({@link Json}, jackson-jr): what JSON alone adds to a cold start (a reference row of
 * the benchmark, not a case).
 */
public final class Floor {
    private Floor() {}

    /** A small form, as a body a function reads. */
    record Contact(String name, String email, List<String> languages) {}

    public static void main(String[] args) throws Exception {
        if (args.length > 1 && args[1].equals("json")) {
            Contact contact = Json.read(
                    "{\"name\":\"Asha\",\"email\":\"asha@example.org\",\"languages\":[\"bn\",\"en\"]}"
                            .getBytes(StandardCharsets.UTF_8),
                    Contact.class);
            Json.write(Map.of("id", contact.name(), "status", "PENDING"));
        }
        try (DynamoDbClient dynamoDb = DynamoDbClient.builder()
                .region(Region.of(System.getenv("AWS_REGION")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            dynamoDb.getItem(g -> g.tableName(args[0])
                    .key(Map.of("PK", AttributeValue.fromS("FLOOR"), "SK", AttributeValue.fromS("FLOOR"))));
            answered();
            figures("");
        }
    }

    /** What a floor prints the moment its calls are made: the parent times the run to this line. */
    static void answered() {
        System.out.println("FIRST");
        System.out.flush();
    }

    /** What a floor prints after {@link #answered}: its figures, ending with {@code more} ({@code " shape=…"}, or nothing). */
    static void figures(String more) {
        System.out.printf(
                Locale.ROOT,
                "RESULT first_wire_ms=%.1f peak_rss_mb=%.0f calls=%s%s%n",
                AwsCalls.wireNanos() / 1e6,
                PeakMemory.residentKib() / 1024.0,
                AwsCalls.takeAll(),
                more);
    }
}
