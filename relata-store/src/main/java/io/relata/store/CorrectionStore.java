package io.relata.store;

import io.relata.core.model.RecordKey;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The store's correction requests ({@link RelataStore#corrections()}). A correction never touches the record it
 * is about: an accepted one is an annotation read beside the record. Each change is its own small transaction.
 */
public final class CorrectionStore {
    public static final int MAX_FIELD_LENGTH = 200;
    private static final int KEYS_PER_QUERY = 200;
    private static final String COLUMNS = "id, access_request_id, source, source_id, field, requested_value, reason, "
            + "status, requested_by, requested_at, decided_by, decided_at, decision_note";

    private final RelataStore store;

    CorrectionStore(RelataStore store) {
        this.store = store;
    }

    /**
     * Registers a correction of {@code field} of {@code record} ({@code accessRequestId} 0 for none); the record
     * must be stored, and the access request exist (its log then notes the correction).
     */
    public Correction create(long accessRequestId, RecordKey record, String field, String requestedValue, String reason,
                             String requestedBy, Instant at) {
        Objects.requireNonNull(record, "record");
        Checks.text(field, "the field to correct", MAX_FIELD_LENGTH);
        Checks.text(requestedValue, "the value asked for");
        Checks.text(reason, "the reason for the correction");
        Checks.text(requestedBy, "the user registering a correction", AccessRequestStore.MAX_USERNAME_LENGTH);
        Instant when = Jdbc.micros(at == null ? Instant.now() : at);
        long id = store.write("a correction of " + record, () -> {
            if (accessRequestId != 0) store.accessRequests().requireStatus(accessRequestId);
            try (PreparedStatement ps = store.connection().prepareStatement(
                    "SELECT 1 FROM record WHERE source = ? AND source_id = ?")) {
                Jdbc.setKey(ps, 1, record);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) throw new StoreNotFoundException("no record " + record);
                }
            }
            long created = Jdbc.insertReturningId(store.connection(), "INSERT INTO correction (access_request_id, source, "
                    + "source_id, field, requested_value, reason, status, requested_by, requested_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)", ps -> {
                        Jdbc.setId(ps, 1, accessRequestId);
                        Jdbc.setKey(ps, 2, record);
                        ps.setString(4, field);
                        ps.setString(5, requestedValue);
                        ps.setString(6, reason);
                        ps.setString(7, requestedBy);
                        Jdbc.setInstant(ps, 8, when);
                    });
            if (accessRequestId != 0) {
                try (PreparedStatement ps = store.connection().prepareStatement("INSERT INTO access_request_event "
                        + "(request_id, at, actor, kind, detail) VALUES (?, ?, ?, 'CORRECTION', ?)")) {
                    ps.setLong(1, accessRequestId);
                    Jdbc.setInstant(ps, 2, when);
                    ps.setString(3, requestedBy);
                    ps.setString(4, "correction " + created + " of " + record + " " + field + " registered");
                    ps.executeUpdate();
                }
            }
            return created;
        });
        return new Correction(id, accessRequestId, record, field, requestedValue, reason, CorrectionStatus.PENDING,
                requestedBy, when, null, null, null);
    }

    public Optional<Correction> get(long id) {
        return store.read("correction " + id, () -> query("WHERE id = ?", ps -> ps.setLong(1, id))).stream().findFirst();
    }

    /** Corrections in a status (null: all), newest first. */
    public List<Correction> list(CorrectionStatus status) {
        return store.read("the corrections", () -> status == null ? query("ORDER BY id DESC", ps -> {})
                : query("WHERE status = ? ORDER BY id DESC", ps -> ps.setString(1, status.name())));
    }

    /**
     * Decides a correction: accepted (it annotates the record from now on) or rejected, with a note. A later
     * decision replaces an earlier one (an appeal); the audit trail keeps both.
     */
    public Correction decide(long id, boolean accepted, String decidedBy, String note, Instant at) {
        Checks.text(decidedBy, "the user deciding a correction", AccessRequestStore.MAX_USERNAME_LENGTH);
        Checks.text(note, "the note on a correction's decision");
        Instant when = Jdbc.micros(at == null ? Instant.now() : at);
        store.write("the decision on correction " + id, () -> {
            try (PreparedStatement ps = store.connection().prepareStatement("UPDATE correction SET status = ?, "
                    + "decided_by = ?, decided_at = ?, decision_note = ? WHERE id = ?")) {
                ps.setString(1, (accepted ? CorrectionStatus.ACCEPTED : CorrectionStatus.REJECTED).name());
                ps.setString(2, decidedBy);
                Jdbc.setInstant(ps, 3, when);
                ps.setString(4, note);
                ps.setLong(5, id);
                if (ps.executeUpdate() == 0) throw new StoreNotFoundException("no correction " + id);
            }
            return null;
        });
        return get(id).orElseThrow();
    }

    /** The accepted corrections of these records, oldest first: the annotations a profile shows. */
    public List<Correction> acceptedFor(Collection<RecordKey> records) {
        List<RecordKey> keys = new ArrayList<>(records);
        List<Correction> out = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
            List<RecordKey> part = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_QUERY));
            String pairs = String.join(" OR ", java.util.Collections.nCopies(part.size(), "(source = ? AND source_id = ?)"));
            out.addAll(store.read("the corrections of " + part.size() + " record(s)", () -> query(
                    "WHERE status = 'ACCEPTED' AND (" + pairs + ")", ps -> {
                        for (int i = 0; i < part.size(); i++) Jdbc.setKey(ps, 1 + 2 * i, part.get(i));
                    })));
        }
        out.sort(java.util.Comparator.comparingLong(Correction::id));
        return out;
    }

    private List<Correction> query(String tail, Jdbc.Binder binder) throws SQLException {
        return Jdbc.list(store.connection(), "SELECT " + COLUMNS + " FROM correction " + tail, binder,
                rs -> new Correction(rs.getLong(1), Jdbc.getId(rs, 2), Jdbc.getKey(rs, 3), rs.getString(5),
                        rs.getString(6), rs.getString(7), CorrectionStatus.valueOf(rs.getString(8)), rs.getString(9),
                        Jdbc.getInstant(rs, 10), rs.getString(11), Jdbc.getInstant(rs, 12), rs.getString(13)));
    }
}
