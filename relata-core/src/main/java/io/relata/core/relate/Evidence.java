package io.relata.core.relate;

import io.relata.core.model.RecordKey;

/**
 * One reason two entities may be connected: which records, which value, how many entities share that value
 * and what it contributes to the relation's strength.
 *
 * @param detail   the shared value as written, or the disclosed link's type and role, or the trip
 * @param sharedBy how many entities share the value (2 for a disclosed link)
 * @param strength this evidence's contribution in (0, 1]
 */
public record Evidence(RelationType type, String detail, RecordKey from, RecordKey to, int sharedBy,
                       double strength) {}
