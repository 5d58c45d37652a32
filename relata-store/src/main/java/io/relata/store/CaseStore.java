package io.relata.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The store's cases ({@link RelataStore#cases()}) and who is in them: the groups that need-to-know access and
 * watches hang on. Each change is its own small transaction, made outside any {@link StoreBatch}.
 */
public final class CaseStore {
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_USERNAME_LENGTH = 200;
    private static final String COLUMNS = "id, name, description, created_by, created_at, status, legal_hold";

    private final RelataStore store;

    CaseStore(RelataStore store) {
        this.store = store;
    }

    /**
     * Opens a case; its creator becomes its OWNER. A name already taken is a StoreException; {@code at} null
     * means now.
     */
    public CaseFile create(String name, String description, String createdBy, Instant at) {
        Checks.text(name, "a case's name", MAX_NAME_LENGTH);
        Checks.text(createdBy, "the user creating case '" + name + "'", MAX_USERNAME_LENGTH);
        Instant when = Jdbc.micros(at == null ? Instant.now() : at);
        long id = store.write("case '" + name + "'", () -> {
            if (!query("WHERE name = ?", ps -> ps.setString(1, name)).isEmpty()) {
                throw new StoreConflictException("a case named '" + name + "' already exists");
            }
            long created = Jdbc.insertReturningId(store.connection(), "INSERT INTO case_file (name, description, "
                    + "created_by, created_at, status, legal_hold) VALUES (?, ?, ?, ?, 'OPEN', FALSE)", ps -> {
                        ps.setString(1, name);
                        Jdbc.setString(ps, 2, description);
                        ps.setString(3, createdBy);
                        Jdbc.setInstant(ps, 4, when);
                    });
            insertMember(created, createdBy, CaseRole.OWNER);
            return created;
        });
        return new CaseFile(id, name, description, createdBy, when, CaseStatus.OPEN, false);
    }

    public Optional<CaseFile> get(long id) {
        List<CaseFile> found = store.read("case " + id, () -> query("WHERE id = ?", ps -> ps.setLong(1, id)));
        return found.stream().findFirst();
    }

    public Optional<CaseFile> byName(String name) {
        List<CaseFile> found = store.read("case '" + name + "'", () -> query("WHERE name = ?", ps -> ps.setString(1, name)));
        return found.stream().findFirst();
    }

    /** Every case, oldest first. */
    public List<CaseFile> list() {
        return store.read("the cases", () -> query("ORDER BY id", ps -> {}));
    }

    /** Adds a user to a case, or gives a member another role. */
    public void addMember(long caseId, String username, CaseRole role) {
        Checks.text(username, "a case member's user name", MAX_USERNAME_LENGTH);
        Objects.requireNonNull(role, "role");
        store.write("a member of case " + caseId, () -> {
            requireCase(caseId);
            try (PreparedStatement ps = store.connection().prepareStatement(
                    "UPDATE case_member SET role = ? WHERE case_id = ? AND username = ?")) {
                ps.setString(1, role.name());
                ps.setLong(2, caseId);
                ps.setString(3, username);
                if (ps.executeUpdate() == 0) insertMember(caseId, username, role);
            }
            return null;
        });
    }

    /** A case's members by user name (code-point order on both databases). */
    public List<CaseMember> members(long caseId) {
        List<CaseMember> out = store.read("the members of case " + caseId, () -> Jdbc.list(store.connection(),
                "SELECT case_id, username, role FROM case_member WHERE case_id = ?", ps -> ps.setLong(1, caseId),
                rs -> new CaseMember(rs.getLong(1), rs.getString(2), CaseRole.valueOf(rs.getString(3)))));
        out.sort(Comparator.comparing(CaseMember::username));
        return out;
    }

    /** The ids of the cases a user is a member of. */
    public List<Long> casesOf(String username) {
        return store.read("the cases of " + username, () -> Jdbc.list(store.connection(),
                "SELECT case_id FROM case_member WHERE username = ? ORDER BY case_id", ps -> ps.setString(1, username),
                rs -> rs.getLong(1)));
    }

    /**
     * Makes records subjects of a case (what its analysts may open), with the reason; a record already a subject
     * keeps its first reason.
     */
    public void addSubjects(long caseId, java.util.Collection<io.relata.core.model.RecordKey> records, String addedBy,
                            String reason, java.time.Instant at) {
        Checks.text(addedBy, "the user adding a case subject", MAX_USERNAME_LENGTH);
        Checks.text(reason, "the reason a subject is added to a case");
        java.time.Instant when = Jdbc.micros(at == null ? java.time.Instant.now() : at);
        store.write("the subjects of case " + caseId, () -> {
            requireCase(caseId);
            try (PreparedStatement exists = store.connection().prepareStatement(
                    "SELECT 1 FROM case_record WHERE case_id = ? AND source = ? AND source_id = ?");
                 PreparedStatement insert = store.connection().prepareStatement("INSERT INTO case_record (case_id, source, "
                         + "source_id, added_by, added_at, reason) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (io.relata.core.model.RecordKey k : records) {
                    exists.setLong(1, caseId);
                    Jdbc.setKey(exists, 2, k);
                    try (ResultSet rs = exists.executeQuery()) {
                        if (rs.next()) continue;
                    }
                    insert.setLong(1, caseId);
                    Jdbc.setKey(insert, 2, k);
                    insert.setString(4, addedBy);
                    Jdbc.setInstant(insert, 5, when);
                    insert.setString(6, reason);
                    insert.executeUpdate();
                }
            }
            return null;
        });
    }

    /** Whether an entity is a subject of a case: one of its active records is. */
    public boolean isSubject(long caseId, long entityId) {
        return store.read("whether entity " + entityId + " is in case " + caseId, () -> {
            try (PreparedStatement ps = store.connection().prepareStatement("SELECT 1 FROM case_record c JOIN record r "
                    + "ON r.source = c.source AND r.source_id = c.source_id WHERE c.case_id = ? AND r.entity_id = ?")) {
                ps.setLong(1, caseId);
                ps.setLong(2, entityId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** The entities a case works on now (through its subject records), in id order. */
    public List<Long> subjectEntities(long caseId) {
        return store.read("the subjects of case " + caseId, () -> Jdbc.list(store.connection(),
                "SELECT DISTINCT r.entity_id FROM case_record c JOIN record r ON r.source = c.source AND r.source_id = "
                        + "c.source_id WHERE c.case_id = ? AND r.entity_id IS NOT NULL ORDER BY r.entity_id",
                ps -> ps.setLong(1, caseId), rs -> rs.getLong(1)));
    }

    /** Inside a write: a StoreException when there is no such case. */
    void requireCase(long caseId) throws SQLException {
        try (PreparedStatement ps = store.connection().prepareStatement("SELECT 1 FROM case_file WHERE id = ?")) {
            ps.setLong(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new StoreNotFoundException("no case " + caseId);
            }
        }
    }

    private void insertMember(long caseId, String username, CaseRole role) throws SQLException {
        try (PreparedStatement ps = store.connection().prepareStatement(
                "INSERT INTO case_member (case_id, username, role) VALUES (?, ?, ?)")) {
            ps.setLong(1, caseId);
            ps.setString(2, username);
            ps.setString(3, role.name());
            ps.executeUpdate();
        }
    }

    private List<CaseFile> query(String tail, Jdbc.Binder binder) throws SQLException {
        return Jdbc.list(store.connection(), "SELECT " + COLUMNS + " FROM case_file " + tail, binder,
                rs -> new CaseFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Jdbc.getInstant(rs, 5), CaseStatus.valueOf(rs.getString(6)), rs.getBoolean(7)));
    }
}
