package org.probono.clearinghouse.local.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyRequest;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Destination;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.RawMessage;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * A case's own floor: the bare SDK making the AWS calls of the case's first request again, in their order, and
 * nothing else: no JSON binder, no Enhanced Client, no MIME library, no templates, no code of ours. One
 * {@code DynamoDbClient} and, as a call needs them, one {@code KmsClient} and one {@code SesV2Client}, sharing one
 * URL-connection HTTP client, as the functions' clients do. What a case takes beyond this is what the function
 * itself adds; what this takes beyond {@link Floor} is what the calls themselves add.
 *
 * <p>The calls are the probe's record ({@link RecordedCalls}), made as alike as the table allows:
 * <ul>
 *   <li>reads ({@code GetItem}, {@code Query}) and KMS and SES calls exactly as recorded, so they read the same items
 *       and send the same bytes; a {@code GetItem} that found nothing under a fresh key, so it finds nothing again
 *       (the case's own writes may since have put the item there);
 *   <li>puts (alone or in a transaction) with the same attributes under fresh keys (the key attributes, GSI keys
 *       included, get a prefix of this run's own), on condition that the key is new;
 *   <li>updates on the same item with the same update expression, without their condition (the case's run has
 *       already changed what it checked);
 *   <li>condition checks exactly as recorded, and deletes of a fresh key.
 * </ul>
 * A call it does not know, or one with a request field its record does not carry, stops the run: a case's floor is
 * never quietly lighter than its calls. It reads the record with the SDK's own JSON parser, which building a client
 * has already loaded, and builds its requests without lambdas or streams: what it adds to its calls is reading a few
 * kilobytes.
 *
 * <p>Arguments: the file of recorded calls. Run in the case's own jar, with the environment the functions get.
 */
public final class CallsFloor {
    private CallsFloor() {}

    public static void main(String[] args) throws Exception {
        AwsCalls.recordCalls(); // as the probe does, so both sides pay the same for the record
        Region region = Region.of(System.getenv("AWS_REGION"));
        SdkHttpClient http = UrlConnectionHttpClient.create();
        DynamoDbClient dynamoDb =
                DynamoDbClient.builder().region(region).httpClient(http).build();
        KmsClient kms = null;
        SesV2Client ses = null;
        List<JsonNode> calls =
                JsonNode.parser().parse(Files.readAllBytes(Path.of(args[0]))).asArray();
        String run = "CALLS#" + UUID.randomUUID() + "#";
        for (int n = 0; n < calls.size(); n++) {
            Map<String, JsonNode> call = calls.get(n).asObject();
            String fresh = run + n + "#";
            if (call.containsKey("uncopied"))
                throw new IllegalArgumentException(
                        "the calls floor cannot make " + call.get("op").asString() + " with "
                                + call.get("uncopied").asString() + " set");
            switch (call.get("op").asString()) {
                case "DynamoDb.GetItem" ->
                    dynamoDb.getItem(GetItemRequest.builder()
                            .tableName(text(call, "table"))
                            .key(
                                    call.containsKey("missed")
                                            ? freshKeys(values(call, "key"), fresh)
                                            : values(call, "key"))
                            .consistentRead(flag(call, "consistentRead"))
                            .projectionExpression(text(call, "projection"))
                            .expressionAttributeNames(strings(call, "names"))
                            .build());
                case "DynamoDb.Query" ->
                    dynamoDb.query(QueryRequest.builder()
                            .tableName(text(call, "table"))
                            .indexName(text(call, "index"))
                            .keyConditionExpression(text(call, "keyCondition"))
                            .filterExpression(text(call, "filter"))
                            .projectionExpression(text(call, "projection"))
                            .expressionAttributeNames(strings(call, "names"))
                            .expressionAttributeValues(values(call, "values"))
                            .exclusiveStartKey(values(call, "startKey"))
                            .scanIndexForward(flag(call, "forward"))
                            .limit(number(call, "limit"))
                            .consistentRead(flag(call, "consistentRead"))
                            .build());
                case "DynamoDb.PutItem" ->
                    dynamoDb.putItem(PutItemRequest.builder()
                            .tableName(text(call, "table"))
                            .item(freshKeys(values(call, "item"), fresh))
                            .conditionExpression("attribute_not_exists(PK)")
                            .build());
                case "DynamoDb.UpdateItem" -> {
                    String update = text(call, "update");
                    dynamoDb.updateItem(UpdateItemRequest.builder()
                            .tableName(text(call, "table"))
                            .key(values(call, "key"))
                            .updateExpression(update)
                            .expressionAttributeNames(usedIn(update, strings(call, "names")))
                            .expressionAttributeValues(usedIn(update, values(call, "values")))
                            .returnValues(text(call, "returnValues"))
                            .build());
                }
                case "DynamoDb.TransactWriteItems" -> {
                    List<TransactWriteItem> items = new ArrayList<>();
                    List<JsonNode> recorded = call.get("items").asArray();
                    for (int i = 0; i < recorded.size(); i++)
                        items.add(transactionItem(recorded.get(i).asObject(), fresh + i + "#"));
                    dynamoDb.transactWriteItems(TransactWriteItemsRequest.builder()
                            .transactItems(items)
                            .build());
                }
                case "Kms.GenerateDataKey" -> {
                    if (kms == null)
                        kms = KmsClient.builder()
                                .region(region)
                                .httpClient(http)
                                .build();
                    kms.generateDataKey(GenerateDataKeyRequest.builder()
                            .keyId(text(call, "keyId"))
                            .keySpec(text(call, "keySpec"))
                            .numberOfBytes(number(call, "numberOfBytes"))
                            .encryptionContext(strings(call, "context"))
                            .build());
                }
                case "SesV2.SendEmail" -> {
                    if (ses == null)
                        ses = SesV2Client.builder()
                                .region(region)
                                .httpClient(http)
                                .build();
                    List<String> to = new ArrayList<>();
                    for (JsonNode address : call.get("to").asArray()) to.add(address.asString());
                    ses.sendEmail(SendEmailRequest.builder()
                            .fromEmailAddress(text(call, "from"))
                            .destination(Destination.builder().toAddresses(to).build())
                            .configurationSetName(text(call, "configurationSet"))
                            .content(EmailContent.builder()
                                    .raw(RawMessage.builder()
                                            .data(SdkBytes.fromByteArray(bytes(call.get("raw"))))
                                            .build())
                                    .build())
                            .build());
                }
                default ->
                    throw new IllegalArgumentException(
                            "the calls floor cannot make " + call.get("op").asString());
            }
        }
        Floor.answered();
        Floor.figures(" shape=" + AwsCalls.shape(AwsCalls.takeRecorded()));
    }

    private static TransactWriteItem transactionItem(Map<String, JsonNode> item, String fresh) {
        String table = text(item, "table");
        return switch (text(item, "kind")) {
            case "Put" ->
                TransactWriteItem.builder()
                        .put(Put.builder()
                                .tableName(table)
                                .item(freshKeys(values(item, "item"), fresh))
                                .conditionExpression("attribute_not_exists(PK)")
                                .build())
                        .build();
            case "Update" -> {
                String update = text(item, "update");
                yield TransactWriteItem.builder()
                        .update(Update.builder()
                                .tableName(table)
                                .key(values(item, "key"))
                                .updateExpression(update)
                                .expressionAttributeNames(usedIn(update, strings(item, "names")))
                                .expressionAttributeValues(usedIn(update, values(item, "values")))
                                .build())
                        .build();
            }
            case "ConditionCheck" ->
                TransactWriteItem.builder()
                        .conditionCheck(ConditionCheck.builder()
                                .tableName(table)
                                .key(values(item, "key"))
                                .conditionExpression(text(item, "condition"))
                                .expressionAttributeNames(strings(item, "names"))
                                .expressionAttributeValues(values(item, "values"))
                                .build())
                        .build();
            case "Delete" ->
                TransactWriteItem.builder()
                        .delete(Delete.builder()
                                .tableName(table)
                                .key(freshKeys(values(item, "key"), fresh))
                                .build())
                        .build();
            default ->
                throw new IllegalArgumentException(
                        "the calls floor cannot put a " + text(item, "kind") + " in a transaction");
        };
    }

    /** The item under keys of its own: every key attribute (PK, SK and the indexes') prefixed, the rest as it was. */
    static Map<String, AttributeValue> freshKeys(Map<String, AttributeValue> item, String prefix) {
        Map<String, AttributeValue> copy = new LinkedHashMap<>();
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            String name = attribute.getKey();
            AttributeValue value = attribute.getValue();
            boolean key = (name.endsWith("PK") || name.endsWith("SK")) && value.s() != null;
            copy.put(name, key ? AttributeValue.fromS(prefix + value.s()) : value);
        }
        return copy;
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("[#:][A-Za-z0-9_]+");

    /** Only the names or values {@code expression} uses: DynamoDB refuses any other (the condition's are gone). */
    static <V> Map<String, V> usedIn(String expression, Map<String, V> placeholders) {
        if (placeholders == null) return null;
        List<String> used = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(expression);
        while (matcher.find()) used.add(matcher.group());
        Map<String, V> kept = new LinkedHashMap<>(placeholders);
        kept.keySet().retainAll(used);
        return kept.isEmpty() ? null : kept;
    }

    private static String text(Map<String, JsonNode> call, String field) {
        JsonNode node = call.get(field);
        return node == null ? null : node.asString();
    }

    private static Integer number(Map<String, JsonNode> call, String field) {
        JsonNode node = call.get(field);
        return node == null ? null : Integer.valueOf(node.asNumber());
    }

    private static byte[] bytes(JsonNode node) {
        return Base64.getDecoder().decode(node.asString());
    }

    private static Boolean flag(Map<String, JsonNode> call, String field) {
        JsonNode node = call.get(field);
        return node == null ? null : node.asBoolean();
    }

    private static Map<String, String> strings(Map<String, JsonNode> call, String field) {
        JsonNode node = call.get(field);
        if (node == null) return null;
        Map<String, String> strings = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.asObject().entrySet())
            strings.put(entry.getKey(), entry.getValue().asString());
        return strings;
    }

    static Map<String, AttributeValue> values(Map<String, JsonNode> call, String field) {
        JsonNode node = call.get(field);
        return node == null ? null : map(node);
    }

    private static Map<String, AttributeValue> map(JsonNode node) {
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.asObject().entrySet())
            values.put(entry.getKey(), value(entry.getValue()));
        return values;
    }

    /** One attribute value in DynamoDB's typed JSON ({@code {"S": "…"}}), as {@link RecordedCalls} wrote it. */
    private static AttributeValue value(JsonNode node) {
        Map.Entry<String, JsonNode> typed =
                node.asObject().entrySet().iterator().next();
        JsonNode value = typed.getValue();
        return switch (typed.getKey()) {
            case "S" -> AttributeValue.fromS(value.asString());
            case "N" -> AttributeValue.fromN(value.asString());
            case "B" -> AttributeValue.fromB(SdkBytes.fromByteArray(bytes(value)));
            case "BOOL" -> AttributeValue.fromBool(value.asBoolean());
            case "NULL" -> AttributeValue.fromNul(true);
            case "M" -> AttributeValue.fromM(map(value));
            case "L" -> {
                List<AttributeValue> list = new ArrayList<>();
                for (JsonNode element : value.asArray()) list.add(value(element));
                yield AttributeValue.fromL(list);
            }
            case "SS", "NS" -> {
                List<String> strings = new ArrayList<>();
                for (JsonNode element : value.asArray()) strings.add(element.asString());
                yield typed.getKey().equals("SS") ? AttributeValue.fromSs(strings) : AttributeValue.fromNs(strings);
            }
            case "BS" -> {
                List<SdkBytes> list = new ArrayList<>();
                for (JsonNode element : value.asArray()) list.add(SdkBytes.fromByteArray(bytes(element)));
                yield AttributeValue.fromBs(list);
            }
            default -> throw new IllegalArgumentException("an attribute value of type " + typed.getKey());
        };
    }
}
