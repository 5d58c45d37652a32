package io.relata.store;

import java.time.Instant;
import java.util.List;

/**
 * An entity as stored: its size, when it was formed, last changed and retired (null while live), its active
 * records sorted by key and its history in order.
 */
public record EntityView(long id, int recordCount, Instant createdAt, Instant updatedAt, Instant retiredAt,
                         List<StoredRecord> records, List<EntityEvent> history) {
    public EntityView {
        records = List.copyOf(records);
        history = List.copyOf(history);
    }

    public boolean retired() {
        return retiredAt != null;
    }
}
