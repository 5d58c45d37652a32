package io.relata.store;

import io.relata.core.model.RecordKey;

import java.util.Objects;

/**
 * A record as the store keeps it: the content as received (canonical JSON), its hash, its standardized
 * features (JSON text, opaque to the store) and its entity ({@code entityId} 0 = none).
 */
public record StoredRecord(RecordKey key, long contentHash, String content, String features, long entityId) {
    public StoredRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(features, "features");
    }
}
