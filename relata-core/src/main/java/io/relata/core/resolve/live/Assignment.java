package io.relata.core.resolve.live;

import io.relata.core.model.RecordKey;

/** A record's move to another entity. {@code entityId} 0 means the record was withdrawn. */
public record Assignment(RecordKey record, long entityId, long previousEntityId) {}
