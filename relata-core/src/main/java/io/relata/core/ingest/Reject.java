package io.relata.core.ingest;

/**
 * A record a reader could not accept: where it is ({@code file}, 1-based physical {@code line}), which
 * field is wrong (a JSON path such as {@code names[1].use}, a CSV column name, or {@code (line)} when the
 * line as a whole is unreadable) and a {@code reason} a user can act on.
 */
public record Reject(String file, long line, String field, String reason) {
    /** Marks a reject that concerns the whole line rather than one field. */
    public static final String WHOLE_LINE = "(line)";

    @Override
    public String toString() {
        return file + ':' + line + ": " + field + ": " + reason;
    }
}
