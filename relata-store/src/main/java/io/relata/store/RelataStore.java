package io.relata.store;

import io.relata.core.model.RecordKey;
import io.relata.core.resolve.live.EntityChange;
import io.relata.core.resolve.live.MatchDecision;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The durable side of living entity resolution: records as received with their standardized features, the
 * entities the engine decided, every assignment and entity change, possible matches for review, analysts'
 * decisions, sources, settings and the relationships records disclose; and what relationship discovery produces:
 * {@link #leads()}, {@link #cases()}, {@link #watches()} and {@link #alerts()}; who may use it: {@link #users()}
 * and their sign-in {@link #tokens()}; and the {@link #audit()} trail. Embedded H2 (a directory) or PostgreSQL
 * (a JDBC URL), same behaviour.
 *
 * <p>One connection, one writer, one thread: writes go through a {@link StoreBatch} from {@link #begin()},
 * which is one transaction. Reads made while a batch is open see that batch's writes.
 */
public final class RelataStore implements AutoCloseable {
    static final List<String> REVIEW_STATUSES = List.of("OPEN", "SAME", "DIFFERENT", "DISMISSED");
    private static final int FETCH_SIZE = 1000;
    private static final int KEYS_PER_QUERY = 500;

    private final StoreLocation location;
    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private boolean compactOnClose;
    final Set<String> knownSources = new HashSet<>();
    final LongOpenHashSet knownEntities = new LongOpenHashSet();
    private final LeadStore leads = new LeadStore(this);
    private final CaseStore cases = new CaseStore(this);
    private final WatchStore watches = new WatchStore(this);
    private final AlertStore alerts = new AlertStore(this);
    private final UserStore users = new UserStore(this);
    private final TokenStore tokens = new TokenStore(this);
    private final AuditStore audit = new AuditStore(this);
    private final ReportStore reports = new ReportStore(this);
    private final DisseminationStore disseminations = new DisseminationStore(this);
    private final RetentionStore retention = new RetentionStore(this);
    private final AccessRequestStore accessRequests = new AccessRequestStore(this);
    private final CorrectionStore corrections = new CorrectionStore(this);
    private StoreBatch batch;
    private int readDepth;

    private RelataStore(StoreLocation location, Connection connection) {
        this.location = location;
        this.connection = connection;
    }

    /** Leads found in the relationship graph: reads and analysts' dispositions (scans write in a batch). */
    public LeadStore leads() {
        return leads;
    }

    /** Cases and their members. */
    public CaseStore cases() {
        return cases;
    }

    /** Entities that cases watch. */
    public WatchStore watches() {
        return watches;
    }

    /** What the watches saw: reads and analysts' dispositions (ingestion writes in a batch). */
    public AlertStore alerts() {
        return alerts;
    }

    /** User accounts: roles, permissions, clearances, privacy training, failed sign-ins. */
    public UserStore users() {
        return users;
    }

    /** Browser sessions and API tokens, kept as digests of their tokens. */
    public TokenStore tokens() {
        return tokens;
    }

    /** Cases' analytical reports and their versions. */
    public ReportStore reports() {
        return reports;
    }

    /** Report versions sent to partner organizations, with their copies: the accounting of disclosures. */
    public DisseminationStore disseminations() {
        return disseminations;
    }

    /** The audit trail's entries, checkpoints and alerts; each append is its own transaction, never inside a batch. */
    public AuditStore audit() {
        return audit;
    }

    /** Retention: expired and held records, legal holds; removals are written in a batch. */
    public RetentionStore retention() {
        return retention;
    }

    /** Individuals' access requests: the records found for each, the decisions on them, the log. */
    public AccessRequestStore accessRequests() {
        return accessRequests;
    }

    /** Individuals' correction requests: annotations on records, never changes to them. */
    public CorrectionStore corrections() {
        return corrections;
    }

    /**
     * Opens (creating and migrating when needed) the store at {@code db}: null or blank for the directory
     * {@code ./relata-data}, a directory for an embedded H2 store in it, or a JDBC URL ({@code jdbc:h2:...} or
     * {@code jdbc:postgresql://host:port/database}). User and password may be in the URL; otherwise the
     * environment variables RELATA_DB_USER and RELATA_DB_PASSWORD are used when set.
     */
    public static RelataStore open(String db) {
        return open(db, System.getenv());
    }

    static RelataStore open(String db, Map<String, String> env) {
        StoreLocation location = StoreLocation.parse(db, env);
        if (location.directory != null) {
            try {
                Files.createDirectories(location.directory);
            } catch (IOException | RuntimeException e) {
                throw new StoreException("cannot create the store directory " + location.directory + ": " + e, e);
            }
        }
        Connection c;
        try {
            c = DriverManager.getConnection(location.url, location.properties());
        } catch (SQLException e) {
            throw new StoreException("cannot open the store at " + location.describe() + ": " + Jdbc.reason(e)
                    + hint(location, e), e);
        }
        RelataStore store = new RelataStore(location, c);
        try {
            Migrations.migrate(c, location.describe());
            store.loadKnownIds();
            return store;
        } catch (RuntimeException e) {
            store.closeQuietly();
            throw e;
        }
    }

    private static String hint(StoreLocation location, SQLException e) {
        String m = String.valueOf(e.getMessage());
        if (location.dialect == StoreLocation.Dialect.H2 && m.contains("already in use")) {
            return " (another process has this store open; stop it or use another directory)";
        }
        if (location.dialect == StoreLocation.Dialect.POSTGRESQL && m.contains("password")) {
            return " (give the user and password in the URL or in RELATA_DB_USER and RELATA_DB_PASSWORD)";
        }
        return "";
    }

    private void loadKnownIds() {
        read("the sources and entity ids", () -> {
            try (PreparedStatement ps = connection.prepareStatement("SELECT code FROM source");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) knownSources.add(rs.getString(1));
            }
            try (PreparedStatement ps = connection.prepareStatement("SELECT id FROM entity")) {
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) knownEntities.add(rs.getLong(1));
                }
            }
            return null;
        });
    }

    /** Where the store is: its JDBC URL without any password. */
    public String describe() {
        return location.describe();
    }

    // ---------------------------------------------------------------------------------------------- writes

    /** Starts a write transaction. Only one batch may be open at a time. */
    public StoreBatch begin() {
        checkOpen();
        if (batch != null) throw new StoreException("a store batch is already open: commit or close it first");
        batch = new StoreBatch(this, connection);
        return batch;
    }

    void batchEnded(StoreBatch b) {
        if (batch == b) batch = null;
        // a statement is planned when prepared: one prepared while a table was empty keeps a table scan for good
        // (H2 then scanned every record for each UPDATE, and a 1M-record load slowed to 1,000 records/s), so each
        // transaction prepares its statements afresh, on the tables as they are
        closeStatements();
    }

    private void closeStatements() {
        for (PreparedStatement ps : statements.values()) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        statements.clear();
    }

    /** A prepared statement for the current batch (transaction). */
    PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    /** Registers a source or updates its details. */
    public void putSource(SourceInfo s) {
        if (s.defaultCountry() != null && s.defaultCountry().length() != 2) {
            throw new StoreException("source " + s.code() + ": the default country must be a two-letter ISO code, not '"
                    + s.defaultCountry() + "'");
        }
        if (s.retentionDays() != null && s.retentionDays() < 0) {
            throw new StoreException("source " + s.code() + ": retention days cannot be negative");
        }
        write("source " + s.code(), () -> {
            int n = 0;
            if (knownSources.contains(s.code())) {
                try (PreparedStatement ps = connection.prepareStatement("UPDATE source SET name = ?, owner = ?, "
                        + "purpose = ?, default_country = ?, retention_days = ?, access_label = ? WHERE code = ?")) {
                    bindSource(ps, s);
                    ps.setString(7, s.code());
                    n = ps.executeUpdate();
                }
            }
            if (n == 0) {
                try (PreparedStatement ps = connection.prepareStatement("INSERT INTO source (name, owner, purpose, "
                        + "default_country, retention_days, access_label, code, created_at) VALUES (?,?,?,?,?,?,?,?)")) {
                    bindSource(ps, s);
                    ps.setString(7, s.code());
                    Jdbc.setInstant(ps, 8, Instant.now());
                    ps.executeUpdate();
                }
            }
            return null;
        });
        knownSources.add(s.code());
    }

    private static void bindSource(PreparedStatement ps, SourceInfo s) throws SQLException {
        ps.setString(1, s.name());
        Jdbc.setString(ps, 2, s.owner());
        Jdbc.setString(ps, 3, s.purpose());
        Jdbc.setString(ps, 4, s.defaultCountry());
        if (s.retentionDays() == null) ps.setNull(5, java.sql.Types.INTEGER);
        else ps.setInt(5, s.retentionDays());
        ps.setString(6, s.accessLabel());
    }

    /**
     * An analyst's disposal of a review item: SAME, DIFFERENT or DISMISSED. A ruling that should hold through
     * re-resolution is a {@link MatchDecision}, stored with {@link StoreBatch#putDecision}.
     */
    public void disposeReview(long id, String status, String analyst, Instant at) {
        if (status == null || status.equals("OPEN") || !REVIEW_STATUSES.contains(status)) {
            throw new StoreException("a review item is disposed of as SAME, DIFFERENT or DISMISSED, not " + status);
        }
        if (analyst == null || analyst.isBlank()) throw new StoreException("disposing of a review item needs an analyst");
        int n = write("review item " + id, () -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "UPDATE review_item SET status = ?, decided_by = ?, decided_at = ? WHERE id = ?")) {
                ps.setString(1, status);
                ps.setString(2, analyst);
                Jdbc.setInstant(ps, 3, at == null ? Instant.now() : at);
                ps.setLong(4, id);
                return ps.executeUpdate();
            }
        });
        if (n == 0) throw new StoreNotFoundException("no review item " + id);
    }

    // ----------------------------------------------------------------------------------------------- reads

    /** Every active record, streamed (in no guaranteed order) without holding them all in memory. */
    public void forEachActiveRecord(Consumer<StoredRecord> action) {
        read("the active records", () -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT source, source_id, content_hash, content, features, entity_id FROM record WHERE status = 'ACTIVE'",
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) action.accept(storedRecord(rs));
                }
            }
            return null;
        });
    }

    private static StoredRecord storedRecord(ResultSet rs) throws SQLException {
        return new StoredRecord(Jdbc.getKey(rs, 1), rs.getLong(3), rs.getString(4), rs.getString(5), Jdbc.getId(rs, 6));
    }

    /** The record if it is stored and active. */
    public Optional<StoredRecord> record(RecordKey key) {
        return read("record " + key, () -> {
            try (PreparedStatement ps = connection.prepareStatement("SELECT source, source_id, content_hash, content, "
                    + "features, entity_id FROM record WHERE source = ? AND source_id = ? AND status = 'ACTIVE'")) {
                Jdbc.setKey(ps, 1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(storedRecord(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Whether the record is stored, and if so whether it is active or withdrawn. */
    public Optional<RecordStatus> recordStatus(RecordKey key) {
        return read("record " + key, () -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT status FROM record WHERE source = ? AND source_id = ?")) {
                Jdbc.setKey(ps, 1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(RecordStatus.valueOf(rs.getString(1))) : Optional.empty();
                }
            }
        });
    }

    /** Every withdrawn record: its row stays, so a reload of it is an update. */
    public List<RecordKey> withdrawnKeys() {
        return read("withdrawn records", () -> {
            List<RecordKey> keys = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT source, source_id FROM record WHERE status = 'WITHDRAWN'");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) keys.add(new RecordKey(rs.getString(1), rs.getString(2)));
            }
            return keys;
        });
    }

    /** The active ones of the given records, sorted by key; keys not stored or withdrawn are left out. */
    public List<StoredRecord> records(Collection<RecordKey> keys) {
        Map<String, List<String>> bySource = new TreeMap<>();
        for (RecordKey k : new java.util.TreeSet<>(keys)) bySource.computeIfAbsent(k.source(), s -> new ArrayList<>()).add(k.id());
        TreeMap<RecordKey, StoredRecord> found = new TreeMap<>();
        read("records", () -> {
            for (Map.Entry<String, List<String>> e : bySource.entrySet()) {
                List<String> ids = e.getValue();
                for (int from = 0; from < ids.size(); from += KEYS_PER_QUERY) {
                    List<String> chunk = ids.subList(from, Math.min(ids.size(), from + KEYS_PER_QUERY));
                    String sql = "SELECT source, source_id, content_hash, content, features, entity_id FROM record "
                            + "WHERE status = 'ACTIVE' AND source = ? AND source_id IN ("
                            + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")";
                    try (PreparedStatement ps = connection.prepareStatement(sql)) {
                        ps.setString(1, e.getKey());
                        for (int i = 0; i < chunk.size(); i++) ps.setString(i + 2, chunk.get(i));
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                StoredRecord r = storedRecord(rs);
                                found.put(r.key(), r);
                            }
                        }
                    }
                }
            }
            return null;
        });
        return new ArrayList<>(found.values());
    }

    /** The entity of an active record; empty when the record is not stored, withdrawn or not yet assigned. */
    public OptionalLong entityOf(RecordKey key) {
        return read("record " + key, () -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT entity_id FROM record WHERE source = ? AND source_id = ? AND status = 'ACTIVE'")) {
                Jdbc.setKey(ps, 1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return OptionalLong.empty();
                    long id = Jdbc.getId(rs, 1);
                    return id == 0 ? OptionalLong.empty() : OptionalLong.of(id);
                }
            }
        });
    }

    /** Every entity a record was assigned to, oldest first. */
    public List<AssignmentEvent> assignmentHistory(RecordKey key) {
        return read("the history of record " + key, () -> {
            List<AssignmentEvent> out = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT entity_id, previous_entity_id, at "
                    + "FROM assignment_event WHERE source = ? AND source_id = ? ORDER BY id")) {
                Jdbc.setKey(ps, 1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new AssignmentEvent(key, Jdbc.getId(rs, 1), Jdbc.getId(rs, 2), Jdbc.getInstant(rs, 3)));
                }
            }
            return out;
        });
    }

    /** The relationships a record discloses, in the order it disclosed them. */
    public List<DisclosedRelationship> relationshipsFrom(RecordKey record) {
        return relationships("WHERE source = ? AND source_id = ?", record);
    }

    /** The relationships other records disclose to this one, in the order they were stored. */
    public List<DisclosedRelationship> relationshipsTo(RecordKey record) {
        return relationships("WHERE to_source = ? AND to_id = ?", record);
    }

    private List<DisclosedRelationship> relationships(String where, RecordKey record) {
        return read("the relationships of record " + record, () -> Jdbc.list(connection, "SELECT source, source_id, "
                + "type, to_source, to_id, role FROM relationship " + where + " ORDER BY id", ps -> Jdbc.setKey(ps, 1, record),
                rs -> new DisclosedRelationship(Jdbc.getKey(rs, 1), rs.getString(3), Jdbc.getKey(rs, 4), rs.getString(6))));
    }

    /** An entity, live or retired, with its active records and its history. */
    public Optional<EntityView> entity(long id) {
        return read("entity " + id, () -> {
            int count;
            Instant created;
            Instant updated;
            Instant retired;
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT record_count, created_at, updated_at, retired_at FROM entity WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    count = rs.getInt(1);
                    created = Jdbc.getInstant(rs, 2);
                    updated = Jdbc.getInstant(rs, 3);
                    retired = Jdbc.getInstant(rs, 4);
                }
            }
            List<StoredRecord> records = new ArrayList<>();
            Map<RecordKey, Instant> loadedAt = new HashMap<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT source, source_id, content_hash, content, "
                    + "features, entity_id, loaded_at FROM record WHERE entity_id = ? AND status = 'ACTIVE'")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        StoredRecord r = storedRecord(rs);
                        records.add(r);
                        loadedAt.put(r.key(), Jdbc.getInstant(rs, 7));
                    }
                }
            }
            records.sort(Comparator.comparing(StoredRecord::key));
            List<EntityEvent> history = events("WHERE entity_id = ? ORDER BY id", ps -> ps.setLong(1, id));
            return Optional.of(new EntityView(id, count, created, updated, retired, records, history, loadedAt));
        });
    }

    /** Entity changes at or after {@code since}, oldest first, at most {@code limit}. */
    public List<EntityEvent> changesSince(Instant since, int limit) {
        return read("entity changes", () -> events("WHERE at >= ? ORDER BY id LIMIT ?", ps -> {
            Jdbc.setInstant(ps, 1, since);
            ps.setInt(2, Math.max(0, limit));
        }));
    }

    private List<EntityEvent> events(String where, Jdbc.Binder binder) throws SQLException {
        List<EntityEvent> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT entity_id, at, kind, trigger_source, trigger_id, "
                + "other_entity, match_key FROM entity_event " + where)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new EntityEvent(rs.getLong(1), Jdbc.getInstant(rs, 2), EntityChange.Kind.valueOf(rs.getString(3)),
                            Jdbc.getKey(rs, 4), Jdbc.getId(rs, 6), rs.getString(7)));
                }
            }
        }
        return out;
    }

    /** Every analyst decision, sorted by pair. */
    public List<MatchDecision> decisions() {
        List<MatchDecision> out = read("the match decisions", () -> {
            List<MatchDecision> list = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT first_source, first_id, second_source, "
                    + "second_id, same, reason, analyst, at FROM match_decision");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new MatchDecision(Jdbc.getKey(rs, 1), Jdbc.getKey(rs, 3), rs.getBoolean(5), rs.getString(6),
                            rs.getString(7), Jdbc.getInstant(rs, 8)));
                }
            }
            return list;
        });
        out.sort(Comparator.comparing(MatchDecision::first).thenComparing(MatchDecision::second));
        return out;
    }

    /** The highest entity id ever stored (retired ones included), 0 for an empty store. */
    public long maxEntityId() {
        return read("the entity ids", () -> {
            try (PreparedStatement ps = connection.prepareStatement("SELECT MAX(id) FROM entity");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Jdbc.getId(rs, 1);
            }
        });
    }

    public Optional<String> setting(String name) {
        return read("setting " + name, () -> {
            try (PreparedStatement ps = connection.prepareStatement("SELECT \"value\" FROM store_setting WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Writes {@code source,id,entity} (with that header) for every active record, sorted by source and id in
     * code-point order on both databases.
     */
    public void exportClusters(Appendable out) {
        String order = location.dialect == StoreLocation.Dialect.POSTGRESQL
                ? " ORDER BY source COLLATE \"C\", source_id COLLATE \"C\"" : " ORDER BY source, source_id";
        read("the clusters", () -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT source, source_id, entity_id FROM record WHERE status = 'ACTIVE'" + order,
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(FETCH_SIZE * 10);
                CSVPrinter printer = new CSVPrinter(out,
                        CSVFormat.DEFAULT.builder().setHeader("source", "id", "entity").setRecordSeparator('\n').build());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long entity = Jdbc.getId(rs, 3);
                        printer.printRecord(rs.getString(1), rs.getString(2), entity == 0 ? "" : Long.toString(entity));
                    }
                }
                printer.flush();
            } catch (IOException e) {
                throw new StoreException("cannot write the clusters: " + e.getMessage(), e);
            }
            return null;
        });
    }

    /** Review items with the given status (null for any), oldest first, at most {@code limit}. */
    public List<ReviewItem> reviewItems(String status, int limit) {
        return reviewItems(status, limit, 0);
    }

    /** Review items with the given status (null for any), oldest first: at most {@code limit}, after skipping {@code offset}. */
    public List<ReviewItem> reviewItems(String status, int limit, long offset) {
        if (status != null && !REVIEW_STATUSES.contains(status)) {
            throw new StoreException("a review status is one of " + String.join(", ", REVIEW_STATUSES) + ", not " + status);
        }
        String where = status == null ? "" : " WHERE status = ?";
        return read("the review items", () -> {
            List<ReviewItem> out = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT id, first_source, first_id, second_source, "
                    + "second_id, weight, match_key, status, created_at, decided_by, decided_at FROM review_item"
                    + where + " ORDER BY id LIMIT ? OFFSET ?")) {
                int i = 1;
                if (status != null) ps.setString(i++, status);
                ps.setInt(i++, Math.max(0, limit));
                ps.setLong(i, Math.max(0, offset));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ReviewItem(rs.getLong(1), Jdbc.getKey(rs, 2), Jdbc.getKey(rs, 4), rs.getDouble(6),
                                rs.getString(7), rs.getString(8), Jdbc.getInstant(rs, 9), rs.getString(10),
                                Jdbc.getInstant(rs, 11)));
                    }
                }
            }
            return out;
        });
    }

    /** Every registered source, sorted by code. */
    public List<SourceInfo> sources() {
        List<SourceInfo> out = read("the sources", () -> {
            List<SourceInfo> list = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT code, name, owner, purpose, default_country, "
                    + "retention_days, access_label FROM source");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int days = rs.getInt(6);
                    Integer retention = rs.wasNull() ? null : days;
                    list.add(new SourceInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), retention, rs.getString(7)));
                }
            }
            return list;
        });
        out.sort(Comparator.comparing(SourceInfo::code));
        return out;
    }

    public StoreCounts counts() {
        return read("the counts", () -> {
            long active = 0;
            long withdrawn = 0;
            try (PreparedStatement ps = connection.prepareStatement("SELECT status, COUNT(*) FROM record GROUP BY status");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if ("ACTIVE".equals(rs.getString(1))) active = rs.getLong(2);
                    else withdrawn += rs.getLong(2);
                }
            }
            return new StoreCounts(active, withdrawn, count("SELECT COUNT(*) FROM entity WHERE record_count > 0"),
                    count("SELECT COUNT(*) FROM review_item WHERE status = 'OPEN'"));
        });
    }

    private long count(String sql) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The store's size on disk in bytes, best effort: -1 when it cannot be told (an in-memory H2 database). */
    public long sizeBytes() {
        if (location.dialect == StoreLocation.Dialect.POSTGRESQL) {
            return read("the database size", () -> count("SELECT pg_database_size(current_database())"));
        }
        Path file = location.h2File;
        try {
            return file != null && Files.exists(file) ? Files.size(file) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    // ----------------------------------------------------------------------------------------- plumbing

    /** Runs a read; outside a batch it ends its own transaction, inside one it first writes the batch's pending rows. */
    <T> T read(String what, Jdbc.SqlWork<T> work) {
        checkOpen();
        if (batch != null) batch.flush();
        readDepth++;
        try {
            return work.run();
        } catch (SQLException e) {
            throw new StoreException("cannot read " + what + " from " + describe() + ": " + Jdbc.reason(e), e);
        } finally {
            readDepth--;
            if (readDepth == 0 && batch == null) {
                try {
                    connection.rollback();
                } catch (SQLException ignored) {
                    // a read-only transaction: nothing to lose
                }
            }
        }
    }

    /**
     * Runs a small write outside any batch, in its own transaction; a StoreException the work throws (such as
     * "no case 7") rolls it back too.
     */
    <T> T write(String what, Jdbc.SqlWork<T> work) {
        checkOpen();
        if (batch != null) throw new StoreException("cannot write " + what + " while a store batch is open: commit or close it first");
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException e) {
            rollbackQuietly();
            throw new StoreException("cannot write " + what + " to " + describe() + ": " + Jdbc.reason(e), e);
        } catch (RuntimeException e) {
            rollbackQuietly();
            throw e;
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the write failed anyway
        }
    }

    private void checkOpen() {
        try {
            if (connection.isClosed()) throw new StoreException("the store at " + describe() + " is closed");
        } catch (SQLException e) {
            throw new StoreException("the store at " + describe() + " is not usable: " + Jdbc.reason(e), e);
        }
    }

    /** The store's one connection, shared by its lead, case, watch, alert, user and token parts (and tests). */
    Connection connection() {
        return connection;
    }

    /** Rolls back an open batch and closes the connection. */
    @Override
    public void close() {
        if (batch != null) batch.close();
        if (compactOnClose && location.h2File != null) {
            // H2 keeps the old versions of pages a load rewrote: a 100k-record load leaves an 830 MB file whose
            // live data is 63 MB. SHUTDOWN COMPACT rewrites it (about 2.5 s for that file); it also closes it.
            closeStatements();
            try (var st = connection.createStatement()) {
                st.execute("SHUTDOWN COMPACT");
            } catch (SQLException e) {
                // the data is committed; only the space is not given back
            }
        }
        closeQuietly();
    }

    /**
     * Sets an embedded (H2) store's page cache for this session; no effect on PostgreSQL, whose cache is the
     * database server's.
     */
    public void pageCacheMegabytes(int megabytes) {
        if (megabytes < 1) throw new IllegalArgumentException("a page cache needs at least 1 MB, not " + megabytes);
        if (location.dialect != StoreLocation.Dialect.H2) return;
        read("the page cache size", () -> {
            try (var st = connection.createStatement()) {
                st.execute("SET CACHE_SIZE " + megabytes * 1024L);
            }
            return null;
        });
    }

    /** Asks for an embedded store's file to be compacted when it is closed: after a load. No effect on PostgreSQL. */
    public void compactOnClose() {
        compactOnClose = true;
    }

    private void closeQuietly() {
        closeStatements();
        try {
            if (!connection.isClosed()) {
                connection.rollback();
                connection.close();
            }
        } catch (SQLException ignored) {
            // nothing uncommitted is kept, whatever the driver says
        }
    }
}
