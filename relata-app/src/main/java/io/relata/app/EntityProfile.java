package io.relata.app;

import io.relata.core.model.RecordKey;
import io.relata.store.EntityEvent;
import io.relata.store.StoredRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An entity as an analyst reads it: its records, every standardized value with the sources that give it,
 * the fields on which its sources disagree, its history, when each record was loaded, the events its records tell
 * of and what could not be standardized in each record.
 *
 * @param values      per field (given name, surname, dob, phone, identifier:TYPE...), each value and its sources
 * @param conflicting the fields with more than one value
 * @param loadedAt    per record, when the store first loaded it
 * @param timeline    the events of the records, by date (dates as given; those that do not read as a date last)
 * @param problems    per record, what standardization could not read or found implausible (records without any left out)
 * @param corrections the accepted corrections of its records, oldest first
 */
public record EntityProfile(long id, int recordCount, Instant createdAt, Instant updatedAt, Instant retiredAt,
                            List<StoredRecord> records, Map<String, Map<String, Set<RecordKey>>> values,
                            List<String> conflicting, List<EntityEvent> history, Map<RecordKey, Instant> loadedAt,
                            List<TimelineEvent> timeline, Map<RecordKey, List<String>> problems,
                            List<CorrectedValue> corrections) {

    /** A profile without corrections. */
    public EntityProfile(long id, int recordCount, Instant createdAt, Instant updatedAt, Instant retiredAt,
                         List<StoredRecord> records, Map<String, Map<String, Set<RecordKey>>> values,
                         List<String> conflicting, List<EntityEvent> history, Map<RecordKey, Instant> loadedAt,
                         List<TimelineEvent> timeline, Map<RecordKey, List<String>> problems) {
        this(id, recordCount, createdAt, updatedAt, retiredAt, records, values, conflicting, history, loadedAt, timeline,
                problems, List.of());
    }

    /**
     * An accepted correction of one of the records: the value the source gives (null when it gives none) beside the
     * corrected one, with its provenance. The record itself is never changed.
     */
    public record CorrectedValue(long correction, RecordKey record, String field, String sourceValue,
                                 String correctedValue, String reason, String decidedBy, Instant decidedAt,
                                 String note) {}

    /** An event a record tells of: an entry, exit, application or encounter, its fields as the record gives them. */
    public record TimelineEvent(String date, String type, String place, String ref, RecordKey record) {}

    /**
     * The data-quality flags of each record, in plain words: its standardization problems, then each conflicting
     * field on which it gives a value other records do not. Records without a flag are left out.
     */
    public Map<RecordKey, List<String>> quality() {
        Map<RecordKey, List<String>> flags = new TreeMap<>();
        problems.forEach((k, list) -> flags.computeIfAbsent(k, x -> new ArrayList<>()).addAll(list));
        for (String field : conflicting) {
            Map<String, Set<RecordKey>> byValue = values.getOrDefault(field, Map.of());
            Map<RecordKey, List<String>> given = new LinkedHashMap<>();
            byValue.forEach((value, sources) -> sources.forEach(k -> given.computeIfAbsent(k, x -> new ArrayList<>()).add(value)));
            given.forEach((k, own) -> {
                List<String> others = new ArrayList<>();
                for (String v : byValue.keySet()) if (!own.contains(v)) others.add("'" + v + "'");
                if (others.isEmpty()) return;
                flags.computeIfAbsent(k, x -> new ArrayList<>()).add(field + ": gives '" + String.join("', '", own)
                        + "' where other records give " + String.join(", ", others));
            });
        }
        return flags;
    }
}
