package org.probono.clearinghouse.local.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/** The calls floor's record: what a probe writes of its calls, and how the calls floor makes them alike again. */
class RecordedCallsTest {
    private static final Map<String, AttributeValue> KEY =
            Map.of("PK", AttributeValue.fromS("TOKEN#abc"), "SK", AttributeValue.fromS("TOKEN"));

    private static AwsCalls.Call call(String operation, SdkRequest request, SdkResponse response) {
        return new AwsCalls.Call(operation, request, new AtomicReference<>(response));
    }

    private static Map<String, JsonNode> recorded(AwsCalls.Call call) {
        return JsonNode.parser()
                .parse(RecordedCalls.toJson(List.of(call)))
                .asArray()
                .getFirst()
                .asObject();
    }

    @Test
    void everyKindOfAttributeValueIsReadBackAsItWasWritten() {
        Map<String, AttributeValue> item = Map.ofEntries(
                Map.entry("PK", AttributeValue.fromS("REQ#1")),
                Map.entry("title", AttributeValue.fromS("অনুরোধ \"quoted\" \n line")),
                Map.entry("version", AttributeValue.fromN("3")),
                Map.entry("sealed", AttributeValue.fromB(SdkBytes.fromString("secret", StandardCharsets.UTF_8))),
                Map.entry("open", AttributeValue.fromBool(true)),
                Map.entry("closedAt", AttributeValue.fromNul(true)),
                Map.entry("data", AttributeValue.fromM(Map.of("name", AttributeValue.fromS("Asha")))),
                Map.entry(
                        "parties", AttributeValue.fromL(List.of(AttributeValue.fromS("A"), AttributeValue.fromN("2")))),
                Map.entry("areas", AttributeValue.fromSs(List.of("CONTRACT_REVIEW", "FCRA"))),
                Map.entry("hours", AttributeValue.fromNs(List.of("1", "2.5"))),
                Map.entry("blobs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {1, 2})))));
        PutItemRequest put =
                PutItemRequest.builder().tableName("table").item(item).build();

        assertEquals(item, CallsFloor.values(recorded(call("DynamoDb.PutItem", put, null)), "item"));
    }

    @Test
    void aGetItemThatFoundNothingIsMarkedAMissAndOneThatFoundItsItemIsNot() {
        GetItemRequest get = GetItemRequest.builder()
                .tableName("table")
                .key(KEY)
                .consistentRead(true)
                .build();

        Map<String, JsonNode> missed =
                recorded(call("DynamoDb.GetItem", get, GetItemResponse.builder().build()));
        Map<String, JsonNode> found = recorded(call(
                "DynamoDb.GetItem", get, GetItemResponse.builder().item(KEY).build()));

        assertTrue(missed.get("missed").asBoolean());
        assertFalse(found.containsKey("missed"));
        assertEquals(KEY, CallsFloor.values(found, "key"));
        assertTrue(found.get("consistentRead").asBoolean());
    }

    @Test
    void aRequestFieldTheRecordDoesNotCarryIsNamedSoTheCallsFloorRefusesTheCall() {
        GetItemRequest get = GetItemRequest.builder()
                .tableName("table")
                .key(KEY)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .build();
        TransactWriteItemsRequest transaction = TransactWriteItemsRequest.builder()
                .transactItems(TransactWriteItem.builder()
                        .put(p -> p.tableName("table")
                                .item(KEY)
                                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD))
                        .build())
                .build();

        assertEquals(
                "ReturnConsumedCapacity",
                recorded(call("DynamoDb.GetItem", get, null)).get("uncopied").asString());
        assertEquals(
                "TransactItems.ReturnValuesOnConditionCheckFailure",
                recorded(call("DynamoDb.TransactWriteItems", transaction, null))
                        .get("uncopied")
                        .asString());
    }

    @Test
    void anUpdateWithoutItsConditionKeepsOnlyThePlaceholdersItsExpressionUses() {
        String update = "SET #status = :sent, #version = #version + :one";
        Map<String, String> names = Map.of("#status", "status", "#version", "version", "#claimed", "claimedBy");
        Map<String, AttributeValue> values = Map.of(
                ":sent", AttributeValue.fromS("SENT"),
                ":one", AttributeValue.fromN("1"),
                ":s", AttributeValue.fromS("SENDING"),
                ":sentBy", AttributeValue.fromS("worker-1"));

        assertEquals(Map.of("#status", "status", "#version", "version"), CallsFloor.usedIn(update, names));
        assertEquals(
                Map.of(":sent", AttributeValue.fromS("SENT"), ":one", AttributeValue.fromN("1")),
                CallsFloor.usedIn(update, values));
    }

    @Test
    void aPutGoesUnderFreshKeysForTheTableAndItsIndexesAndKeepsEveryOtherAttribute() {
        Map<String, AttributeValue> item = Map.of(
                "PK", AttributeValue.fromS("REQ#1"),
                "SK", AttributeValue.fromS("REQ"),
                "GSI2PK", AttributeValue.fromS("QUEUE"),
                "status", AttributeValue.fromS("SUBMITTED"),
                "version", AttributeValue.fromN("1"));

        Map<String, AttributeValue> fresh = CallsFloor.freshKeys(item, "CALLS#run#0#");

        assertEquals("CALLS#run#0#REQ#1", fresh.get("PK").s());
        assertEquals("CALLS#run#0#REQ", fresh.get("SK").s());
        assertEquals("CALLS#run#0#QUEUE", fresh.get("GSI2PK").s());
        assertEquals(item.get("status"), fresh.get("status"));
        assertEquals(item.get("version"), fresh.get("version"));
    }

    @Test
    void theShapeListsTheCallsInOrderWithEachTransactionsKindsOfItem() {
        TransactWriteItemsRequest transaction = TransactWriteItemsRequest.builder()
                .transactItems(
                        TransactWriteItem.builder()
                                .put(p -> p.tableName("table").item(KEY))
                                .build(),
                        TransactWriteItem.builder()
                                .conditionCheck(
                                        c -> c.tableName("table").key(KEY).conditionExpression("attribute_exists(PK)"))
                                .build(),
                        TransactWriteItem.builder()
                                .update(u -> u.tableName("table").key(KEY).updateExpression("ADD #n :one"))
                                .build())
                .build();

        String shape = AwsCalls.shape(List.of(
                call("DynamoDb.GetItem", GetItemRequest.builder().key(KEY).build(), null),
                call("DynamoDb.TransactWriteItems", transaction, null)));

        assertEquals("DynamoDb.GetItem;DynamoDb.TransactWriteItems:Put+ConditionCheck+Update", shape);
    }
}
