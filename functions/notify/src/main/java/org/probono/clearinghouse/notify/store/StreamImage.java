package org.probono.clearinghouse.notify.store;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.probono.clearinghouse.json.Json;
import org.probono.clearinghouse.json.Tree;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A stream record's image, in the DynamoDB JSON the event carries ({@code {"S":"x"}}, {@code {"N":"1"}},
 * {@code {"M":{...}}}), as the attribute values a table read returns, so one mapper reads both.
 */
final class StreamImage {
    private StreamImage() {}

    static Map<String, AttributeValue> attributes(Tree image) {
        if (image == null || !image.isObject()) throw new IllegalArgumentException("a stream image is a JSON object");
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        image.fields().forEach((name, value) -> attributes.put(name, value(value)));
        return attributes;
    }

    private static AttributeValue value(Tree typed) {
        Map<String, Tree> fields = typed.fields();
        if (fields.size() != 1) {
            throw new IllegalArgumentException("an attribute value names exactly one type: " + Json.write(typed));
        }
        var field = fields.entrySet().iterator().next();
        Tree value = field.getValue();
        return switch (field.getKey()) {
            case "S" -> AttributeValue.fromS(value.asText());
            case "N" -> AttributeValue.fromN(value.asText());
            case "BOOL" -> AttributeValue.fromBool(value.isTrue());
            case "NULL" -> AttributeValue.fromNul(true);
            case "B" ->
                AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(value.asText())));
            case "M" -> AttributeValue.fromM(attributes(value));
            case "L" -> {
                List<AttributeValue> list = new ArrayList<>();
                value.elements().forEach(element -> list.add(value(element)));
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

    private static List<String> texts(Tree array) {
        List<String> texts = new ArrayList<>();
        array.elements().forEach(element -> texts.add(element.asText()));
        return texts;
    }
}
