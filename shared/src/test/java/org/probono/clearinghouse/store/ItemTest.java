package org.probono.clearinghouse.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item's attributes read straight from their values come out as the document's typed getters give them,
 * for items read from the table (attribute values) and items our writers build, and for an attribute stored
 * as another DynamoDB type than the one read (the getters convert it).
 */
class ItemTest {
    private static final Map<String, AttributeValue> STORED = stored();

    private static Map<String, AttributeValue> stored() {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        attributes.put("title", AttributeValue.fromS("अनुबंध की समीक्षा"));
        attributes.put("hours", AttributeValue.fromN("6.5"));
        attributes.put("version", AttributeValue.fromN("12345678901234"));
        attributes.put("urgent", AttributeValue.fromBool(true));
        attributes.put(
                "areas", AttributeValue.fromL(List.of(AttributeValue.fromS("fcra"), AttributeValue.fromS("ip"))));
        attributes.put("createdAt", AttributeValue.fromS("2026-11-29T10:00:00Z"));
        attributes.put("gone", AttributeValue.fromNul(true));
        attributes.put("countAsText", AttributeValue.fromS("42"));
        attributes.put("numberAsTitle", AttributeValue.fromN("7"));
        attributes.put("flagAsText", AttributeValue.fromS("true"));
        attributes.put("mixed", AttributeValue.fromL(List.of(AttributeValue.fromS("a"), AttributeValue.fromN("1"))));
        return attributes;
    }

    private static EnhancedDocument document(Map<String, AttributeValue> attributes) {
        return EnhancedDocument.builder()
                .attributeValueMap(attributes)
                .attributeConverterProviders(AttributeConverterProvider.defaultProvider())
                .build();
    }

    @Test
    void each_read_gives_what_the_documents_getters_give() {
        EnhancedDocument document = document(STORED);
        Item item = Item.of(document);

        for (String name : List.of("title", "createdAt", "countAsText", "numberAsTitle", "flagAsText"))
            assertThat(item.string(name)).as(name).isEqualTo(document.getString(name));
        for (String name : List.of("hours", "version", "countAsText"))
            assertThat(item.optionalNumber(name)).as(name).contains(document.getNumber(name));
        assertThat(item.number("version")).isEqualTo(12345678901234L);
        assertThat(item.decimal("hours")).isEqualTo(6.5);
        assertThat(item.bool("urgent")).isEqualTo(document.getBoolean("urgent"));
        assertThat(item.bool("flagAsText"))
                .isEqualTo(document.getBoolean("flagAsText"))
                .isTrue();
        assertThat(item.strings("areas")).isEqualTo(document.getList("areas", EnhancedType.of(String.class)));
        assertThat(item.strings("mixed")).isEqualTo(document.getList("mixed", EnhancedType.of(String.class)));
        assertThat(item.time("createdAt")).isEqualTo(Instant.parse("2026-11-29T10:00:00Z"));
    }

    @Test
    void absent_and_null_attributes_read_as_nothing() {
        Item item = Item.of(document(STORED));

        for (String name : List.of("gone", "missing")) {
            assertThat(item.string(name)).isNull();
            assertThat(item.optionalNumber(name)).isEqualTo(Optional.empty());
            assertThat(item.number(name)).isZero();
            assertThat(item.bool(name)).isFalse();
            assertThat(item.strings(name)).isEmpty();
            assertThat(item.time(name)).isNull();
        }
    }

    @Test
    void an_item_our_writer_builds_reads_back_as_written() {
        Key key = Key.builder().partitionValue("REQ#1").sortValue("META").build();
        Item item = Item.of(Item.write("Request", key)
                .string("title", "Mural commission")
                .number("hours", 3)
                .decimal("rating", 4.5)
                .bool("urgent", true)
                .strings("areas", List.of("contracts", "fcra"))
                .time("createdAt", Instant.parse("2026-11-29T10:00:00Z"))
                .version(7)
                .build());

        assertThat(item.entity()).isEqualTo("Request");
        assertThat(item.string("title")).isEqualTo("Mural commission");
        assertThat(item.number("hours")).isEqualTo(3);
        assertThat(item.decimal("rating")).isEqualTo(4.5);
        assertThat(item.optionalNumber("rating")).contains(SdkNumber.fromDouble(4.5));
        assertThat(item.bool("urgent")).isTrue();
        assertThat(item.strings("areas")).containsExactly("contracts", "fcra");
        assertThat(item.time("createdAt")).isEqualTo(Instant.parse("2026-11-29T10:00:00Z"));
        assertThat(item.version()).isEqualTo(7);
    }
}
