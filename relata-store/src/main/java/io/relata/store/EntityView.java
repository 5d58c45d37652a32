package io.relata.store;

import io.relata.core.model.RecordKey;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An entity as stored: its size, when it was formed, last changed and retired (null while live), its active
 * records sorted by key, its history in order, and when each of its records was first loaded.
 */
public record EntityView(long id, int recordCount, Instant createdAt, Instant updatedAt, Instant retiredAt,
                         List<StoredRecord> records, List<EntityEvent> history, Map<RecordKey, Instant> loadedAt) {
    public EntityView {
        records = List.copyOf(records);
        history = List.copyOf(history);
        loadedAt = Map.copyOf(loadedAt);
    }

    public boolean retired() {
        return retiredAt != null;
    }
}
