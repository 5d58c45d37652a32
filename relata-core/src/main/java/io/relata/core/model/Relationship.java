package io.relata.core.model;

/** A link that a source discloses from its record to another record (source, id); role is optional. */
public record Relationship(String type, String source, String id, String role) {
    public RecordKey target() {
        return new RecordKey(source, id);
    }
}
