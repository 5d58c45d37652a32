package io.relata.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The store's alerts ({@link RelataStore#alerts()}): what watches saw. Ingestion writes them with
 * {@link StoreBatch#addAlert}, in the transaction of the record that caused them; analysts read and dispose of
 * them here.
 */
public final class AlertStore {
    private static final String COLUMNS = "id, watch_id, case_id, entity_id, touched_entity, trigger_source, "
            + "trigger_id, kind, distance, evidence, status, created_at, note, disposed_by, disposed_at";
    static final String INSERT = "INSERT INTO alert (watch_id, case_id, entity_id, touched_entity, trigger_source, "
            + "trigger_id, kind, distance, evidence, status, created_at) VALUES (?,?,?,?,?,?,?,?,?,'OPEN',?)";

    private final RelataStore store;

    AlertStore(RelataStore store) {
        this.store = store;
    }

    public Optional<Alert> get(long id) {
        return store.read("alert " + id, () -> Jdbc.list(store.connection(), "SELECT " + COLUMNS + " FROM alert WHERE id = ?",
                ps -> ps.setLong(1, id), AlertStore::alert)).stream().findFirst();
    }

    /**
     * Alerts of a case (0 for every case) with a status (null for any) raised at or after {@code since} (null
     * for any time), oldest first, at most {@code limit} after skipping {@code offset}.
     */
    public List<Alert> list(long caseId, AlertStatus status, Instant since, int limit, int offset) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM alert WHERE 1 = 1");
        if (caseId != 0) sql.append(" AND case_id = ?");
        if (status != null) sql.append(" AND status = ?");
        if (since != null) sql.append(" AND created_at >= ?");
        sql.append(" ORDER BY id LIMIT ? OFFSET ?");
        return store.read("the alerts", () -> Jdbc.list(store.connection(), sql.toString(), ps -> {
            int i = 1;
            if (caseId != 0) ps.setLong(i++, caseId);
            if (status != null) ps.setString(i++, status.name());
            if (since != null) Jdbc.setInstant(ps, i++, since);
            ps.setInt(i++, Math.max(0, limit));
            ps.setInt(i, Math.max(0, offset));
        }, AlertStore::alert));
    }

    /** An analyst's disposition: ACKNOWLEDGED or DISMISSED, with an optional note; {@code at} null means now. */
    public void dispose(long id, AlertStatus status, String note, String analyst, Instant at) {
        if (status == null || status == AlertStatus.OPEN) {
            throw new IllegalArgumentException("an alert is disposed of as ACKNOWLEDGED or DISMISSED, not " + status);
        }
        Checks.text(analyst, "the analyst disposing of alert " + id);
        int n = store.write("alert " + id, () -> {
            try (PreparedStatement ps = store.connection().prepareStatement(
                    "UPDATE alert SET status = ?, note = ?, disposed_by = ?, disposed_at = ? WHERE id = ?")) {
                ps.setString(1, status.name());
                Jdbc.setString(ps, 2, note);
                ps.setString(3, analyst);
                Jdbc.setInstant(ps, 4, at == null ? Instant.now() : at);
                ps.setLong(5, id);
                return ps.executeUpdate();
            }
        });
        if (n == 0) throw new StoreNotFoundException("no alert " + id);
    }

    /** Binds {@link #INSERT} for a batch. */
    static void bind(PreparedStatement ps, NewAlert a, Instant at) throws SQLException {
        ps.setLong(1, a.watchId());
        ps.setLong(2, a.caseId());
        ps.setLong(3, a.entityId());
        ps.setLong(4, a.touchedEntity());
        Jdbc.setString(ps, 5, a.trigger() == null ? null : a.trigger().source());
        Jdbc.setString(ps, 6, a.trigger() == null ? null : a.trigger().id());
        ps.setString(7, a.kind().name());
        ps.setInt(8, a.distance());
        ps.setString(9, a.evidence());
        Jdbc.setInstant(ps, 10, at);
    }

    private static Alert alert(ResultSet rs) throws SQLException {
        return new Alert(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), Jdbc.getKey(rs, 6),
                AlertKind.valueOf(rs.getString(8)), rs.getInt(9), rs.getString(10), AlertStatus.valueOf(rs.getString(11)),
                Jdbc.getInstant(rs, 12), rs.getString(13), rs.getString(14), Jdbc.getInstant(rs, 15));
    }
}
