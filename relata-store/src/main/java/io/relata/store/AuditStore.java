package io.relata.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The store's audit trail ({@link RelataStore#audit()}): entries, the index of the objects they touched, checkpoints
 * and the alerts unusual activity raised. The SQL only; the hash chain, the checkpoints' MAC and the rules for
 * alerts are the app's {@code AuditTrail}.
 *
 * <p>An append is its own transaction, committed before {@link #append} returns, so an entry never waits for, nor
 * is rolled back with, other work. It is therefore refused (a StoreException) while a {@link StoreBatch} is open
 * on the store's one connection: committing there would commit the batch's half-done work too, and leaving it
 * uncommitted would let a rollback of the batch erase the entry. Append before {@code begin()} or after the
 * batch's commit or close.
 */
public final class AuditStore {
    /** Longer objects do not fit the object index (a PostgreSQL B-tree entry holds about 2,700 bytes). */
    public static final int MAX_OBJECT_LENGTH = 500;
    public static final List<String> OUTCOMES = List.of("ALLOWED", "DENIED", "FAILED");
    private static final String ENTRY_COLUMNS = "e.seq, e.at, e.actor, e.client_address, e.case_id, e.purpose, "
            + "e.action, e.outcome, e.objects, e.result_count, e.detail, e.prev_hash, e.hash";
    private static final String ALERT_COLUMNS = "id, at, actor, kind, detail, status, reviewed_by, reviewed_at";
    private static final int FETCH_SIZE = 1000;
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final RelataStore store;

    AuditStore(RelataStore store) {
        this.store = store;
    }

    // ------------------------------------------------------------------------------------------- writes

    /**
     * Writes an entry, one index row per distinct object, its checkpoint (null for none) and the alerts it raised,
     * in one transaction committed before this returns. A seq already taken fails (the primary key), which is
     * how two writers on one database find out that their view of the trail's head is stale.
     */
    public void append(AuditEntry e, AuditCheckpoint checkpoint, List<NewAuditAlert> alerts) {
        check(e);
        if (checkpoint != null && (checkpoint.seq() != e.seq() || !checkpoint.hash().equals(e.hash())
                || !HEX64.matcher(checkpoint.mac()).matches() || checkpoint.at() == null)) {
            throw new IllegalArgumentException("a checkpoint written with audit entry " + e.seq()
                    + " must carry its seq and hash, a time and a 64-digit hex MAC");
        }
        String objects = json(e.objects());
        store.write("audit entry " + e.seq(), () -> {
            Connection c = store.connection();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_entry (seq, at, actor, client_address, "
                    + "case_id, purpose, action, outcome, objects, result_count, detail, prev_hash, hash) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                ps.setLong(1, e.seq());
                Jdbc.setInstant(ps, 2, e.at());
                ps.setString(3, e.actor());
                Jdbc.setString(ps, 4, e.clientAddress());
                if (e.caseId() == null) ps.setNull(5, java.sql.Types.BIGINT);
                else ps.setLong(5, e.caseId());
                Jdbc.setString(ps, 6, e.purpose());
                ps.setString(7, e.action());
                ps.setString(8, e.outcome());
                ps.setString(9, objects);
                ps.setInt(10, e.resultCount());
                Jdbc.setString(ps, 11, e.detail());
                ps.setString(12, e.prevHash());
                ps.setString(13, e.hash());
                ps.executeUpdate();
            }
            TreeSet<String> distinct = new TreeSet<>(e.objects());
            if (!distinct.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_object (seq, object) VALUES (?, ?)")) {
                    for (String object : distinct) {
                        ps.setLong(1, e.seq());
                        ps.setString(2, object);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            if (checkpoint != null) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO audit_checkpoint (seq, hash, at, mac) VALUES (?, ?, ?, ?)")) {
                    ps.setLong(1, checkpoint.seq());
                    ps.setString(2, checkpoint.hash());
                    Jdbc.setInstant(ps, 3, checkpoint.at());
                    ps.setString(4, checkpoint.mac());
                    ps.executeUpdate();
                }
            }
            for (NewAuditAlert a : alerts) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO audit_alert (at, actor, kind, detail, status) VALUES (?, ?, ?, ?, 'OPEN')")) {
                    Jdbc.setInstant(ps, 1, a.at());
                    ps.setString(2, a.actor());
                    ps.setString(3, a.kind().name());
                    ps.setString(4, a.detail());
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    private static void check(AuditEntry e) {
        if (e.seq() <= 0) throw new IllegalArgumentException("an audit entry's seq must be positive, not " + e.seq());
        Objects.requireNonNull(e.at(), "at");
        Objects.requireNonNull(e.actor(), "actor");
        Objects.requireNonNull(e.action(), "action");
        if (!OUTCOMES.contains(e.outcome())) {
            throw new IllegalArgumentException("an audit entry's outcome is one of " + OUTCOMES + ", not " + e.outcome());
        }
        Objects.requireNonNull(e.objects(), "objects");
        for (String o : e.objects()) {
            if (o == null) throw new IllegalArgumentException("audit entry " + e.seq() + " names a null object");
            if (o.length() > MAX_OBJECT_LENGTH) {
                throw new IllegalArgumentException("an audited object is " + o.length() + " characters long; at most "
                        + MAX_OBJECT_LENGTH + " fit");
            }
        }
        if (e.resultCount() < 0) throw new IllegalArgumentException("a result count cannot be negative");
        for (String h : new String[] {e.prevHash(), e.hash()}) {
            if (h == null || !HEX64.matcher(h).matches()) {
                throw new IllegalArgumentException("an audit entry's hashes are 64 lower-case hex digits, not " + h);
            }
        }
    }

    /** An auditor has looked at an open alert. {@code at} null means now. */
    public void reviewAlert(long id, String reviewer, Instant at) {
        Checks.text(reviewer, "the auditor reviewing audit alert " + id);
        Instant when = at == null ? Instant.now() : at;
        int n = store.write("audit alert " + id, () -> {
            try (PreparedStatement ps = store.connection().prepareStatement("UPDATE audit_alert SET status = 'REVIEWED', "
                    + "reviewed_by = ?, reviewed_at = ? WHERE id = ? AND status = 'OPEN'")) {
                ps.setString(1, reviewer);
                Jdbc.setInstant(ps, 2, when);
                ps.setLong(3, id);
                return ps.executeUpdate();
            }
        });
        if (n == 0) {
            AuditAlert a = alert(id).orElseThrow(() -> new StoreNotFoundException("no audit alert " + id));
            throw new StoreConflictException("audit alert " + id + " was already reviewed by " + a.reviewedBy() + " at "
                    + a.reviewedAt());
        }
    }

    // -------------------------------------------------------------------------------------------- reads

    /** The entry with the highest seq; empty for an empty trail. */
    public Optional<AuditEntry> last() {
        return store.read("the last audit entry", () -> entries("WHERE e.seq = (SELECT MAX(seq) FROM audit_entry)",
                ps -> {})).stream().findFirst();
    }

    /** At most {@code limit} entries after {@code seq}, in seq order: a page of the whole trail. */
    public List<AuditEntry> entriesAfter(long seq, int limit) {
        return store.read("the audit entries after " + seq, () -> entries("WHERE e.seq > ? ORDER BY e.seq LIMIT ?", ps -> {
            ps.setLong(1, seq);
            ps.setInt(2, Math.max(0, limit));
        }));
    }

    /** The object index rows of entries {@code fromSeq} to {@code toSeq} (inclusive): seq to its objects, sorted. */
    public SortedMap<Long, List<String>> indexedObjects(long fromSeq, long toSeq) {
        return store.read("the audit object index", () -> {
            SortedMap<Long, List<String>> out = new TreeMap<>();
            try (PreparedStatement ps = store.connection().prepareStatement(
                    "SELECT seq, object FROM audit_object WHERE seq BETWEEN ? AND ?")) {
                ps.setLong(1, fromSeq);
                ps.setLong(2, toSeq);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
            out.values().forEach(list -> list.sort(null));
            return out;
        });
    }

    /** How many object index rows name an entry after {@code seq}. */
    public long indexedObjectsAfter(long seq) {
        return store.read("the audit object index", () -> {
            try (PreparedStatement ps = store.connection().prepareStatement("SELECT COUNT(*) FROM audit_object WHERE seq > ?")) {
                ps.setLong(1, seq);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** At most {@code limit} checkpoints after {@code seq}, in seq order. */
    public List<AuditCheckpoint> checkpointsAfter(long seq, int limit) {
        return store.read("the audit checkpoints", () -> Jdbc.list(store.connection(),
                "SELECT seq, hash, at, mac FROM audit_checkpoint WHERE seq > ? ORDER BY seq LIMIT ?", ps -> {
                    ps.setLong(1, seq);
                    ps.setInt(2, Math.max(0, limit));
                }, rs -> new AuditCheckpoint(rs.getLong(1), rs.getString(2), Jdbc.getInstant(rs, 3), rs.getString(4))));
    }

    /**
     * Entries that touched {@code object} at or after {@code from} and before {@code to} (null for no bound),
     * oldest first, at most {@code limit} after skipping {@code offset}.
     */
    public List<AuditEntry> byObject(String object, Instant from, Instant to, int limit, int offset) {
        Checks.text(object, "the object to look for");
        return store.read("the audit entries on " + object, () -> entries("JOIN audit_object o ON o.seq = e.seq "
                + "WHERE o.object = ?" + range(from, to) + " ORDER BY e.seq LIMIT ? OFFSET ?", ps -> {
                    ps.setString(1, object);
                    bindRange(ps, 2, from, to, limit, offset);
                }));
    }

    /**
     * Entries of one actor at or after {@code from} and before {@code to} (null for no bound), oldest first, at
     * most {@code limit} after skipping {@code offset}.
     */
    public List<AuditEntry> byActor(String actor, Instant from, Instant to, int limit, int offset) {
        Checks.text(actor, "the actor to look for");
        return store.read("the audit entries of " + actor, () -> entries("WHERE e.actor = ?" + range(from, to)
                + " ORDER BY e.seq LIMIT ? OFFSET ?", ps -> {
                    ps.setString(1, actor);
                    bindRange(ps, 2, from, to, limit, offset);
                }));
    }

    /** Who did what when, for every entry at or after {@code since}, streamed (in no guaranteed order). */
    public void forEachActivitySince(Instant since, Consumer<AuditActivity> action) {
        store.read("the recent audit entries", () -> {
            try (PreparedStatement ps = store.connection().prepareStatement(
                    "SELECT seq, at, actor, action, outcome FROM audit_entry WHERE at >= ?",
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(FETCH_SIZE);
                Jdbc.setInstant(ps, 1, since);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        action.accept(new AuditActivity(rs.getLong(1), Jdbc.getInstant(rs, 2), rs.getString(3),
                                rs.getString(4), rs.getString(5)));
                    }
                }
            }
            return null;
        });
    }

    public Optional<AuditAlert> alert(long id) {
        return store.read("audit alert " + id, () -> Jdbc.list(store.connection(), "SELECT " + ALERT_COLUMNS
                + " FROM audit_alert WHERE id = ?", ps -> ps.setLong(1, id), AuditStore::alert)).stream().findFirst();
    }

    /** Alerts with a status (null for any), oldest first, at most {@code limit} after skipping {@code offset}. */
    public List<AuditAlert> alerts(AuditAlertStatus status, int limit, int offset) {
        String where = status == null ? "" : " WHERE status = ?";
        return store.read("the audit alerts", () -> Jdbc.list(store.connection(), "SELECT " + ALERT_COLUMNS
                + " FROM audit_alert" + where + " ORDER BY id LIMIT ? OFFSET ?", ps -> {
                    int i = 1;
                    if (status != null) ps.setString(i++, status.name());
                    ps.setInt(i++, Math.max(0, limit));
                    ps.setInt(i, Math.max(0, offset));
                }, AuditStore::alert));
    }

    /** Every alert raised at or after {@code since}, whatever its status, oldest first. */
    public List<AuditAlert> alertsSince(Instant since) {
        return store.read("the recent audit alerts", () -> Jdbc.list(store.connection(), "SELECT " + ALERT_COLUMNS
                + " FROM audit_alert WHERE at >= ? ORDER BY id", ps -> Jdbc.setInstant(ps, 1, since), AuditStore::alert));
    }

    // ------------------------------------------------------------------------------------------ plumbing

    private List<AuditEntry> entries(String tail, Jdbc.Binder binder) throws SQLException {
        return Jdbc.list(store.connection(), "SELECT " + ENTRY_COLUMNS + " FROM audit_entry e " + tail, binder,
                AuditStore::entry);
    }

    private static String range(Instant from, Instant to) {
        return (from == null ? "" : " AND e.at >= ?") + (to == null ? "" : " AND e.at < ?");
    }

    private static void bindRange(PreparedStatement ps, int i, Instant from, Instant to, int limit, int offset)
            throws SQLException {
        if (from != null) Jdbc.setInstant(ps, i++, from);
        if (to != null) Jdbc.setInstant(ps, i++, to);
        ps.setInt(i++, Math.max(0, limit));
        ps.setInt(i, Math.max(0, offset));
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        long caseId = rs.getLong(5);
        Long caseOrNull = rs.wasNull() ? null : caseId;
        return new AuditEntry(rs.getLong(1), Jdbc.getInstant(rs, 2), rs.getString(3), rs.getString(4), caseOrNull,
                rs.getString(6), rs.getString(7), rs.getString(8), objects(rs.getString(9)), rs.getInt(10),
                rs.getString(11), rs.getString(12), rs.getString(13));
    }

    private static AuditAlert alert(ResultSet rs) throws SQLException {
        return new AuditAlert(rs.getLong(1), Jdbc.getInstant(rs, 2), rs.getString(3), AuditAlertKind.valueOf(rs.getString(4)),
                rs.getString(5), AuditAlertStatus.valueOf(rs.getString(6)), rs.getString(7), Jdbc.getInstant(rs, 8));
    }

    private static String json(List<String> objects) {
        try {
            return JSON.writeValueAsString(objects);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings is always JSON", e);
        }
    }

    /** The objects column as a list; null when someone wrote something else there. */
    private static List<String> objects(String json) {
        if (json == null) return null;
        try {
            List<String> list = JSON.readValue(json, STRINGS);
            return list == null || list.contains(null) ? null : List.copyOf(list);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
