package io.relata.core.resolve.live;

import io.relata.core.model.RecordKey;

/**
 * One step in an entity's history: what happened to it, which record's arrival, change or withdrawal (or
 * which analyst decision) triggered it, and why, as the match key of the link that decided it.
 *
 * @param otherEntity the entity on the other side of a merge or split; 0 when there is none
 * @param matchKey    the match key of the deciding link, such as {@code +NAME+DOB-ADDRESS}; empty when none
 */
public record EntityChange(long entityId, Kind kind, RecordKey trigger, long otherEntity, String matchKey) {
    public enum Kind {
        /** A new entity, formed by the trigger record (and possibly others that left their entities). */
        CREATED,
        /** The trigger record joined this entity. */
        RECORD_ADDED,
        /** The trigger record was withdrawn or changed so that it left this entity. */
        RECORD_REMOVED,
        /** This entity absorbed {@code otherEntity}: it is the survivor of a merge. */
        MERGED,
        /** This entity was absorbed by {@code otherEntity} and is retired. */
        MERGED_INTO,
        /** Part of this entity no longer held together and now forms {@code otherEntity}. */
        SPLIT,
        /** This entity has no records left and is retired. */
        RETIRED
    }

    public EntityChange {
        matchKey = matchKey == null ? "" : matchKey;
    }
}
