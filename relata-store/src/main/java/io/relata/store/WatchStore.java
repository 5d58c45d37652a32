package io.relata.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The store's watches ({@link RelataStore#watches()}): entities a case follows. Ingestion reads the active ones
 * and writes the alerts they raise with {@link StoreBatch#addAlert}. Each change here is its own small transaction.
 */
public final class WatchStore {
    private static final String COLUMNS = "id, case_id, entity_id, hops, created_by, created_at, note, active";

    private final RelataStore store;

    WatchStore(RelataStore store) {
        this.store = store;
    }

    /**
     * Starts watching an entity for a case, up to {@code hops} (0 to 3) relationships around it. The case and
     * the entity must exist (a StoreException otherwise); {@code at} null means now.
     */
    public Watch add(long caseId, long entityId, int hops, String createdBy, String note, Instant at) {
        Checks.id(caseId, "a watch's case");
        Checks.id(entityId, "a watched entity");
        Checks.hops(hops, "a watch");
        Checks.text(createdBy, "the user adding a watch");
        Instant when = Jdbc.micros(at == null ? Instant.now() : at);
        long id = store.write("a watch on entity " + entityId, () -> {
            store.cases().requireCase(caseId);
            if (!store.knownEntities.contains(entityId)) throw new StoreNotFoundException("no entity " + entityId);
            return Jdbc.insertReturningId(store.connection(), "INSERT INTO watch (case_id, entity_id, hops, created_by, "
                    + "created_at, note, active) VALUES (?, ?, ?, ?, ?, ?, TRUE)", ps -> {
                        ps.setLong(1, caseId);
                        ps.setLong(2, entityId);
                        ps.setInt(3, hops);
                        ps.setString(4, createdBy);
                        Jdbc.setInstant(ps, 5, when);
                        Jdbc.setString(ps, 6, note);
                    });
        });
        return new Watch(id, caseId, entityId, hops, createdBy, when, note, true);
    }

    public Optional<Watch> get(long id) {
        return store.read("watch " + id, () -> query("WHERE id = ?", ps -> ps.setLong(1, id))).stream().findFirst();
    }

    /** A case's watches, active or not, oldest first. */
    public List<Watch> ofCase(long caseId) {
        return store.read("the watches of case " + caseId, () -> query("WHERE case_id = ? ORDER BY id",
                ps -> ps.setLong(1, caseId)));
    }

    /** Every active watch of every case, oldest first: what ingestion checks changes against. */
    public List<Watch> active() {
        return store.read("the active watches", () -> query("WHERE active = TRUE ORDER BY id", ps -> {}));
    }

    /** Stops a watch; it keeps its row and its alerts. */
    public void deactivate(long id) {
        int n = store.write("watch " + id, () -> {
            try (PreparedStatement ps = store.connection().prepareStatement("UPDATE watch SET active = FALSE WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate();
            }
        });
        if (n == 0) throw new StoreNotFoundException("no watch " + id);
    }

    private List<Watch> query(String tail, Jdbc.Binder binder) throws SQLException {
        return Jdbc.list(store.connection(), "SELECT " + COLUMNS + " FROM watch " + tail, binder,
                rs -> new Watch(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getString(5),
                        Jdbc.getInstant(rs, 6), rs.getString(7), rs.getBoolean(8)));
    }
}
