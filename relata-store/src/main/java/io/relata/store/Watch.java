package io.relata.store;

import java.time.Instant;

/**
 * A case's watch on an entity: changes to it and, up to {@code hops} relationships away, around it raise alerts
 * (0 hops = the entity itself only).
 *
 * @param active false once deactivated; its alerts stay
 */
public record Watch(long id, long caseId, long entityId, int hops, String createdBy, Instant createdAt, String note,
                    boolean active) {}
