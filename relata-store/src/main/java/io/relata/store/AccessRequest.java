package io.relata.store;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An individual's request to see what Relata holds about them.
 *
 * @param requester the requester's identifying data as JSON (opaque to the store)
 * @param dueOn     when the response is due
 */
public record AccessRequest(long id, String requester, String notes, LocalDate receivedOn, LocalDate dueOn,
                            AccessRequestStatus status, String registeredBy, Instant registeredAt, Instant updatedAt) {
    /** Whether the response is late: still pending after its due date. */
    public boolean overdue(LocalDate today) {
        return status.pending() && today.isAfter(dueOn);
    }
}
