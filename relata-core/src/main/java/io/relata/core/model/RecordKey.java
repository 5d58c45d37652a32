package io.relata.core.model;

import java.util.Objects;

/** A record's identity: its source system code and its id within that source, written {@code SOURCE:ID}. */
public record RecordKey(String source, String id) implements Comparable<RecordKey> {
    public RecordKey {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(id, "id");
    }

    /** Parses {@code SOURCE:ID}; the id may itself contain colons. */
    public static RecordKey parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("expected SOURCE:ID, got '" + text + "'");
        }
        return new RecordKey(text.substring(0, colon), text.substring(colon + 1));
    }

    @Override
    public int compareTo(RecordKey o) {
        int c = source.compareTo(o.source);
        return c != 0 ? c : id.compareTo(o.id);
    }

    @Override
    public String toString() {
        return source + ':' + id;
    }
}
