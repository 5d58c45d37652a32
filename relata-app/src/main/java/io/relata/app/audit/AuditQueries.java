package io.relata.app.audit;

import io.relata.store.AuditAlert;
import io.relata.store.AuditAlertStatus;
import io.relata.store.AuditEntry;
import io.relata.store.AuditStore;
import io.relata.store.RelataStore;

import java.time.Instant;
import java.util.List;

/**
 * What auditors ask of the trail: who touched an object, what a user did, which alerts are open. Needs no key,
 * so the command line can answer without one; {@link AuditTrail} offers the same.
 */
public final class AuditQueries {
    private final RelataStore store;

    public AuditQueries(RelataStore store) {
        this.store = store;
    }

    /**
     * Every entry that touched {@code object} (such as {@code entity:123} or {@code record:DMV:9}): reads, changes
     * and denied attempts, at or after {@code from} and before {@code to} (null for no bound), oldest first, at most
     * {@code limit} after skipping {@code offset}.
     */
    public List<AuditEntry> whoLookedAt(String object, Instant from, Instant to, int limit, int offset) {
        String stored = AuditText.clean(object, AuditStore.MAX_OBJECT_LENGTH); // as the trail stored it
        return store.audit().byObject(stored, from, to, limit, offset);
    }

    /** Every entry of {@code actor} at or after {@code from} and before {@code to}, oldest first, paged. */
    public List<AuditEntry> activityOf(String actor, Instant from, Instant to, int limit, int offset) {
        return store.audit().byActor(AuditText.clean(actor, AuditTrail.MAX_TEXT), from, to, limit, offset);
    }

    /** Alerts with a status (null for any), oldest first, paged. */
    public List<AuditAlert> alerts(AuditAlertStatus status, int limit, int offset) {
        return store.audit().alerts(status, limit, offset);
    }

    /** Marks an open alert reviewed by {@code auditor} at {@code at}. */
    public void reviewAlert(long id, String auditor, Instant at) {
        store.audit().reviewAlert(id, auditor, at);
    }
}
