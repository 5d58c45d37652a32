package io.relata.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The store's leads ({@link RelataStore#leads()}): patterns found in the relationship graph, kept by (pattern,
 * key) so that an analyst's disposition holds through re-scans. Scans write them in a {@link StoreBatch}
 * ({@link StoreBatch#upsertLeads}, {@link StoreBatch#retireLeadsNotFound}); analysts read and dispose of them here.
 */
public final class LeadStore {
    private static final String COLUMNS = "id, pattern, lead_key, score, evidence, members, member_count, status, "
            + "created_at, updated_at, note, disposed_by, disposed_at";
    /** Best first; ties by id so that pages do not overlap. */
    private static final String RANKED = " ORDER BY score DESC, id";
    private static final int KEYS_PER_QUERY = 500;
    private static final String INSERT = "INSERT INTO lead (score, evidence, members, member_count, updated_at, "
            + "pattern, lead_key, created_at, status) VALUES (?,?,?,?,?,?,?,?,'OPEN')";
    /** Found again: new content, same id and disposition; only a retired lead is opened again. */
    private static final String UPDATE = "UPDATE lead SET score = ?, evidence = ?, members = ?, member_count = ?, "
            + "updated_at = ?, status = CASE WHEN status = 'RETIRED' THEN 'OPEN' ELSE status END WHERE id = ?";

    private final RelataStore store;

    LeadStore(RelataStore store) {
        this.store = store;
    }

    public Optional<Lead> get(long id) {
        return store.read("lead " + id, () -> Jdbc.list(store.connection(),
                "SELECT " + COLUMNS + " FROM lead WHERE id = ?", ps -> ps.setLong(1, id), LeadStore::lead))
                .stream().findFirst();
    }

    /** The lead a pattern found under {@code key}, whatever its status. */
    public Optional<Lead> find(String pattern, String key) {
        return store.read("lead " + pattern + ":" + key, () -> Jdbc.list(store.connection(),
                "SELECT " + COLUMNS + " FROM lead WHERE pattern = ? AND lead_key = ?", ps -> {
                    ps.setString(1, pattern);
                    ps.setString(2, key);
                }, LeadStore::lead)).stream().findFirst();
    }

    /**
     * Leads of a pattern and a status (null for any), best score first, at most {@code limit} after skipping
     * {@code offset}.
     */
    public List<Lead> list(String pattern, LeadStatus status, int limit, int offset) {
        return list(pattern, status, null, limit, offset);
    }

    /**
     * Leads best score first, of a pattern and in a status when given (null: any); with {@code caseId}, only those
     * with a member entity that is a subject of that case (reached through the case's records, as need-to-know is).
     */
    public List<Lead> list(String pattern, LeadStatus status, Long caseId, int limit, int offset) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM lead WHERE 1 = 1");
        if (pattern != null) sql.append(" AND pattern = ?");
        if (status != null) sql.append(" AND status = ?");
        if (caseId != null) sql.append(" AND id IN (").append(LEADS_OF_CASE).append(")");
        sql.append(RANKED).append(" LIMIT ? OFFSET ?");
        return store.read("the leads", () -> Jdbc.list(store.connection(), sql.toString(), ps -> {
            int i = 1;
            if (pattern != null) ps.setString(i++, pattern);
            if (status != null) ps.setString(i++, status.name());
            if (caseId != null) ps.setLong(i++, caseId);
            ps.setInt(i++, Math.max(0, limit));
            ps.setInt(i, Math.max(0, offset));
        }, LeadStore::lead));
    }

    /** Whether a lead has a member entity that is a subject of the case. */
    public boolean touchesCase(long leadId, long caseId) {
        return store.read("lead " + leadId + " in case " + caseId, () -> {
            try (PreparedStatement ps = store.connection().prepareStatement(
                    "SELECT 1 FROM lead WHERE id = ? AND id IN (" + LEADS_OF_CASE + ")")) {
                ps.setLong(1, leadId);
                ps.setLong(2, caseId);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** The ids of leads with a member that one of the case's records (the parameter: the case) belongs to. */
    private static final String LEADS_OF_CASE = "SELECT m.lead_id FROM lead_member m JOIN record r ON r.entity_id = m.entity_id "
            + "JOIN case_record c ON c.source = r.source AND c.source_id = r.source_id WHERE c.case_id = ?";

    /** Every lead involving the entity, retired ones included, best score first. */
    public List<Lead> ofEntity(long entityId) {
        return store.read("the leads of entity " + entityId, () -> Jdbc.list(store.connection(), "SELECT " + COLUMNS
                + " FROM lead WHERE id IN (SELECT lead_id FROM lead_member WHERE entity_id = ?)" + RANKED,
                ps -> ps.setLong(1, entityId), LeadStore::lead));
    }

    /** The entities of every lead that is not retired: who is in a lead, for patterns that build on others. */
    public it.unimi.dsi.fastutil.longs.LongSet entitiesInLeads() {
        return store.read("the entities in leads", () -> {
            var out = new it.unimi.dsi.fastutil.longs.LongOpenHashSet();
            try (PreparedStatement ps = store.connection().prepareStatement("SELECT DISTINCT m.entity_id FROM lead_member m "
                    + "JOIN lead l ON l.id = m.lead_id WHERE l.status <> 'RETIRED'");
                 java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getLong(1));
            }
            return out;
        });
    }

    /**
     * An analyst's disposition: REVIEWED, DISMISSED or ESCALATED, with an optional note. It holds when a re-scan
     * finds the lead again; {@code at} null means now.
     */
    public void dispose(long id, LeadStatus status, String note, String analyst, Instant at) {
        if (status == null || status == LeadStatus.OPEN || status == LeadStatus.RETIRED) {
            throw new IllegalArgumentException("a lead is disposed of as REVIEWED, DISMISSED or ESCALATED, not " + status);
        }
        Checks.text(analyst, "the analyst disposing of lead " + id);
        Instant when = at == null ? Instant.now() : at;
        int n = store.write("lead " + id, () -> {
            try (PreparedStatement ps = store.connection().prepareStatement("UPDATE lead SET status = ?, note = ?, "
                    + "disposed_by = ?, disposed_at = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, status.name());
                Jdbc.setString(ps, 2, note);
                ps.setString(3, analyst);
                Jdbc.setInstant(ps, 4, when);
                Jdbc.setInstant(ps, 5, when);
                ps.setLong(6, id);
                return ps.executeUpdate();
            }
        });
        if (n == 0) throw new StoreNotFoundException("no lead " + id);
    }

    private static Lead lead(ResultSet rs) throws SQLException {
        return new Lead(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getString(5),
                rs.getString(6), rs.getInt(7), LeadStatus.valueOf(rs.getString(8)), Jdbc.getInstant(rs, 9),
                Jdbc.getInstant(rs, 10), rs.getString(11), rs.getString(12), Jdbc.getInstant(rs, 13));
    }

    // ------------------------------------------------------------------------ writes, inside a StoreBatch

    /** See {@link StoreBatch#upsertLeads}. */
    void upsert(Collection<FoundLead> found, Instant at) throws SQLException {
        Map<String, Map<String, FoundLead>> byPattern = new TreeMap<>();
        for (FoundLead f : found) byPattern.computeIfAbsent(f.pattern(), p -> new LinkedHashMap<>()).put(f.key(), f);
        for (Map.Entry<String, Map<String, FoundLead>> e : byPattern.entrySet()) {
            List<FoundLead> leads = new ArrayList<>(e.getValue().values());
            for (int from = 0; from < leads.size(); from += KEYS_PER_QUERY) {
                upsertChunk(e.getKey(), leads.subList(from, Math.min(leads.size(), from + KEYS_PER_QUERY)), at);
            }
        }
    }

    private void upsertChunk(String pattern, List<FoundLead> chunk, Instant at) throws SQLException {
        Connection c = store.connection();
        List<String> keys = chunk.stream().map(FoundLead::key).toList();
        Map<String, Long> ids = ids(pattern, keys);
        Map<Long, Set<Long>> stored = members(ids.values());
        List<String> inserted = new ArrayList<>();
        // statements of one call, not the store's cached ones: a failure halfway must not leave rows queued
        try (PreparedStatement update = c.prepareStatement(UPDATE); PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (FoundLead f : chunk) {
                Long id = ids.get(f.key());
                PreparedStatement ps = id == null ? insert : update;
                ps.setDouble(1, f.score());
                ps.setString(2, f.evidence());
                ps.setString(3, f.members());
                ps.setInt(4, f.memberCount());
                Jdbc.setInstant(ps, 5, at);
                if (id == null) {
                    ps.setString(6, pattern);
                    ps.setString(7, f.key());
                    Jdbc.setInstant(ps, 8, at);
                    inserted.add(f.key());
                } else {
                    ps.setLong(6, id);
                }
                ps.addBatch();
            }
            if (inserted.size() < chunk.size()) update.executeBatch();
            if (!inserted.isEmpty()) insert.executeBatch();
        }
        if (!inserted.isEmpty()) ids.putAll(ids(pattern, inserted));
        // members change rarely: only the difference is written, so a re-scan leaves the unchanged rows alone
        try (PreparedStatement remove = c.prepareStatement("DELETE FROM lead_member WHERE lead_id = ? AND entity_id = ?");
             PreparedStatement add = c.prepareStatement("INSERT INTO lead_member (lead_id, entity_id) VALUES (?, ?)")) {
            int removed = 0;
            int added = 0;
            for (FoundLead f : chunk) {
                long id = ids.get(f.key());
                Set<Long> before = stored.getOrDefault(id, Set.of());
                for (long entity : f.entities()) {
                    if (before.contains(entity)) continue;
                    add.setLong(1, id);
                    add.setLong(2, entity);
                    add.addBatch();
                    added++;
                }
                for (long entity : before) {
                    if (Collections.binarySearch(f.entities(), entity) >= 0) continue;
                    remove.setLong(1, id);
                    remove.setLong(2, entity);
                    remove.addBatch();
                    removed++;
                }
            }
            if (removed > 0) remove.executeBatch();
            if (added > 0) add.executeBatch();
        }
    }

    /** The ids of a pattern's leads with the given keys (at most {@link #KEYS_PER_QUERY}), by key. */
    private Map<String, Long> ids(String pattern, List<String> keys) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement ps = store.connection().prepareStatement("SELECT lead_key, id FROM lead WHERE pattern = ? "
                + "AND lead_key IN (" + placeholders(keys.size()) + ")")) {
            ps.setString(1, pattern);
            for (int i = 0; i < keys.size(); i++) ps.setString(i + 2, keys.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) ids.put(rs.getString(1), rs.getLong(2));
            }
        }
        return ids;
    }

    private Map<Long, Set<Long>> members(Collection<Long> leadIds) throws SQLException {
        Map<Long, Set<Long>> out = new HashMap<>();
        if (leadIds.isEmpty()) return out;
        List<Long> ids = new ArrayList<>(leadIds);
        try (PreparedStatement ps = store.connection().prepareStatement("SELECT lead_id, entity_id FROM lead_member "
                + "WHERE lead_id IN (" + placeholders(ids.size()) + ")")) {
            for (int i = 0; i < ids.size(); i++) ps.setLong(i + 1, ids.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
            }
        }
        return out;
    }

    /** See {@link StoreBatch#retireLeadsNotFound}. */
    int retireNotFound(String pattern, Collection<String> foundKeys, Instant at) throws SQLException {
        Set<String> found = new HashSet<>(foundKeys);
        List<Long> retire = new ArrayList<>();
        try (PreparedStatement ps = store.connection().prepareStatement(
                "SELECT id, lead_key FROM lead WHERE pattern = ? AND status <> 'RETIRED'")) {
            ps.setString(1, pattern);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!found.contains(rs.getString(2))) retire.add(rs.getLong(1));
                }
            }
        }
        if (retire.isEmpty()) return 0;
        try (PreparedStatement ps = store.connection().prepareStatement(
                "UPDATE lead SET status = 'RETIRED', updated_at = ? WHERE id = ?")) {
            for (long id : retire) {
                Jdbc.setInstant(ps, 1, at);
                ps.setLong(2, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return retire.size();
    }

    /** See {@link StoreBatch#retireLeads}. */
    int retire(String pattern, Collection<String> keys, Instant at) throws SQLException {
        List<String> list = new ArrayList<>(new HashSet<>(keys));
        int n = 0;
        for (int from = 0; from < list.size(); from += KEYS_PER_QUERY) {
            List<String> chunk = list.subList(from, Math.min(list.size(), from + KEYS_PER_QUERY));
            try (PreparedStatement ps = store.connection().prepareStatement("UPDATE lead SET status = 'RETIRED', "
                    + "updated_at = ? WHERE pattern = ? AND status <> 'RETIRED' AND lead_key IN ("
                    + placeholders(chunk.size()) + ")")) {
                Jdbc.setInstant(ps, 1, at);
                ps.setString(2, pattern);
                for (int i = 0; i < chunk.size(); i++) ps.setString(i + 3, Objects.requireNonNull(chunk.get(i), "key"));
                n += ps.executeUpdate();
            }
        }
        return n;
    }

    private static String placeholders(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }
}
