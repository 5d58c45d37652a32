package io.relata.store;

import io.relata.core.model.RecordKey;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The store's access requests ({@link RelataStore#accessRequests()}): each with the records found for it, the
 * decision on each record and its log. Each change is its own small transaction, with its log entry.
 */
public final class AccessRequestStore {
    public static final int MAX_USERNAME_LENGTH = 200;
    private static final String COLUMNS = "id, requester, notes, received_on, due_on, status, registered_by, "
            + "registered_at, updated_at";
    private static final String CANDIDATE_COLUMNS = "source, source_id, ranking, entity_id, score, probability, outcome, "
            + "match_key, explanation, decision, withheld_fields, reason, decided_by, decided_at";

    private final RelataStore store;

    AccessRequestStore(RelataStore store) {
        this.store = store;
    }

    /** Registers a request with the records found for it, in one transaction; the log starts with REGISTERED. */
    public AccessRequest create(String requester, String notes, LocalDate receivedOn, LocalDate dueOn,
                                String registeredBy, Instant at, List<AccessCandidate> candidates) {
        Checks.text(requester, "the requester's identifying data");
        Checks.text(registeredBy, "the user registering an access request", MAX_USERNAME_LENGTH);
        Objects.requireNonNull(receivedOn, "receivedOn");
        Objects.requireNonNull(dueOn, "dueOn");
        if (dueOn.isBefore(receivedOn)) throw new IllegalArgumentException("a request cannot be due (" + dueOn
                + ") before it was received (" + receivedOn + ")");
        Instant when = Jdbc.micros(at == null ? Instant.now() : at);
        long id = store.write("an access request", () -> {
            long created = Jdbc.insertReturningId(store.connection(), "INSERT INTO access_request (requester, notes, "
                    + "received_on, due_on, status, registered_by, registered_at, updated_at) VALUES (?, ?, ?, ?, 'OPEN', ?, ?, ?)",
                    ps -> {
                        ps.setString(1, requester);
                        Jdbc.setString(ps, 2, notes);
                        Jdbc.setDate(ps, 3, receivedOn);
                        Jdbc.setDate(ps, 4, dueOn);
                        ps.setString(5, registeredBy);
                        Jdbc.setInstant(ps, 6, when);
                        Jdbc.setInstant(ps, 7, when);
                    });
            try (PreparedStatement ps = store.connection().prepareStatement("INSERT INTO access_candidate (request_id, "
                    + "source, source_id, ranking, entity_id, score, probability, outcome, match_key, explanation) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (AccessCandidate c : candidates) {
                    ps.setLong(1, created);
                    Jdbc.setKey(ps, 2, c.record());
                    ps.setInt(4, c.rank());
                    ps.setLong(5, c.entityId());
                    ps.setDouble(6, c.score());
                    ps.setDouble(7, c.probability());
                    ps.setString(8, c.outcome());
                    ps.setString(9, c.matchKey());
                    ps.setString(10, c.explanation());
                    ps.addBatch();
                }
                if (!candidates.isEmpty()) ps.executeBatch();
            }
            insertEvent(created, when, registeredBy, "REGISTERED", candidates.size() + " record(s) found, due " + dueOn);
            return created;
        });
        return new AccessRequest(id, requester, notes, receivedOn, dueOn, AccessRequestStatus.OPEN, registeredBy, when, when);
    }

    public Optional<AccessRequest> get(long id) {
        return store.read("access request " + id, () -> query("WHERE id = ?", ps -> ps.setLong(1, id))).stream().findFirst();
    }

    /** Requests in a status (null: all), the soonest due first. */
    public List<AccessRequest> list(AccessRequestStatus status) {
        return store.read("the access requests", () -> status == null
                ? query("ORDER BY due_on, id", ps -> {})
                : query("WHERE status = ? ORDER BY due_on, id", ps -> ps.setString(1, status.name())));
    }

    /** The records found for a request, best first. */
    public List<AccessCandidate> candidates(long requestId) {
        return store.read("the records of access request " + requestId, () -> Jdbc.list(store.connection(),
                "SELECT " + CANDIDATE_COLUMNS + " FROM access_candidate WHERE request_id = ? ORDER BY ranking, source, source_id",
                ps -> ps.setLong(1, requestId), AccessRequestStore::candidate));
    }

    /**
     * Records the officer's decision on one record of a request (a later decision replaces an earlier one until the
     * response is sent). The first decision moves an OPEN request to IN_REVIEW. A request that was answered or
     * closed is a conflict; a record not found for it is not found.
     */
    public AccessCandidate decide(long requestId, RecordKey record, ReleaseDecision decision, List<String> withheldFields,
                                  String reason, String decidedBy, Instant at) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(decision, "decision");
        Checks.text(decidedBy, "the user deciding", MAX_USERNAME_LENGTH);
        List<String> withheld = withheldFields == null ? List.of() : List.copyOf(withheldFields);
        for (String f : withheld) {
            if (f.isBlank() || f.contains(",")) throw new IllegalArgumentException("a withheld field is a path such as "
                    + "'dob' or 'names[0].surname', not '" + f + "'");
        }
        if (decision == ReleaseDecision.PARTIAL && withheld.isEmpty()) {
            throw new IllegalArgumentException("a partial release names the fields it withholds");
        }
        if (decision != ReleaseDecision.PARTIAL && !withheld.isEmpty()) {
            throw new IllegalArgumentException("only a partial release withholds fields");
        }
        if (decision != ReleaseDecision.RELEASE) Checks.text(reason, "the exemption or reason for " + decision);
        Instant when = Jdbc.micros(at == null ? Instant.now() : at);
        store.write("a decision on " + record + " for access request " + requestId, () -> {
            AccessRequestStatus status = requireStatus(requestId);
            if (!status.pending()) {
                throw new StoreConflictException("access request " + requestId + " is " + status
                        + ": its decisions can no longer change");
            }
            try (PreparedStatement ps = store.connection().prepareStatement("UPDATE access_candidate SET decision = ?, "
                    + "withheld_fields = ?, reason = ?, decided_by = ?, decided_at = ? WHERE request_id = ? AND source = ? "
                    + "AND source_id = ?")) {
                ps.setString(1, decision.name());
                Jdbc.setString(ps, 2, withheld.isEmpty() ? null : String.join(",", withheld));
                Jdbc.setString(ps, 3, reason);
                ps.setString(4, decidedBy);
                Jdbc.setInstant(ps, 5, when);
                ps.setLong(6, requestId);
                Jdbc.setKey(ps, 7, record);
                if (ps.executeUpdate() == 0) {
                    throw new StoreNotFoundException("no record " + record + " among those found for access request " + requestId);
                }
            }
            insertEvent(requestId, when, decidedBy, "DECISION", record + ": " + decision
                    + (withheld.isEmpty() ? "" : " withholding " + String.join(", ", withheld))
                    + (reason == null ? "" : " (" + reason + ")"));
            if (status == AccessRequestStatus.OPEN) setStatus(requestId, AccessRequestStatus.IN_REVIEW, decidedBy, when, "first decision");
            else touch(requestId, when);
            return null;
        });
        return candidates(requestId).stream().filter(c -> c.record().equals(record)).findFirst().orElseThrow();
    }

    /**
     * Moves a request to {@code next} as {@link AccessRequestStatus#canBecome} allows (a conflict otherwise); a
     * request is RESPONDED only when every record found for it has a decision.
     */
    public AccessRequest changeStatus(long requestId, AccessRequestStatus next, String by, Instant at, String note) {
        Objects.requireNonNull(next, "next");
        Checks.text(by, "the user changing an access request's status", MAX_USERNAME_LENGTH);
        Instant when = Jdbc.micros(at == null ? Instant.now() : at);
        store.write("the status of access request " + requestId, () -> {
            AccessRequestStatus status = requireStatus(requestId);
            if (!status.canBecome(next)) {
                throw new StoreConflictException("access request " + requestId + " is " + status + " and cannot become " + next);
            }
            if (next == AccessRequestStatus.RESPONDED) {
                try (PreparedStatement ps = store.connection().prepareStatement(
                        "SELECT COUNT(*) FROM access_candidate WHERE request_id = ? AND decision IS NULL")) {
                    ps.setLong(1, requestId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) throw new StoreConflictException("access request " + requestId + " still has "
                                + rs.getLong(1) + " record(s) without a decision: decide each before responding");
                    }
                }
            }
            setStatus(requestId, next, by, when, note);
            return null;
        });
        return get(requestId).orElseThrow();
    }

    /** Adds a step to a request's log (a package produced, a correction registered). */
    public void log(long requestId, String actor, String kind, String detail, Instant at) {
        Checks.text(actor, "who acted", MAX_USERNAME_LENGTH);
        Checks.text(kind, "the kind of step");
        Checks.text(detail, "what was done");
        Instant when = Jdbc.micros(at == null ? Instant.now() : at);
        store.write("the log of access request " + requestId, () -> {
            requireStatus(requestId);
            insertEvent(requestId, when, actor, kind, detail);
            return null;
        });
    }

    /** A request's log, in order. */
    public List<AccessRequestEvent> events(long requestId) {
        return store.read("the log of access request " + requestId, () -> Jdbc.list(store.connection(),
                "SELECT id, request_id, at, actor, kind, detail FROM access_request_event WHERE request_id = ? ORDER BY id",
                ps -> ps.setLong(1, requestId), rs -> new AccessRequestEvent(rs.getLong(1), rs.getLong(2),
                        Jdbc.getInstant(rs, 3), rs.getString(4), rs.getString(5), rs.getString(6))));
    }

    /**
     * Whether an entity holds, now, a record found for a request still being worked on (not CLOSED): what a privacy
     * officer's need-to-know reaches. Through records, so it follows the person through merges and splits.
     */
    public boolean isCandidateEntity(long entityId) {
        return store.read("whether entity " + entityId + " is among the records of an access request", () -> {
            try (PreparedStatement ps = store.connection().prepareStatement("SELECT 1 FROM access_candidate c "
                    + "JOIN access_request q ON q.id = c.request_id JOIN record r ON r.source = c.source AND r.source_id = "
                    + "c.source_id WHERE q.status <> 'CLOSED' AND r.entity_id = ?")) {
                ps.setLong(1, entityId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** Inside a write: the request's status, or not found. */
    AccessRequestStatus requireStatus(long requestId) throws SQLException {
        try (PreparedStatement ps = store.connection().prepareStatement("SELECT status FROM access_request WHERE id = ?")) {
            ps.setLong(1, requestId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new StoreNotFoundException("no access request " + requestId);
                return AccessRequestStatus.valueOf(rs.getString(1));
            }
        }
    }

    private void setStatus(long requestId, AccessRequestStatus next, String by, Instant when, String note) throws SQLException {
        try (PreparedStatement ps = store.connection().prepareStatement(
                "UPDATE access_request SET status = ?, updated_at = ? WHERE id = ?")) {
            ps.setString(1, next.name());
            Jdbc.setInstant(ps, 2, when);
            ps.setLong(3, requestId);
            ps.executeUpdate();
        }
        insertEvent(requestId, when, by, "STATUS", next + (note == null || note.isBlank() ? "" : ": " + note));
    }

    private void touch(long requestId, Instant when) throws SQLException {
        try (PreparedStatement ps = store.connection().prepareStatement("UPDATE access_request SET updated_at = ? WHERE id = ?")) {
            Jdbc.setInstant(ps, 1, when);
            ps.setLong(2, requestId);
            ps.executeUpdate();
        }
    }

    private void insertEvent(long requestId, Instant at, String actor, String kind, String detail) throws SQLException {
        try (PreparedStatement ps = store.connection().prepareStatement("INSERT INTO access_request_event (request_id, "
                + "at, actor, kind, detail) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, requestId);
            Jdbc.setInstant(ps, 2, at);
            ps.setString(3, actor);
            ps.setString(4, kind);
            ps.setString(5, detail);
            ps.executeUpdate();
        }
    }

    private static AccessCandidate candidate(ResultSet rs) throws SQLException {
        String decision = rs.getString(10);
        String withheld = rs.getString(11);
        return new AccessCandidate(Jdbc.getKey(rs, 1), rs.getInt(3), rs.getLong(4), rs.getDouble(5), rs.getDouble(6),
                rs.getString(7), rs.getString(8), rs.getString(9), decision == null ? null : ReleaseDecision.valueOf(decision),
                withheld == null ? List.of() : Arrays.asList(withheld.split(",")), rs.getString(12), rs.getString(13),
                Jdbc.getInstant(rs, 14));
    }

    private List<AccessRequest> query(String tail, Jdbc.Binder binder) throws SQLException {
        return Jdbc.list(store.connection(), "SELECT " + COLUMNS + " FROM access_request " + tail, binder,
                rs -> new AccessRequest(rs.getLong(1), rs.getString(2), rs.getString(3), Jdbc.getDate(rs, 4),
                        Jdbc.getDate(rs, 5), AccessRequestStatus.valueOf(rs.getString(6)), rs.getString(7),
                        Jdbc.getInstant(rs, 8), Jdbc.getInstant(rs, 9)));
    }
}
