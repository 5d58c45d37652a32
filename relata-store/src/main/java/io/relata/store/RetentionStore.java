package io.relata.store;

import io.relata.core.model.RecordKey;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongSet;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What retention needs of the store ({@link RelataStore#retention()}): which records a source's period lets go,
 * which a legal hold keeps, the holds themselves, and (inside a {@link StoreBatch}) the removal of records with every
 * row that names them. The one list of those rows is {@link #PURGE}; a table that comes to name records by
 * (source, id) must be added there, and the retention test that searches every table for removed keys says so.
 */
public final class RetentionStore {
    /**
     * Every row that names a record by its (source, id), and what a removal does to it: the record's own rows go;
     * entity history keeps its steps (other records' history depends on them) without the trigger record's key.
     * Each statement takes the key as its two parameters; its first word after FROM/UPDATE names the table counted.
     */
    static final List<String> PURGE = List.of(
            "DELETE FROM record WHERE source = ? AND source_id = ?",
            "DELETE FROM assignment_event WHERE source = ? AND source_id = ?",
            "UPDATE entity_event SET trigger_source = NULL, trigger_id = NULL WHERE trigger_source = ? AND trigger_id = ?",
            "DELETE FROM review_item WHERE first_source = ? AND first_id = ?",
            "DELETE FROM review_item WHERE second_source = ? AND second_id = ?",
            "DELETE FROM match_decision WHERE first_source = ? AND first_id = ?",
            "DELETE FROM match_decision WHERE second_source = ? AND second_id = ?",
            "DELETE FROM relationship WHERE source = ? AND source_id = ?",
            "DELETE FROM relationship WHERE to_source = ? AND to_id = ?",
            "DELETE FROM case_record WHERE source = ? AND source_id = ?",
            "DELETE FROM alert WHERE trigger_source = ? AND trigger_id = ?",
            // a correction annotates its record and goes with it (an access request's file stays: StoreTraces says why)
            "DELETE FROM correction WHERE source = ? AND source_id = ?");
    private static final String CARRY_SUBJECT = "INSERT INTO case_record (case_id, source, source_id, added_by, added_at, "
            + "reason) SELECT CAST(? AS BIGINT), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR(200)), "
            + "CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS VARCHAR) WHERE NOT EXISTS (SELECT 1 FROM case_record "
            + "WHERE case_id = ? AND source = ? AND source_id = ?)";
    /** Why a case has a subject it was not given by hand: it keeps the person when one of their records goes. */
    public static final String CARRIED_REASON = "kept as a subject: another record of the same person was removed "
            + "at the end of its source's retention period";
    private static final String HELD = "SELECT c.source, c.source_id FROM case_record c JOIN case_file f ON f.id = c.case_id "
            + "WHERE f.legal_hold = TRUE UNION SELECT r.source, r.source_id FROM record r WHERE r.entity_id IN (SELECT "
            + "r2.entity_id FROM case_record c JOIN case_file f ON f.id = c.case_id JOIN record r2 ON r2.source = c.source "
            + "AND r2.source_id = c.source_id WHERE f.legal_hold = TRUE AND r2.entity_id IS NOT NULL)";
    private static final String HOLD_COLUMNS = "id, name, status, legal_hold, legal_hold_by, legal_hold_at, legal_hold_reason";
    private static final int KEYS_PER_QUERY = 500;
    private static final int FETCH_SIZE = 1000;

    private final RelataStore store;

    RetentionStore(RelataStore store) {
        this.store = store;
    }

    // ------------------------------------------------------------------------------------------------ reads

    /** How many records (active and withdrawn) each source holds, by source code. */
    public Map<String, Long> recordCounts() {
        return store.read("the records per source", () -> {
            Map<String, Long> out = new TreeMap<>();
            try (PreparedStatement ps = store.connection().prepareStatement("SELECT source, COUNT(*) FROM record GROUP BY source");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getLong(2));
            }
            return out;
        });
    }

    /** The source's records (active and withdrawn) loaded before {@code cutoff}, sorted by key. */
    public List<RecordKey> loadedBefore(String source, Instant cutoff) {
        Checks.text(source, "a source code");
        List<RecordKey> keys = store.read("the records of " + source + " loaded before " + cutoff, () -> {
            List<RecordKey> out = new ArrayList<>();
            try (PreparedStatement ps = store.connection().prepareStatement(
                    "SELECT source, source_id FROM record WHERE source = ? AND loaded_at < ?")) {
                ps.setFetchSize(FETCH_SIZE);
                ps.setString(1, source);
                Jdbc.setInstant(ps, 2, cutoff);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(Jdbc.getKey(rs, 1));
                }
            }
            return out;
        });
        keys.sort(null);
        return keys;
    }

    /**
     * The records legal holds keep: every subject record of a case under hold, and every record of the entities
     * those subjects belong to now.
     */
    public Set<RecordKey> held() {
        return store.read("the records under legal hold", () -> {
            Set<RecordKey> out = new HashSet<>();
            try (PreparedStatement ps = store.connection().prepareStatement(HELD); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(Jdbc.getKey(rs, 1));
            }
            return out;
        });
    }

    /** Every case with its legal hold, oldest case first. */
    public List<CaseHold> caseHolds() {
        return store.read("the legal holds", () -> Jdbc.list(store.connection(),
                "SELECT " + HOLD_COLUMNS + " FROM case_file ORDER BY id", ps -> {}, RetentionStore::caseHold));
    }

    public Optional<CaseHold> caseHold(long caseId) {
        return store.read("the legal hold of case " + caseId, () -> Jdbc.list(store.connection(),
                "SELECT " + HOLD_COLUMNS + " FROM case_file WHERE id = ?", ps -> ps.setLong(1, caseId),
                RetentionStore::caseHold)).stream().findFirst();
    }

    /** The cases each of these records is a subject of (records of no case are left out). */
    public Map<RecordKey, List<Long>> subjectCases(Collection<RecordKey> records) {
        List<RecordKey> keys = new ArrayList<>(new HashSet<>(records));
        return store.read("the cases of records", () -> {
            Map<RecordKey, List<Long>> out = new LinkedHashMap<>();
            try (PreparedStatement ps = store.connection().prepareStatement(
                    "SELECT case_id FROM case_record WHERE source = ? AND source_id = ? ORDER BY case_id")) {
                for (RecordKey k : keys) {
                    Jdbc.setKey(ps, 1, k);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) out.computeIfAbsent(k, x -> new ArrayList<>(1)).add(rs.getLong(1));
                    }
                }
            }
            return out;
        });
    }

    // ---------------------------------------------------------------------------------------- small writes

    /** Puts a case under legal hold (or restates the hold in force with this reason); {@code at} null means now. */
    public CaseHold hold(long caseId, String by, String reason, Instant at) {
        Checks.text(by, "the user setting a legal hold", CaseStore.MAX_USERNAME_LENGTH);
        Checks.text(reason, "the reason for a legal hold");
        Instant when = Jdbc.micros(at == null ? Instant.now() : at);
        store.write("the legal hold of case " + caseId, () -> {
            try (PreparedStatement ps = store.connection().prepareStatement("UPDATE case_file SET legal_hold = TRUE, "
                    + "legal_hold_by = ?, legal_hold_at = ?, legal_hold_reason = ? WHERE id = ?")) {
                ps.setString(1, by);
                Jdbc.setInstant(ps, 2, when);
                ps.setString(3, reason);
                ps.setLong(4, caseId);
                if (ps.executeUpdate() == 0) throw new StoreNotFoundException("no case " + caseId);
            }
            return null;
        });
        return caseHold(caseId).orElseThrow();
    }

    /** Lifts a case's legal hold; a StoreConflictException when it has none. */
    public CaseHold release(long caseId) {
        store.write("the legal hold of case " + caseId, () -> {
            store.cases().requireCase(caseId);
            try (PreparedStatement ps = store.connection().prepareStatement("UPDATE case_file SET legal_hold = FALSE, "
                    + "legal_hold_by = NULL, legal_hold_at = NULL, legal_hold_reason = NULL WHERE id = ? AND legal_hold = TRUE")) {
                ps.setLong(1, caseId);
                if (ps.executeUpdate() == 0) throw new StoreConflictException("case " + caseId + " is not under legal hold");
            }
            return null;
        });
        return caseHold(caseId).orElseThrow();
    }

    // --------------------------------------------------------------------------- writes, inside a StoreBatch

    /** See {@link StoreBatch#purgeRecords}: rows deleted or changed, by table. */
    Map<String, Integer> purge(Collection<RecordKey> records, Collection<CaseSubject> carried, String by, Instant at)
            throws SQLException {
        Map<String, Integer> rows = new TreeMap<>();
        if (!carried.isEmpty()) {
            try (PreparedStatement ps = store.connection().prepareStatement(CARRY_SUBJECT)) {
                for (CaseSubject s : carried) {
                    ps.setLong(1, s.caseId());
                    Jdbc.setKey(ps, 2, s.record());
                    ps.setString(4, by);
                    Jdbc.setInstant(ps, 5, at);
                    ps.setString(6, CARRIED_REASON);
                    ps.setLong(7, s.caseId());
                    Jdbc.setKey(ps, 8, s.record());
                    ps.addBatch();
                }
                rows.put("case_record (carried over)", sum(ps.executeBatch()));
            }
        }
        List<RecordKey> keys = new ArrayList<>(records);
        for (String sql : PURGE) {
            String table = sql.split(" ")[sql.startsWith("UPDATE") ? 1 : 2];
            try (PreparedStatement ps = store.connection().prepareStatement(sql)) {
                int n = 0;
                for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
                    for (RecordKey k : keys.subList(from, Math.min(keys.size(), from + KEYS_PER_QUERY))) {
                        Jdbc.setKey(ps, 1, k);
                        ps.addBatch();
                    }
                    n += sum(ps.executeBatch());
                }
                rows.merge(table, n, Integer::sum);
            }
        }
        return rows;
    }

    /** Deletes the retired leads that involve any of these entities; returns how many. */
    int deleteRetiredLeads(LongSet entities) throws SQLException {
        long[] all = entities.toLongArray();
        Set<Long> ids = new HashSet<>();
        for (int from = 0; from < all.length; from += KEYS_PER_QUERY) {
            int to = Math.min(all.length, from + KEYS_PER_QUERY);
            try (PreparedStatement ps = store.connection().prepareStatement("SELECT DISTINCT l.id FROM lead l JOIN lead_member m "
                    + "ON m.lead_id = l.id WHERE l.status = 'RETIRED' AND m.entity_id IN (" + placeholders(to - from) + ")")) {
                for (int i = from; i < to; i++) ps.setLong(i - from + 1, all[i]);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) ids.add(rs.getLong(1));
                }
            }
        }
        return deleteLeads(ids);
    }

    /**
     * Deletes the alerts and leads whose stored evidence or members still name one of these records (given as
     * {@code SOURCE:ID}), whoever triggered them: their text is derived from the record. Returns rows by table.
     */
    Map<String, Integer> sweepMentions(Set<String> recordTexts) throws SQLException {
        Map<String, Integer> rows = new TreeMap<>();
        if (recordTexts.isEmpty()) return rows;
        Set<Long> alerts = mentioning("SELECT id, evidence FROM alert", recordTexts);
        try (PreparedStatement ps = store.connection().prepareStatement("DELETE FROM alert WHERE id = ?")) {
            for (long id : alerts) {
                ps.setLong(1, id);
                ps.addBatch();
            }
            if (!alerts.isEmpty()) ps.executeBatch();
        }
        rows.put("alert", alerts.size());
        rows.put("lead", deleteLeads(mentioning("SELECT id, evidence, members FROM lead", recordTexts)));
        return rows;
    }

    private Set<Long> mentioning(String sql, Set<String> recordTexts) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (PreparedStatement ps = store.connection().prepareStatement(sql)) {
            ps.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int c = 2; c <= columns; c++) {
                        if (RecordMentions.any(rs.getString(c), recordTexts)) {
                            ids.add(rs.getLong(1));
                            break;
                        }
                    }
                }
            }
        }
        return ids;
    }

    private int deleteLeads(Collection<Long> ids) throws SQLException {
        if (ids.isEmpty()) return 0;
        LongArrayList list = new LongArrayList(ids);
        for (String sql : List.of("DELETE FROM lead_member WHERE lead_id = ?", "DELETE FROM lead WHERE id = ?")) {
            try (PreparedStatement ps = store.connection().prepareStatement(sql)) {
                for (long id : list) {
                    ps.setLong(1, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        return list.size();
    }

    private static int sum(int[] counts) {
        int n = 0;
        for (int c : counts) if (c > 0) n += c;
        return n;
    }

    private static String placeholders(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    private static CaseHold caseHold(ResultSet rs) throws SQLException {
        return new CaseHold(rs.getLong(1), rs.getString(2), CaseStatus.valueOf(rs.getString(3)), rs.getBoolean(4),
                rs.getString(5), Jdbc.getInstant(rs, 6), rs.getString(7));
    }
}
