package io.relata.store;

import io.relata.core.model.RecordKey;

import java.util.Objects;

/**
 * An alert to store with {@link StoreBatch#addAlert}, in the transaction of the record that caused it.
 *
 * @param entityId      the watched entity
 * @param touchedEntity the entity that changed (the watched one itself for {@link AlertKind#RESOLVED_INTO})
 * @param trigger       the record whose arrival or change caused it; null when there is none
 * @param distance      how many hops the touched entity is from the watched one
 * @param evidence      what was seen, JSON text (opaque to the store)
 */
public record NewAlert(long watchId, long caseId, long entityId, long touchedEntity, RecordKey trigger, AlertKind kind,
                       int distance, String evidence) {
    public NewAlert {
        Checks.id(watchId, "an alert's watch");
        Checks.id(caseId, "an alert's case");
        Checks.id(entityId, "an alert's watched entity");
        Checks.id(touchedEntity, "an alert's touched entity");
        Objects.requireNonNull(kind, "kind");
        Checks.hops(distance, "an alert's distance");
        Objects.requireNonNull(evidence, "evidence");
    }

    /** An alert raised by {@code watch}: its case and entity are the watch's. */
    public static NewAlert of(Watch watch, long touchedEntity, RecordKey trigger, AlertKind kind, int distance,
                              String evidence) {
        return new NewAlert(watch.id(), watch.caseId(), watch.entityId(), touchedEntity, trigger, kind, distance, evidence);
    }
}
