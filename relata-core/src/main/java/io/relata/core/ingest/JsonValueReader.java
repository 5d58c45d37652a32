package io.relata.core.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads single values off a streaming parser positioned on their first token, checking their JSON type.
 * Field paths are passed in pieces ({@code array}, {@code index}, {@code key}) and joined only when a
 * reject is raised, so valid records build no path strings.
 */
final class JsonValueReader {
    private JsonValueReader() {}

    /** A string, or a number as its text (sources write ids and dates as numbers); null when JSON null. */
    static String text(JsonParser p, String array, int index, String key) throws IOException, RecordRejectedException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_NULL) return null;
        throw reject(path(array, index, key), "expected a string, got " + describe(t));
    }

    /** A required string: present, not null, not blank. */
    static String required(String value, String array, int index, String key) throws RecordRejectedException {
        if (value == null || value.isBlank()) {
            throw reject(path(array, index, key), value == null ? "required '" + key + "' is missing"
                    : "required '" + key + "' is empty");
        }
        return value;
    }

    /** Appends the strings of an array to {@code out}; JSON null (whole or element) adds nothing. */
    static void strings(JsonParser p, String key, List<String> out) throws IOException, RecordRejectedException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) return;
        if (t != JsonToken.START_ARRAY) throw reject(key, "expected an array of strings, got " + describe(t));
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String s = text(p, key, i++, null);
            if (s != null) out.add(s);
        }
    }

    /** Checks that the parser is on an array of objects; false when JSON null (absent). */
    static boolean startArrayOfObjects(JsonParser p, String key) throws RecordRejectedException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) return false;
        if (t != JsonToken.START_ARRAY) throw reject(key, "expected an array of objects, got " + describe(t));
        return true;
    }

    /** Checks that the parser is on an object; false when JSON null (absent). */
    static boolean startObject(JsonParser p, String array, int index, String key) throws RecordRejectedException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) return false;
        if (t != JsonToken.START_OBJECT) throw reject(path(array, index, key), "expected an object, got " + describe(t));
        return true;
    }

    /** Any JSON value as plain, unmodifiable Java values: String, Number, Boolean, null, List, Map. */
    static Object plain(JsonParser p) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String k = p.currentName();
                    p.nextToken();
                    map.put(k, plain(p));
                }
                return Collections.unmodifiableMap(map);
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) list.add(plain(p));
                return Collections.unmodifiableList(list);
            }
            case VALUE_STRING: return p.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: return p.getNumberValue();
            case VALUE_TRUE: return Boolean.TRUE;
            case VALUE_FALSE: return Boolean.FALSE;
            default: return null;
        }
    }

    /**
     * A key that is not one of {@code allowed}. The field names it as a JSON string when it is empty or holds
     * anything but letters, digits and '_' (a control character, a quote), so that the field is never blank and
     * reads unambiguously.
     */
    static RecordRejectedException unknownKey(String array, int index, String key, String allowed) {
        boolean plain = key.matches("\\w+");
        String shown = plain ? key
                : '"' + new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(key)) + '"';
        return reject(path(array, index, shown), "unknown key " + (plain ? "'" + key + "'" : shown) + " (allowed: " + allowed + ")");
    }

    static RecordRejectedException reject(String field, String reason) {
        return new RecordRejectedException(field, reason);
    }

    /** {@code key}, {@code array[index]} or {@code array[index].key}; array may itself be a path. */
    static String path(String array, int index, String key) {
        if (array == null) return key;
        String element = index < 0 ? array : array + '[' + index + ']';
        return key == null ? element : element + '.' + key;
    }

    static String describe(JsonToken t) {
        if (t == null) return "nothing";
        switch (t) {
            case START_OBJECT: return "an object";
            case START_ARRAY: return "an array";
            case VALUE_STRING: return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE: return "a boolean";
            case VALUE_NULL: return "null";
            default: return t.asString() == null ? t.name() : "'" + t.asString() + "'";
        }
    }
}
