package io.relata.store;

import io.relata.core.model.RecordKey;
import io.relata.core.model.Relationship;
import io.relata.core.resolve.live.Assignment;
import io.relata.core.resolve.live.ChangeSet;
import io.relata.core.resolve.live.EntityChange;
import io.relata.core.resolve.live.MatchDecision;
import io.relata.core.resolve.live.ReviewPair;
import it.unimi.dsi.fastutil.longs.Long2ObjectLinkedOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import it.unimi.dsi.fastutil.longs.LongSet;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One write transaction. Rows are gathered and sent with JDBC batching: record, entity and disclosed-relationship
 * writes are coalesced per key (a record inserted and then assigned is one INSERT), events, review items and
 * alerts are appended in order; lead writes are sent when made. Everything is sent at the latest in
 * {@link #commit()}; {@link #close()} without a commit rolls it all back, as does a crash: the database holds
 * exactly what the last commit left.
 */
public final class StoreBatch implements AutoCloseable {
    private static final int FLUSH_AT = 5_000;

    private static final String INSERT_RECORD = "INSERT INTO record (source, source_id, content, content_hash, features, "
            + "entity_id, status, loaded_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)";
    private static final String UPDATE_RECORD = "UPDATE record SET content = COALESCE(CAST(? AS VARCHAR), content), "
            + "content_hash = COALESCE(CAST(? AS BIGINT), content_hash), features = COALESCE(CAST(? AS VARCHAR), features), "
            + "status = COALESCE(CAST(? AS VARCHAR(12)), status), "
            + "entity_id = CASE WHEN CAST(? AS BOOLEAN) THEN CAST(? AS BIGINT) ELSE entity_id END, updated_at = ? "
            + "WHERE source = ? AND source_id = ?";
    private static final String INSERT_ENTITY =
            "INSERT INTO entity (id, record_count, created_at, updated_at, retired_at) VALUES (?,?,?,?,?)";
    private static final String UPDATE_ENTITY = "UPDATE entity SET record_count = ?, updated_at = ?, retired_at = "
            + "CASE WHEN CAST(? AS INT) > 0 THEN NULL ELSE COALESCE(retired_at, CAST(? AS TIMESTAMP WITH TIME ZONE)) END "
            + "WHERE id = ?";
    private static final String INSERT_ASSIGNMENT = "INSERT INTO assignment_event (source, source_id, entity_id, "
            + "previous_entity_id, at) VALUES (?,?,?,?,?)";
    private static final String INSERT_ENTITY_EVENT = "INSERT INTO entity_event (entity_id, at, kind, trigger_source, "
            + "trigger_id, other_entity, match_key) VALUES (?,?,?,?,?,?,?)";
    /** Inserts the pair unless it is already there, open or decided. */
    private static final String INSERT_REVIEW = "INSERT INTO review_item (first_source, first_id, second_source, "
            + "second_id, weight, match_key, status, created_at) SELECT CAST(? AS VARCHAR), CAST(? AS VARCHAR), "
            + "CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS DOUBLE PRECISION), CAST(? AS VARCHAR), 'OPEN', "
            + "CAST(? AS TIMESTAMP WITH TIME ZONE) WHERE NOT EXISTS (SELECT 1 FROM review_item WHERE first_source = ? "
            + "AND first_id = ? AND second_source = ? AND second_id = ?)";
    private static final String DELETE_RELATIONSHIPS = "DELETE FROM relationship WHERE source = ? AND source_id = ?";
    private static final String INSERT_RELATIONSHIP = "INSERT INTO relationship (source, source_id, type, to_source, "
            + "to_id, role) VALUES (?,?,?,?,?,?)";

    private final RelataStore store;
    private final Connection connection;
    private final Map<RecordKey, PendingRecord> records = new LinkedHashMap<>();
    private final Long2ObjectLinkedOpenHashMap<PendingEntity> entities = new Long2ObjectLinkedOpenHashMap<>();
    /** Each record's disclosed relationships as they will be: its old rows are deleted, these inserted. */
    private final Map<RecordKey, List<Relationship>> relationships = new LinkedHashMap<>();
    /** Records inserted in this transaction: they have no relationship rows to delete. */
    private final java.util.Set<RecordKey> inserted = new java.util.HashSet<>();
    private final Set<String> newSources = new HashSet<>();
    private final LongOpenHashSet newEntities = new LongOpenHashSet();
    /** Statements with rows added but not yet executed. */
    private final Set<PreparedStatement> batched = new HashSet<>();
    private int pendingRows;
    private boolean ended;

    StoreBatch(RelataStore store, Connection connection) {
        this.store = store;
        this.connection = connection;
    }

    /** What a record's row will become: an INSERT of all of it, or an UPDATE of the fields that are set. */
    private static final class PendingRecord {
        final boolean insert;
        String content;
        Long hash;
        String features;
        String status;
        boolean entitySet;
        long entityId;
        Instant loadedAt;
        Instant updatedAt;

        PendingRecord(boolean insert) {
            this.insert = insert;
        }
    }

    private static final class PendingEntity {
        final boolean insert;
        int count;
        Instant createdAt;
        Instant updatedAt;
        /** When the entity last became empty; null while it has records. */
        Instant retiredAt;

        PendingEntity(boolean insert) {
            this.insert = insert;
        }
    }

    /** Registers a source by its code (name = code) unless it is already registered. */
    public void ensureSource(String code) {
        checkOpen();
        if (store.knownSources.contains(code) || newSources.contains(code)) return;
        run("source " + code, () -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO source (code, name, access_label, created_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, code);
                ps.setString(2, code);
                ps.setString(3, SourceInfo.DEFAULT_ACCESS_LABEL);
                Jdbc.setInstant(ps, 4, Instant.now());
                ps.executeUpdate();
            }
            return null;
        });
        newSources.add(code);
    }

    /** Stores a record that is not in the store yet (its source is registered if needed). */
    public void insertRecord(StoredRecord r, Instant at) {
        ensureSource(r.key().source());
        inserted.add(r.key());
        PendingRecord p = records.get(r.key());
        if (p != null) {
            throw new StoreException("record " + r.key() + " is already stored; change it with updateRecord");
        }
        p = new PendingRecord(true);
        p.content = r.content();
        p.hash = r.contentHash();
        p.features = r.features();
        p.status = RecordStatus.ACTIVE.name();
        p.entitySet = true;
        p.entityId = r.entityId();
        p.loadedAt = at;
        p.updatedAt = at;
        records.put(r.key(), p);
        added(1);
    }

    /**
     * Replaces a stored record's content, hash and features and makes it active again. Its entity changes only
     * when {@code r.entityId()} is not 0 (otherwise through {@link #apply}).
     */
    public void updateRecord(StoredRecord r, Instant at) {
        PendingRecord p = pending(r.key(), at);
        p.content = r.content();
        p.hash = r.contentHash();
        p.features = r.features();
        p.status = RecordStatus.ACTIVE.name();
        if (r.entityId() != 0) {
            p.entitySet = true;
            p.entityId = r.entityId();
        }
        added(0);
    }

    /** Marks a stored record withdrawn; it keeps its content but leaves its entity. */
    public void withdrawRecord(RecordKey key, Instant at) {
        PendingRecord p = pending(key, at);
        p.status = RecordStatus.WITHDRAWN.name();
        p.entitySet = true;
        p.entityId = 0;
        added(0);
    }

    private PendingRecord pending(RecordKey key, Instant at) {
        checkOpen();
        PendingRecord p = records.get(key);
        if (p == null) {
            p = new PendingRecord(false);
            records.put(key, p);
            pendingRows++;
        }
        p.updatedAt = at;
        return p;
    }

    /**
     * Stores what one engine operation did: records' new entities (with their history), entities' new sizes
     * (created, resized, retired at 0), entity history steps and new review items (pairs already present,
     * open or decided, are left as they are).
     */
    public void apply(ChangeSet cs, Instant at) {
        checkOpen();
        run("a change set", () -> {
            PreparedStatement assign = batchStatement(INSERT_ASSIGNMENT);
            for (Assignment a : cs.assignments()) {
                PendingRecord p = pending(a.record(), at);
                p.entitySet = true;
                p.entityId = a.entityId();
                Jdbc.setKey(assign, 1, a.record());
                Jdbc.setId(assign, 3, a.entityId());
                Jdbc.setId(assign, 4, a.previousEntityId());
                Jdbc.setInstant(assign, 5, at);
                assign.addBatch();
            }
            long[] ids = cs.entitySizes().keySet().stream().mapToLong(Long::longValue).sorted().toArray();
            for (long id : ids) setSize(id, cs.entitySizes().get(id), at);
            if (!cs.changes().isEmpty()) {
                PreparedStatement events = batchStatement(INSERT_ENTITY_EVENT);
                for (EntityChange c : cs.changes()) {
                    events.setLong(1, c.entityId());
                    Jdbc.setInstant(events, 2, at);
                    events.setString(3, c.kind().name());
                    Jdbc.setString(events, 4, c.trigger() == null ? null : c.trigger().source());
                    Jdbc.setString(events, 5, c.trigger() == null ? null : c.trigger().id());
                    Jdbc.setId(events, 6, c.otherEntity());
                    events.setString(7, c.matchKey());
                    events.addBatch();
                }
            }
            if (!cs.reviews().isEmpty()) {
                PreparedStatement reviews = batchStatement(INSERT_REVIEW);
                for (ReviewPair r : cs.reviews()) {
                    Jdbc.setKey(reviews, 1, r.first());
                    Jdbc.setKey(reviews, 3, r.second());
                    reviews.setDouble(5, r.weight());
                    reviews.setString(6, r.matchKey() == null ? "" : r.matchKey());
                    Jdbc.setInstant(reviews, 7, at);
                    Jdbc.setKey(reviews, 8, r.first());
                    Jdbc.setKey(reviews, 10, r.second());
                    reviews.addBatch();
                }
            }
            return null;
        });
        added(cs.assignments().size() + cs.changes().size() + cs.reviews().size());
    }

    private void setSize(long id, int size, Instant at) {
        PendingEntity p = entities.get(id);
        if (p == null) {
            boolean exists = store.knownEntities.contains(id) || newEntities.contains(id);
            p = new PendingEntity(!exists);
            if (!exists) {
                p.createdAt = at;
                newEntities.add(id);
            }
            entities.put(id, p);
            pendingRows++;
        }
        if (size > 0) p.retiredAt = null;
        else if (p.retiredAt == null) p.retiredAt = at;
        p.count = size;
        p.updatedAt = at;
    }

    /**
     * Replaces the relationships a record discloses (to other records, by source and id) with these, in this
     * order; an empty list removes them all.
     */
    public void replaceRelationships(RecordKey record, List<Relationship> disclosed) {
        checkOpen();
        Objects.requireNonNull(record, "record");
        for (Relationship r : disclosed) {
            Checks.text(r.type(), "the type of a relationship of record " + record);
            if (r.source() == null || r.id() == null) {
                throw new IllegalArgumentException("a " + r.type() + " relationship of record " + record
                        + " names no target record");
            }
        }
        List<Relationship> before = relationships.put(record, List.copyOf(disclosed));
        added(before == null ? 1 + disclosed.size() : disclosed.size());
    }

    /**
     * Stores what a scan found. A lead already stored under its (pattern, key) keeps its id, creation time and
     * analyst's disposition and takes the new score, evidence and members; a RETIRED one becomes OPEN again. A new
     * lead is OPEN. When the same (pattern, key) comes twice, the last one counts.
     */
    public void upsertLeads(Collection<FoundLead> leads, Instant at) {
        checkOpen();
        Objects.requireNonNull(at, "at");
        run("leads", () -> {
            store.leads().upsert(leads, at);
            return null;
        });
    }

    /** {@link #upsertLeads} for one lead. */
    public void upsertLead(FoundLead lead, Instant at) {
        upsertLeads(List.of(lead), at);
    }

    /**
     * After a full scan of a pattern: retires its leads whose keys the scan did not find (all of them when it found
     * none). Returns how many were retired.
     */
    public int retireLeadsNotFound(String pattern, Collection<String> foundKeys, Instant at) {
        checkOpen();
        Checks.text(pattern, "a lead pattern");
        Objects.requireNonNull(at, "at");
        return run("the leads of " + pattern, () -> store.leads().retireNotFound(pattern, foundKeys, at));
    }

    /** Retires the pattern's leads with these keys (a partial re-scan no longer finds them); returns how many. */
    public int retireLeads(String pattern, Collection<String> keys, Instant at) {
        checkOpen();
        Checks.text(pattern, "a lead pattern");
        Objects.requireNonNull(at, "at");
        return run("the leads of " + pattern, () -> store.leads().retire(pattern, keys, at));
    }

    /**
     * Moves the active watches of an entity that was merged into another onto the survivor, in this transaction,
     * so that a case keeps following the person.
     */
    public void moveWatches(long fromEntity, long toEntity) {
        checkOpen();
        Checks.id(fromEntity, "a merged entity");
        Checks.id(toEntity, "a surviving entity");
        run("the watches of entity " + fromEntity, () -> {
            try (PreparedStatement ps = store.connection().prepareStatement(
                    "UPDATE watch SET entity_id = ? WHERE entity_id = ? AND active = TRUE")) {
                ps.setLong(1, toEntity);
                ps.setLong(2, fromEntity);
                return ps.executeUpdate();
            }
        });
    }

    /** Stores an alert that a watch raised, in this transaction (with the record that caused it). */
    public void addAlert(NewAlert alert, Instant at) {
        checkOpen();
        Objects.requireNonNull(at, "at");
        run("an alert of watch " + alert.watchId(), () -> {
            PreparedStatement ps = batchStatement(AlertStore.INSERT);
            AlertStore.bind(ps, alert, at);
            ps.addBatch();
            return null;
        });
        added(1);
    }

    /**
     * Removes records for good (retention), in this transaction, with every row that names them
     * ({@link RetentionStore#PURGE}); first makes {@code carried} subjects of their cases (see
     * {@link RetentionStore#CARRIED_REASON}), added by {@code by} at {@code at}. What was pending is sent first, so a
     * change set applied for the records' withdrawal goes too. Returns the rows deleted or changed, by table.
     */
    public Map<String, Integer> purgeRecords(Collection<RecordKey> records, Collection<CaseSubject> carried, String by,
                                             Instant at) {
        checkOpen();
        Checks.text(by, "who removes records");
        Objects.requireNonNull(at, "at");
        flush();
        return run("the removal of " + records.size() + " records", () -> store.retention().purge(records, carried, by, at));
    }

    /** Deletes the retired leads involving these entities (their stored text may quote removed records); how many. */
    public int deleteRetiredLeads(LongSet entities) {
        checkOpen();
        flush();
        return run("retired leads", () -> store.retention().deleteRetiredLeads(entities));
    }

    /** Deletes alerts and leads whose stored text still names one of these records ({@code SOURCE:ID}); rows by table. */
    public Map<String, Integer> deleteMentionsOf(Set<String> records) {
        checkOpen();
        flush();
        return run("alerts and leads naming removed records", () -> store.retention().sweepMentions(records));
    }

    /** Stores an analyst's ruling, replacing any earlier one on the same pair, and closes its review item. */
    public void putDecision(MatchDecision d) {
        checkOpen();
        flush();
        run("the decision on " + d.first() + " and " + d.second(), () -> {
            PreparedStatement delete = store.statement("DELETE FROM match_decision WHERE first_source = ? AND first_id = ? "
                    + "AND second_source = ? AND second_id = ?");
            Jdbc.setKey(delete, 1, d.first());
            Jdbc.setKey(delete, 3, d.second());
            delete.executeUpdate();
            PreparedStatement insert = store.statement("INSERT INTO match_decision (first_source, first_id, "
                    + "second_source, second_id, same, reason, analyst, at) VALUES (?,?,?,?,?,?,?,?)");
            Jdbc.setKey(insert, 1, d.first());
            Jdbc.setKey(insert, 3, d.second());
            insert.setBoolean(5, d.same());
            insert.setString(6, d.reason());
            insert.setString(7, d.analyst());
            Jdbc.setInstant(insert, 8, d.at());
            insert.executeUpdate();
            PreparedStatement review = store.statement("UPDATE review_item SET status = ?, decided_by = ?, decided_at = ? "
                    + "WHERE first_source = ? AND first_id = ? AND second_source = ? AND second_id = ?");
            review.setString(1, d.same() ? "SAME" : "DIFFERENT");
            review.setString(2, d.analyst());
            Jdbc.setInstant(review, 3, d.at());
            Jdbc.setKey(review, 4, d.first());
            Jdbc.setKey(review, 6, d.second());
            review.executeUpdate();
            return null;
        });
    }

    /** Stores a named setting (such as the match model's JSON), replacing any earlier value. */
    public void putSetting(String name, String value) {
        checkOpen();
        run("setting " + name, () -> {
            PreparedStatement delete = store.statement("DELETE FROM store_setting WHERE name = ?");
            delete.setString(1, name);
            delete.executeUpdate();
            PreparedStatement insert = store.statement("INSERT INTO store_setting (name, \"value\") VALUES (?, ?)");
            insert.setString(1, name);
            Jdbc.setString(insert, 2, value);
            insert.executeUpdate();
            return null;
        });
    }

    /** Sends everything pending and commits. The batch is finished afterwards. */
    public void commit() {
        checkOpen();
        flush();
        run("the commit", () -> {
            connection.commit();
            return null;
        });
        store.knownSources.addAll(newSources);
        store.knownEntities.addAll(newEntities);
        end();
    }

    /** Rolls back unless committed. */
    @Override
    public void close() {
        if (ended) return;
        for (PreparedStatement ps : batched) {
            try {
                ps.clearBatch();
            } catch (SQLException ignored) {
                // rolled back below anyway
            }
        }
        batched.clear();
        records.clear();
        entities.clear();
        relationships.clear();
        try {
            connection.rollback();
        } catch (SQLException e) {
            throw new StoreException("cannot roll back the store at " + store.describe() + ": " + Jdbc.reason(e), e);
        } finally {
            end();
        }
    }

    private void end() {
        ended = true;
        store.batchEnded(this);
    }

    private void checkOpen() {
        if (ended) throw new StoreException("this store batch is already committed or closed; begin a new one");
    }

    private PreparedStatement batchStatement(String sql) throws SQLException {
        PreparedStatement ps = store.statement(sql);
        batched.add(ps);
        return ps;
    }

    /** Counts rows just gathered and sends them all once there are enough; never called halfway through a method. */
    private void added(int rows) {
        pendingRows += rows;
        if (pendingRows >= FLUSH_AT) flush();
    }

    /** Sends all pending rows to the database (still uncommitted). */
    void flush() {
        if (ended) return;
        run("pending rows", () -> {
            flushRecords();
            flushEntities();
            flushRelationships();
            for (String sql : List.of(INSERT_ASSIGNMENT, INSERT_ENTITY_EVENT, INSERT_REVIEW, AlertStore.INSERT)) {
                PreparedStatement ps = store.statement(sql);
                if (batched.remove(ps)) ps.executeBatch();
            }
            return null;
        });
        pendingRows = 0;
    }

    private void flushRecords() throws SQLException {
        if (records.isEmpty()) return;
        List<RecordKey> updated = new ArrayList<>();
        boolean inserts = false;
        PreparedStatement insert = batchStatement(INSERT_RECORD);
        PreparedStatement update = batchStatement(UPDATE_RECORD);
        for (Map.Entry<RecordKey, PendingRecord> e : records.entrySet()) {
            PendingRecord p = e.getValue();
            if (p.insert) {
                Jdbc.setKey(insert, 1, e.getKey());
                insert.setString(3, p.content);
                insert.setLong(4, p.hash);
                insert.setString(5, p.features);
                Jdbc.setId(insert, 6, p.entityId);
                insert.setString(7, p.status);
                Jdbc.setInstant(insert, 8, p.loadedAt);
                Jdbc.setInstant(insert, 9, p.updatedAt);
                insert.addBatch();
                inserts = true;
            } else {
                Jdbc.setString(update, 1, p.content);
                if (p.hash == null) update.setNull(2, Types.BIGINT);
                else update.setLong(2, p.hash);
                Jdbc.setString(update, 3, p.features);
                Jdbc.setString(update, 4, p.status);
                update.setBoolean(5, p.entitySet);
                Jdbc.setId(update, 6, p.entityId);
                Jdbc.setInstant(update, 7, p.updatedAt);
                Jdbc.setKey(update, 8, e.getKey());
                update.addBatch();
                updated.add(e.getKey());
            }
        }
        records.clear();
        if (inserts) insert.executeBatch();
        batched.remove(insert);
        if (!updated.isEmpty()) {
            int[] counts = update.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    throw new StoreException("record " + updated.get(i) + " is not stored, so it cannot be changed or "
                            + "withdrawn; store it with insertRecord first");
                }
            }
        }
        batched.remove(update);
    }

    private void flushEntities() throws SQLException {
        if (entities.isEmpty()) return;
        boolean inserts = false;
        boolean updates = false;
        PreparedStatement insert = batchStatement(INSERT_ENTITY);
        PreparedStatement update = batchStatement(UPDATE_ENTITY);
        for (Long2ObjectLinkedOpenHashMap.Entry<PendingEntity> e : entities.long2ObjectEntrySet()) {
            PendingEntity p = e.getValue();
            if (p.insert) {
                insert.setLong(1, e.getLongKey());
                insert.setInt(2, p.count);
                Jdbc.setInstant(insert, 3, p.createdAt);
                Jdbc.setInstant(insert, 4, p.updatedAt);
                Jdbc.setInstant(insert, 5, p.retiredAt);
                insert.addBatch();
                inserts = true;
            } else {
                update.setInt(1, p.count);
                Jdbc.setInstant(update, 2, p.updatedAt);
                update.setInt(3, p.count);
                Jdbc.setInstant(update, 4, p.retiredAt);
                update.setLong(5, e.getLongKey());
                update.addBatch();
                updates = true;
            }
        }
        entities.clear();
        if (inserts) insert.executeBatch();
        batched.remove(insert);
        if (updates) {
            for (int n : update.executeBatch()) {
                if (n == 0) throw new StoreException("an entity the store knew of is missing from " + store.describe()
                        + "; was the database changed by another program?");
            }
        }
        batched.remove(update);
    }

    private void flushRelationships() throws SQLException {
        if (relationships.isEmpty()) return;
        PreparedStatement delete = batchStatement(DELETE_RELATIONSHIPS);
        PreparedStatement insert = batchStatement(INSERT_RELATIONSHIP);
        boolean inserts = false, deletes = false;
        for (Map.Entry<RecordKey, List<Relationship>> e : relationships.entrySet()) {
            if (!inserted.contains(e.getKey())) {
                Jdbc.setKey(delete, 1, e.getKey());
                delete.addBatch();
                deletes = true;
            }
            for (Relationship r : e.getValue()) {
                Jdbc.setKey(insert, 1, e.getKey());
                insert.setString(3, r.type());
                Jdbc.setKey(insert, 4, r.target());
                Jdbc.setString(insert, 6, r.role());
                insert.addBatch();
                inserts = true;
            }
        }
        relationships.clear();
        if (deletes) delete.executeBatch();
        batched.remove(delete);
        if (inserts) insert.executeBatch();
        batched.remove(insert);
    }

    private <T> T run(String what, Jdbc.SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new StoreException("cannot write " + what + " to " + store.describe() + ": " + Jdbc.reason(e), e);
        }
    }
}
