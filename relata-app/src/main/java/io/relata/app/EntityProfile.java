package io.relata.app;

import io.relata.core.model.RecordKey;
import io.relata.store.EntityEvent;
import io.relata.store.StoredRecord;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An entity as an analyst reads it: its records, every standardized value with the sources that give it,
 * the fields on which its sources disagree, and its history.
 *
 * @param values      per field (given name, surname, dob, phone, identifier:TYPE...), each value and its sources
 * @param conflicting the fields with more than one value
 */
public record EntityProfile(long id, int recordCount, Instant createdAt, Instant updatedAt, Instant retiredAt,
                            List<StoredRecord> records, Map<String, Map<String, Set<RecordKey>>> values,
                            List<String> conflicting, List<EntityEvent> history) {}
