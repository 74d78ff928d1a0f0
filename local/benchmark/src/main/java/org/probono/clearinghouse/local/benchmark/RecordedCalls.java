package org.probono.clearinghouse.local.benchmark;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
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
import software.amazon.awssdk.services.kms.model.GenerateDataKeyRequest;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * A probe's recorded calls as JSON, for {@link CallsFloor} to make again: each call's operation and what of its
 * request the calls floor sends (attribute values in DynamoDB's typed form, {@code {"S": "…"}}). Written after the
 * probe's first answer, with jackson-core (in every function's jar); the calls floor reads it with the SDK's own
 * JSON parser, which its clients have already loaded. An operation it does not know is written with its name
 * alone, and the calls floor refuses it.
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
                // By operation name, with a cast in each branch: a jar without KMS or SES never loads their classes.
                switch (call.operation()) {
                    case "DynamoDb.GetItem" -> getItem(json, (GetItemRequest) call.request());
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
