package org.probono.clearinghouse.local.benchmark;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * A case's own floor: the bare SDK making the very AWS calls of the case's first request, in their order, and
 * nothing else: no JSON, no Enhanced Client, no MIME library, no templates, no code of ours. One
 * {@code DynamoDbClient} and, as a call needs them, one {@code KmsClient} and one {@code SesV2Client}, sharing one
 * URL-connection HTTP client (as the functions' clients do), each call a small request of the same kind: a
 * transaction with the same kinds of items in the same order. What a case takes beyond this is what the function
 * itself adds; what this takes beyond {@link Floor} is what the calls themselves add.
 *
 * <p>Arguments: the table name and the case's calls as {@link AwsCalls#takeSequence} writes them
 * ({@code DynamoDb.GetItem;Kms.GenerateDataKey;DynamoDb.TransactWriteItems:Put+Update}). A call it cannot make
 * stops the run: a case's floor is never quietly lighter than its calls. Run in the case's own jar, with the
 * environment the functions get ({@code KMS_KEY_ID}, {@code SENDER_ADDRESS}, the endpoints).
 */
public final class CallsFloor {
    private CallsFloor() {}

    public static void main(String[] args) {
        String table = args[0];
        String[] calls = args[1].split(";");
        Region region = Region.of(System.getenv("AWS_REGION"));
        SdkHttpClient http = UrlConnectionHttpClient.create();
        DynamoDbClient dynamoDb =
                DynamoDbClient.builder().region(region).httpClient(http).build();
        KmsClient kms = null;
        SesV2Client ses = null;
        String run = UUID.randomUUID().toString();
        for (int n = 0; n < calls.length; n++) {
            String[] call = calls[n].split(":", 2);
            String id = "CALLS#" + run + "#" + n;
            switch (call[0]) {
                case "DynamoDb.GetItem" ->
                    dynamoDb.getItem(g -> g.tableName(table).key(key("FLOOR")).consistentRead(true));
                case "DynamoDb.Query" ->
                    dynamoDb.query(q -> q.tableName(table)
                            .keyConditionExpression("PK = :pk")
                            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("FLOOR"))));
                case "DynamoDb.PutItem" ->
                    dynamoDb.putItem(
                            p -> p.tableName(table).item(item(id)).conditionExpression("attribute_not_exists(PK)"));
                case "DynamoDb.UpdateItem" ->
                    dynamoDb.updateItem(u -> u.tableName(table)
                            .key(key(id))
                            .updateExpression("SET #s = :s ADD #v :one")
                            .expressionAttributeNames(Map.of("#s", "status", "#v", "version"))
                            .expressionAttributeValues(
                                    Map.of(":s", AttributeValue.fromS("SENT"), ":one", AttributeValue.fromN("1"))));
                case "DynamoDb.TransactWriteItems" ->
                    dynamoDb.transactWriteItems(t -> t.transactItems(transaction(table, id, call)));
                case "Kms.GenerateDataKey" -> {
                    if (kms == null)
                        kms = KmsClient.builder()
                                .region(region)
                                .httpClient(http)
                                .build();
                    kms.generateDataKey(g -> g.keyId(System.getenv("KMS_KEY_ID"))
                            .keySpec(DataKeySpec.AES_256)
                            .encryptionContext(Map.of("id", id)));
                }
                case "SesV2.SendEmail" -> {
                    if (ses == null)
                        ses = SesV2Client.builder()
                                .region(region)
                                .httpClient(http)
                                .build();
                    String from = System.getenv("SENDER_ADDRESS");
                    String mime = "From: " + from + "\r\nTo: floor@example.org\r\nSubject: floor\r\n"
                            + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nfloor\r\n";
                    ses.sendEmail(s -> s.fromEmailAddress(from)
                            .destination(d -> d.toAddresses("floor@example.org"))
                            .content(c -> c.raw(r -> r.data(SdkBytes.fromString(mime, StandardCharsets.UTF_8)))));
                }
                default -> throw new IllegalArgumentException("the calls floor cannot make " + calls[n]);
            }
        }
        System.out.println("FIRST");
        System.out.flush();
        System.out.printf(
                Locale.ROOT,
                "RESULT first_wire_ms=%.1f peak_rss_mb=%.0f calls=%s%n",
                AwsCalls.wireNanos() / 1e6,
                PeakMemory.residentKib() / 1024.0,
                AwsCalls.takeAll());
    }

    /** The items of a transaction, of the kinds and in the order the case's had; each one succeeds. */
    private static List<TransactWriteItem> transaction(String table, String id, String[] call) {
        if (call.length < 2) throw new IllegalArgumentException("a transaction without its items' kinds");
        List<TransactWriteItem> items = new ArrayList<>();
        String[] kinds = call[1].split("\\+");
        for (int i = 0; i < kinds.length; i++) {
            String itemId = id + "#" + i;
            items.add(
                    switch (kinds[i]) {
                        case "Put" ->
                            TransactWriteItem.builder()
                                    .put(p -> p.tableName(table)
                                            .item(item(itemId))
                                            .conditionExpression("attribute_not_exists(PK)"))
                                    .build();
                        case "Update" ->
                            TransactWriteItem.builder()
                                    .update(u -> u.tableName(table)
                                            .key(key(itemId))
                                            .updateExpression("ADD #n :one")
                                            .expressionAttributeNames(Map.of("#n", "count"))
                                            .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))))
                                    .build();
                        case "ConditionCheck" ->
                            TransactWriteItem.builder()
                                    .conditionCheck(c -> c.tableName(table)
                                            .key(key(itemId))
                                            .conditionExpression("attribute_not_exists(PK)"))
                                    .build();
                        case "Delete" ->
                            TransactWriteItem.builder()
                                    .delete(d -> d.tableName(table).key(key(itemId)))
                                    .build();
                        default ->
                            throw new IllegalArgumentException(
                                    "the calls floor cannot put " + kinds[i] + " in a transaction");
                    });
        }
        return items;
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("PK", AttributeValue.fromS(id), "SK", AttributeValue.fromS(id));
    }

    /** A small item: its key, a status and a version. */
    private static Map<String, AttributeValue> item(String id) {
        return Map.of(
                "PK", AttributeValue.fromS(id),
                "SK", AttributeValue.fromS(id),
                "status", AttributeValue.fromS("PENDING"),
                "version", AttributeValue.fromN("1"));
    }
}
