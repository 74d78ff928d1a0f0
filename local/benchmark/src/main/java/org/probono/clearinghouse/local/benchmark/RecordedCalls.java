package org.probono.clearinghouse.local.benchmark;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyRequest;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * A probe's recorded calls as JSON, for {@link CallsFloor} to make again: each call's operation and what of its
 * request the calls floor sends (attribute values in DynamoDB's typed form, {@code {"S": "…"}}). Written after the
 * probe's first answer, with jackson-core (in every function's jar); the calls floor reads it with the SDK's own
 * JSON parser, which its clients have already loaded. An operation it does not know is written with its name
 * alone, and the calls floor refuses it. (The local runner's {@code StreamPump} writes the same typed form with
 * databind, which the functions' jars do not carry.)
 */
final class RecordedCalls {
    private RecordedCalls() {}

    static String toJson(List<AwsCalls.Call> calls) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.writeStartArray();
            for (AwsCalls.Call call : calls) {
                json.writeStartObject();
                json.writeStringField("op", call.operation());
                String uncopied = uncopied(call);
                if (uncopied != null) {
                    // A field the calls floor would not send: it refuses the call rather than make a lighter one.
                    json.writeStringField("uncopied", uncopied);
                    json.writeEndObject();
                    continue;
                }
                // By operation name, with a cast in each branch: a jar without KMS or SES never loads their classes.
                switch (call.operation()) {
                    case "DynamoDb.GetItem" -> {
                        getItem(json, (GetItemRequest) call.request());
                        // A miss is made again as a miss: the case's own writes may since have put the item there.
                        if (call.response().get() instanceof GetItemResponse found && !found.hasItem())
                            json.writeBooleanField("missed", true);
                    }
                    case "DynamoDb.Query" -> query(json, (QueryRequest) call.request());
                    case "DynamoDb.PutItem" -> {
                        PutItemRequest put = (PutItemRequest) call.request();
                        json.writeStringField("table", put.tableName());
                        values(json, "item", put.item());
                    }
                    case "DynamoDb.UpdateItem" -> updateItem(json, (UpdateItemRequest) call.request());
                    case "DynamoDb.TransactWriteItems" -> {
                        json.writeArrayFieldStart("items");
                        for (TransactWriteItem item : ((TransactWriteItemsRequest) call.request()).transactItems())
                            transactionItem(json, item);
                        json.writeEndArray();
                    }
                    case "Kms.GenerateDataKey" -> dataKey(json, (GenerateDataKeyRequest) call.request());
                    case "SesV2.SendEmail" -> email(json, (SendEmailRequest) call.request());
                    default -> {} // the name alone: the calls floor refuses what it cannot make
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The request fields each operation's record carries (their conditions are replaced: see {@link CallsFloor}). */
    private static final Map<String, Set<String>> COPIED = Map.of(
            "DynamoDb.GetItem",
            Set.of("TableName", "Key", "ConsistentRead", "ProjectionExpression", "ExpressionAttributeNames"),
            "DynamoDb.Query",
            Set.of(
                    "TableName",
                    "IndexName",
                    "KeyConditionExpression",
                    "FilterExpression",
                    "ProjectionExpression",
                    "ExpressionAttributeNames",
                    "ExpressionAttributeValues",
                    "ExclusiveStartKey",
                    "ScanIndexForward",
                    "Limit",
                    "ConsistentRead"),
            "DynamoDb.PutItem",
            Set.of("TableName", "Item", "ConditionExpression", "ExpressionAttributeNames", "ExpressionAttributeValues"),
            "DynamoDb.UpdateItem",
            Set.of(
                    "TableName",
                    "Key",
                    "UpdateExpression",
                    "ConditionExpression",
                    "ExpressionAttributeNames",
                    "ExpressionAttributeValues",
                    "ReturnValues"),
            "DynamoDb.TransactWriteItems",
            Set.of("TransactItems", "ClientRequestToken"), // the SDK fills in the token when none is given
            "Kms.GenerateDataKey",
            Set.of("KeyId", "KeySpec", "NumberOfBytes", "EncryptionContext"),
            "SesV2.SendEmail",
            Set.of("FromEmailAddress", "Destination", "Content", "ConfigurationSetName"));

    /** What a transaction's item of each kind carries. */
    private static final Set<String> ITEM_COPIED = Set.of(
            "TableName",
            "Item",
            "Key",
            "UpdateExpression",
            "ConditionExpression",
            "ExpressionAttributeNames",
            "ExpressionAttributeValues");

    /** The first field of the call's request that its record would leave out, or null when none is. */
    private static String uncopied(AwsCalls.Call call) {
        Set<String> copied = COPIED.get(call.operation());
        if (copied == null) return null; // an operation the calls floor does not make at all: refused by name
        String field = uncopied(call.request(), copied);
        if (field != null) return field;
        if (call.request() instanceof TransactWriteItemsRequest transaction) {
            for (TransactWriteItem item : transaction.transactItems()) {
                SdkPojo kind = item.put() != null
                        ? item.put()
                        : item.update() != null
                                ? item.update()
                                : item.conditionCheck() != null ? item.conditionCheck() : item.delete();
                field = kind == null ? "TransactItems" : uncopied(kind, ITEM_COPIED);
                if (field != null) return "TransactItems." + field;
            }
        }
        if (call.operation().equals("SesV2.SendEmail")) {
            SendEmailRequest email = (SendEmailRequest) call.request();
            field = uncopied(email.destination(), Set.of("ToAddresses"));
            if (field != null) return "Destination." + field;
            field = uncopied(email.content(), Set.of("Raw"));
            if (field != null || email.content().raw() == null) return "Content." + (field == null ? "Raw" : field);
        }
        return null;
    }

    private static String uncopied(SdkPojo pojo, Set<String> copied) {
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            boolean set = value != null
                    && !(value instanceof SdkAutoConstructList<?>)
                    && !(value instanceof SdkAutoConstructMap<?, ?>);
            if (set && !copied.contains(field.memberName())) return field.memberName();
        }
        return null;
    }

    private static void getItem(JsonGenerator json, GetItemRequest get) throws IOException {
        json.writeStringField("table", get.tableName());
        values(json, "key", get.key());
        if (get.consistentRead() != null) json.writeBooleanField("consistentRead", get.consistentRead());
        string(json, "projection", get.projectionExpression());
        strings(json, "names", get.expressionAttributeNames());
    }

    private static void query(JsonGenerator json, QueryRequest query) throws IOException {
        json.writeStringField("table", query.tableName());
        string(json, "index", query.indexName());
        string(json, "keyCondition", query.keyConditionExpression());
        string(json, "filter", query.filterExpression());
        string(json, "projection", query.projectionExpression());
        strings(json, "names", query.expressionAttributeNames());
        values(json, "values", query.expressionAttributeValues());
        values(json, "startKey", query.exclusiveStartKey());
        if (query.scanIndexForward() != null) json.writeBooleanField("forward", query.scanIndexForward());
        if (query.limit() != null) json.writeNumberField("limit", query.limit());
        if (query.consistentRead() != null) json.writeBooleanField("consistentRead", query.consistentRead());
    }

    private static void updateItem(JsonGenerator json, UpdateItemRequest update) throws IOException {
        json.writeStringField("table", update.tableName());
        values(json, "key", update.key());
        string(json, "update", update.updateExpression());
        strings(json, "names", update.expressionAttributeNames());
        values(json, "values", update.expressionAttributeValues());
        string(json, "returnValues", update.returnValuesAsString());
    }

    private static void dataKey(JsonGenerator json, GenerateDataKeyRequest dataKey) throws IOException {
        json.writeStringField("keyId", dataKey.keyId());
        string(json, "keySpec", dataKey.keySpecAsString());
        if (dataKey.numberOfBytes() != null) json.writeNumberField("numberOfBytes", dataKey.numberOfBytes());
        strings(json, "context", dataKey.encryptionContext());
    }

    private static void email(JsonGenerator json, SendEmailRequest email) throws IOException {
        json.writeStringField("from", email.fromEmailAddress());
        json.writeArrayFieldStart("to");
        for (String to : email.destination().toAddresses()) json.writeString(to);
        json.writeEndArray();
        string(json, "configurationSet", email.configurationSetName());
        json.writeStringField("raw", base64(email.content().raw().data()));
    }

    private static void transactionItem(JsonGenerator json, TransactWriteItem item) throws IOException {
        json.writeStartObject();
        json.writeStringField("kind", AwsCalls.kind(item));
        if (item.put() != null) {
            Put put = item.put();
            json.writeStringField("table", put.tableName());
            values(json, "item", put.item());
        } else if (item.update() != null) {
            Update update = item.update();
            json.writeStringField("table", update.tableName());
            values(json, "key", update.key());
            string(json, "update", update.updateExpression());
            strings(json, "names", update.expressionAttributeNames());
            values(json, "values", update.expressionAttributeValues());
        } else if (item.conditionCheck() != null) {
            ConditionCheck check = item.conditionCheck();
            json.writeStringField("table", check.tableName());
            values(json, "key", check.key());
            string(json, "condition", check.conditionExpression());
            strings(json, "names", check.expressionAttributeNames());
            values(json, "values", check.expressionAttributeValues());
        } else if (item.delete() != null) {
            Delete delete = item.delete();
            json.writeStringField("table", delete.tableName());
            values(json, "key", delete.key());
        }
        json.writeEndObject();
    }

    private static void string(JsonGenerator json, String field, String value) throws IOException {
        if (value != null) json.writeStringField(field, value);
    }

    /** A map of strings; the SDK's empty auto-construct maps (nothing was set) are left out. */
    private static void strings(JsonGenerator json, String field, Map<String, String> values) throws IOException {
        if (values == null || values.isEmpty()) return;
        json.writeObjectFieldStart(field);
        for (Map.Entry<String, String> entry : values.entrySet())
            json.writeStringField(entry.getKey(), entry.getValue());
        json.writeEndObject();
    }

    private static void values(JsonGenerator json, String field, Map<String, AttributeValue> values)
            throws IOException {
        if (values == null || values.isEmpty()) return;
        json.writeFieldName(field);
        map(json, values);
    }

    private static void map(JsonGenerator json, Map<String, AttributeValue> values) throws IOException {
        json.writeStartObject();
        for (Map.Entry<String, AttributeValue> entry : values.entrySet()) {
            json.writeFieldName(entry.getKey());
            value(json, entry.getValue());
        }
        json.writeEndObject();
    }

    private static void value(JsonGenerator json, AttributeValue value) throws IOException {
        json.writeStartObject();
        switch (value.type()) {
            case S -> json.writeStringField("S", value.s());
            case N -> json.writeStringField("N", value.n());
            case B -> json.writeStringField("B", base64(value.b()));
            case BOOL -> json.writeBooleanField("BOOL", value.bool());
            case NUL -> json.writeBooleanField("NULL", true);
            case M -> {
                json.writeFieldName("M");
                map(json, value.m());
            }
            case L -> {
                json.writeArrayFieldStart("L");
                for (AttributeValue element : value.l()) value(json, element);
                json.writeEndArray();
            }
            case SS, NS -> {
                json.writeArrayFieldStart(value.type() == AttributeValue.Type.SS ? "SS" : "NS");
                for (String element : value.type() == AttributeValue.Type.SS ? value.ss() : value.ns())
                    json.writeString(element);
                json.writeEndArray();
            }
            case BS -> {
                json.writeArrayFieldStart("BS");
                for (SdkBytes element : value.bs()) json.writeString(base64(element));
                json.writeEndArray();
            }
            default -> throw new IllegalArgumentException("an attribute value of type " + value.type());
        }
        json.writeEndObject();
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }
}
