package io.relata.store;

import io.relata.core.model.RecordKey;

import java.time.Instant;

/** One stored move of a record: to {@code entityId} (0 = withdrawn) from {@code previousEntityId} (0 = none). */
public record AssignmentEvent(RecordKey record, long entityId, long previousEntityId, Instant at) {}
