package org.probono.clearinghouse.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads and writes the attributes of one table item. Writing skips absent values (a sparse index must
 * see the attribute missing, not NULL); reading turns DynamoDB types back into Java ones.
 * Times are ISO-8601 strings; {@code expiresAt} is epoch seconds, as DynamoDB TTL wants.
 */
public final class Item {
    private static final EnhancedType<String> STRING = EnhancedType.of(String.class);
    private final EnhancedDocument document;

    private Item(EnhancedDocument document) {
        this.document = document;
    }

    public static Item of(EnhancedDocument document) {
        return new Item(document);
    }

    public static Writer write(String entity, Key key) {
        return new Writer(entity, key);
    }

    public EnhancedDocument document() {
        return document;
    }

    public String entity() {
        return string(Keys.ENTITY);
    }

    /**
     * The attribute as stored, or null when absent or NULL. Reads go straight to the attribute values: the
     * document's typed getters build and validate a type and look up a converter for every attribute (a third of
     * a warm queue listing); an attribute of another DynamoDB type than expected still goes through them.
     */
    private AttributeValue attribute(String name) {
        if (!document.isPresent(name) || document.isNull(name)) return null;
        return document.toMap().get(name);
    }

    public String string(String name) {
        AttributeValue value = attribute(name);
        if (value == null) return null;
        return value.type() == AttributeValue.Type.S ? value.s() : document.getString(name);
    }

    public String requiredString(String name) {
        String value = string(name);
        if (value == null) throw new IllegalStateException("item " + string(Keys.PK) + " has no " + name);
        return value;
    }

    public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        String value = string(name);
        return value == null ? null : Enum.valueOf(type, value);
    }

    public long number(String name) {
        return optionalNumber(name).map(SdkNumber::longValue).orElse(0L);
    }

    /** A number with a fraction (hours: 6.5); 0 when absent. */
    public double decimal(String name) {
        return optionalNumber(name).map(SdkNumber::doubleValue).orElse(0.0);
    }

    public Optional<SdkNumber> optionalNumber(String name) {
        AttributeValue value = attribute(name);
        if (value == null) return Optional.empty();
        return Optional.of(
                value.type() == AttributeValue.Type.N ? SdkNumber.fromString(value.n()) : document.getNumber(name));
    }

    public boolean bool(String name) {
        AttributeValue value = attribute(name);
        if (value == null) return false;
        return value.type() == AttributeValue.Type.BOOL ? value.bool() : document.getBoolean(name);
    }

    public Instant time(String name) {
        String value = string(name);
        return value == null ? null : Instant.parse(value);
    }

    public List<String> strings(String name) {
        AttributeValue value = attribute(name);
        if (value == null) return List.of();
        if (value.type() == AttributeValue.Type.L
                && value.l().stream().allMatch(element -> element.type() == AttributeValue.Type.S))
            return value.l().stream().map(AttributeValue::s).toList();
        return document.getList(name, STRING);
    }

    /** A nested map or list, as JSON text. */
    public String json(String name) {
        return attribute(name) == null ? null : document.getJson(name);
    }

    public long version() {
        return number(Keys.VERSION);
    }

    /** Items past their {@code expiresAt} count as gone: DynamoDB's TTL deletes them lazily, moto never. */
    public boolean isExpired(Instant now) {
        return optionalNumber(Keys.EXPIRES_AT)
                .map(n -> n.longValue() <= now.getEpochSecond())
                .orElse(false);
    }

    public static final class Writer {
        private final EnhancedDocument.Builder builder =
                EnhancedDocument.builder().attributeConverterProviders(AttributeConverterProvider.defaultProvider());

        private Writer(String entity, Key key) {
            builder.putString(Keys.PK, key.partitionKeyValue().s());
            builder.putString(Keys.SK, key.sortKeyValue().orElseThrow().s());
            builder.putString(Keys.ENTITY, entity);
        }

        public Writer string(String name, String value) {
            if (value != null) builder.putString(name, value);
            return this;
        }

        public Writer enumValue(String name, Enum<?> value) {
            return string(name, value == null ? null : value.name());
        }

        public Writer number(String name, long value) {
            builder.putNumber(name, value);
            return this;
        }

        public Writer decimal(String name, double value) {
            builder.putNumber(name, value);
            return this;
        }

        public Writer bool(String name, boolean value) {
            builder.putBoolean(name, value);
            return this;
        }

        public Writer time(String name, Instant value) {
            return string(name, value == null ? null : value.toString());
        }

        public Writer strings(String name, List<String> values) {
            if (values != null) builder.putList(name, values, STRING);
            return this;
        }

        /** A nested map or list given as JSON text; stored as a native DynamoDB map or list. */
        public Writer json(String name, String json) {
            if (json != null) builder.putJson(name, json);
            return this;
        }

        public Writer version(long version) {
            return number(Keys.VERSION, version);
        }

        public Writer expiresAt(Instant at) {
            return at == null ? this : number(Keys.EXPIRES_AT, at.getEpochSecond());
        }

        public Writer gsi1(String pk, String sk) {
            return string(Keys.GSI1PK, pk).string(Keys.GSI1SK, sk);
        }

        public Writer gsi2(String pk, String sk) {
            return string(Keys.GSI2PK, pk).string(Keys.GSI2SK, sk);
        }

        public EnhancedDocument build() {
            return builder.build();
        }
    }
}
