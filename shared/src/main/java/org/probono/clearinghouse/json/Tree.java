package org.probono.clearinghouse.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A read-only view of JSON as jackson-jr reads it without a type (maps, lists, strings, numbers, booleans and
 * nulls), for the few places that walk an event rather than bind it: telling an event's shape, copying an API
 * Gateway request into its bean, a stream record's item. A missing field and a JSON null both read as an
 * empty tree, so a walk never throws.
 */
public record Tree(Object value) {
    private static final Tree EMPTY = new Tree(null);

    public static Tree of(Object value) {
        return value == null ? EMPTY : new Tree(value);
    }

    /** The field {@code name} of an object; empty if this is not an object or has no such field. */
    public Tree path(String name) {
        return value instanceof Map<?, ?> map ? of(map.get(name)) : EMPTY;
    }

    /** The {@code index}th element of a list; empty if this is not a list or is shorter. */
    public Tree path(int index) {
        return value instanceof List<?> list && index >= 0 && index < list.size() ? of(list.get(index)) : EMPTY;
    }

    public boolean has(String name) {
        return value instanceof Map<?, ?> map && map.containsKey(name);
    }

    public boolean isObject() {
        return value instanceof Map<?, ?>;
    }

    public boolean isList() {
        return value instanceof List<?>;
    }

    public boolean isText() {
        return value instanceof String;
    }

    public boolean isEmpty() {
        return value == null;
    }

    /** The string, or null if this is not a string. */
    public String text() {
        return value instanceof String text ? text : null;
    }

    /** A string, number or boolean as text (as a log or an event's loose field reads it), else null. */
    public String asText() {
        return value instanceof String || value instanceof Number || value instanceof Boolean ? value.toString() : null;
    }

    /** The whole number, or 0 if this is not a whole number. */
    public long asLong() {
        return value instanceof Integer || value instanceof Long ? ((Number) value).longValue() : 0;
    }

    /** True only for JSON {@code true}. */
    public boolean isTrue() {
        return Boolean.TRUE.equals(value);
    }

    /** An object's fields in order; empty if this is not an object. */
    public Map<String, Tree> fields() {
        Map<String, Tree> fields = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) map.forEach((name, field) -> fields.put((String) name, of(field)));
        return fields;
    }

    /** A list's elements; empty if this is not a list. */
    public List<Tree> elements() {
        List<Tree> elements = new ArrayList<>();
        if (value instanceof List<?> list) list.forEach(element -> elements.add(of(element)));
        return elements;
    }
}
