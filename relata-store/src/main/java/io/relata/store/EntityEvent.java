package io.relata.store;

import io.relata.core.model.RecordKey;
import io.relata.core.resolve.live.EntityChange;

import java.time.Instant;

/**
 * One stored step of an entity's history ({@link EntityChange} with its time).
 *
 * @param trigger     the record whose arrival, change or withdrawal caused it; null when none was given
 * @param otherEntity the entity on the other side of a merge or split; 0 when there is none
 * @param matchKey    the match key of the deciding link; empty when none
 */
public record EntityEvent(long entityId, Instant at, EntityChange.Kind kind, RecordKey trigger, long otherEntity,
                          String matchKey) {}
