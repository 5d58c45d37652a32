package io.relata.store;

import io.relata.core.model.RecordKey;

import java.time.Instant;

/**
 * A stored alert (see {@link NewAlert} for its fields).
 *
 * @param note       the analyst's note on disposing of it; null while open
 * @param disposedBy who acknowledged or dismissed it; null while open
 * @param disposedAt when
 */
public record Alert(long id, long watchId, long caseId, long entityId, long touchedEntity, RecordKey trigger,
                    AlertKind kind, int distance, String evidence, AlertStatus status, Instant createdAt, String note,
                    String disposedBy, Instant disposedAt) {}
