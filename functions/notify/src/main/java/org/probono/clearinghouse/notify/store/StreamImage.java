package org.probono.clearinghouse.notify.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A stream record's image, in the DynamoDB JSON the event carries ({@code {"S":"x"}}, {@code {"N":"1"}},
 * {@code {"M":{...}}}), as the attribute values a table read returns, so one mapper reads both.
 */
final class StreamImage {
    private StreamImage() {}

    static Map<String, AttributeValue> attributes(JsonNode image) {
        if (image == null || !image.isObject()) throw new IllegalArgumentException("a stream image is a JSON object");
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        image.properties().forEach(field -> attributes.put(field.getKey(), value(field.getValue())));
        return attributes;
    }

    private static AttributeValue value(JsonNode typed) {
        if (typed == null || !typed.isObject() || typed.size() != 1) {
            throw new IllegalArgumentException("an attribute value names exactly one type: " + typed);
        }
        var field = typed.properties().iterator().next();
        JsonNode value = field.getValue();
        return switch (field.getKey()) {
            case "S" -> AttributeValue.fromS(value.asText());
            case "N" -> AttributeValue.fromN(value.asText());
            case "BOOL" -> AttributeValue.fromBool(value.asBoolean());
            case "NULL" -> AttributeValue.fromNul(true);
            case "B" ->
                AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(value.asText())));
            case "M" -> AttributeValue.fromM(attributes(value));
            case "L" -> {
                List<AttributeValue> list = new ArrayList<>();
                value.forEach(element -> list.add(value(element)));
                yield AttributeValue.fromL(list);
            }
            case "SS" -> AttributeValue.fromSs(texts(value));
            case "NS" -> AttributeValue.fromNs(texts(value));
            case "BS" ->
                AttributeValue.fromBs(texts(value).stream()
                        .map(text -> SdkBytes.fromByteArray(Base64.getDecoder().decode(text)))
                        .toList());
            default -> throw new IllegalArgumentException("unknown attribute type " + field.getKey());
        };
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }
}
