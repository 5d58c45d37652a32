package io.relata.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reports of cases ({@link RelataStore#reports()}) and their versions. A version is written once, with the next
 * number, and afterwards only reviewed (PENDING to APPROVED or REJECTED, once). Each change is its own transaction.
 */
public final class ReportStore {
    public static final int MAX_TITLE_LENGTH = 300;
    public static final int MAX_NOTE_LENGTH = 2000;
    private static final String VERSION_COLUMNS = "report_id, version, author, created_at, snapshot, snapshot_sha256, "
            + "status, reviewed_by, reviewed_at, review_note";

    private final RelataStore store;

    ReportStore(RelataStore store) {
        this.store = store;
    }

    /** Opens a report in a case with its first version (PENDING); answers that version. */
    public ReportVersion create(long caseId, String title, String author, String snapshot, Instant at) {
        Checks.text(title, "a report's title", MAX_TITLE_LENGTH);
        Checks.text(author, "a report's author", UserStore.MAX_USERNAME_LENGTH);
        Checks.text(snapshot, "a report's content");
        Instant when = Jdbc.micros(at == null ? Instant.now() : at);
        return store.write("a report of case " + caseId, () -> {
            store.cases().requireCase(caseId);
            long id = Jdbc.insertReturningId(store.connection(), "INSERT INTO report (case_id, title, created_by, "
                    + "created_at) VALUES (?, ?, ?, ?)", ps -> {
                        ps.setLong(1, caseId);
                        ps.setString(2, title);
                        ps.setString(3, author);
                        Jdbc.setInstant(ps, 4, when);
                    });
            return insertVersion(id, 1, author, snapshot, when);
        });
    }

    /** Saves a new version of a report (the next number, PENDING) and makes its title the report's. */
    public ReportVersion addVersion(long reportId, String title, String author, String snapshot, Instant at) {
        Checks.text(title, "a report's title", MAX_TITLE_LENGTH);
        Checks.text(author, "a report's author", UserStore.MAX_USERNAME_LENGTH);
        Checks.text(snapshot, "a report's content");
        Instant when = Jdbc.micros(at == null ? Instant.now() : at);
        return store.write("a version of report " + reportId, () -> {
            int last;
            try (PreparedStatement ps = store.connection().prepareStatement(
                    "SELECT MAX(version) FROM report_version WHERE report_id = ?")) {
                ps.setLong(1, reportId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    last = rs.getInt(1);
                }
            }
            if (last == 0) throw new StoreNotFoundException("no report " + reportId);
            try (PreparedStatement ps = store.connection().prepareStatement("UPDATE report SET title = ? WHERE id = ?")) {
                ps.setString(1, title);
                ps.setLong(2, reportId);
                ps.executeUpdate();
            }
            return insertVersion(reportId, last + 1, author, snapshot, when);
        });
    }

    private ReportVersion insertVersion(long reportId, int version, String author, String snapshot, Instant when)
            throws SQLException {
        String digest = sha256(snapshot.getBytes(StandardCharsets.UTF_8));
        try (PreparedStatement ps = store.connection().prepareStatement("INSERT INTO report_version (report_id, version, "
                + "author, created_at, snapshot, snapshot_sha256, status) VALUES (?, ?, ?, ?, ?, ?, 'PENDING')")) {
            ps.setLong(1, reportId);
            ps.setInt(2, version);
            ps.setString(3, author);
            Jdbc.setInstant(ps, 4, when);
            ps.setString(5, snapshot);
            ps.setString(6, digest);
            ps.executeUpdate();
        }
        return new ReportVersion(reportId, version, author, when, snapshot, digest, ReportStatus.PENDING, null, null, null);
    }

    public Optional<Report> get(long id) {
        return store.read("report " + id, () -> Jdbc.list(store.connection(), "SELECT id, case_id, title, created_by, "
                + "created_at FROM report WHERE id = ?", ps -> ps.setLong(1, id), ReportStore::readReport)).stream().findFirst();
    }

    /** A case's reports, newest first. */
    public List<Report> ofCase(long caseId) {
        return store.read("the reports of case " + caseId, () -> Jdbc.list(store.connection(), "SELECT id, case_id, "
                + "title, created_by, created_at FROM report WHERE case_id = ? ORDER BY id DESC",
                ps -> ps.setLong(1, caseId), ReportStore::readReport));
    }

    /** A report's versions, newest first. */
    public List<ReportVersion> versions(long reportId) {
        return store.read("the versions of report " + reportId, () -> Jdbc.list(store.connection(), "SELECT "
                + VERSION_COLUMNS + " FROM report_version WHERE report_id = ? ORDER BY version DESC",
                ps -> ps.setLong(1, reportId), ReportStore::readVersion));
    }

    public Optional<ReportVersion> version(long reportId, int version) {
        return store.read("version " + version + " of report " + reportId, () -> Jdbc.list(store.connection(),
                "SELECT " + VERSION_COLUMNS + " FROM report_version WHERE report_id = ? AND version = ?", ps -> {
                    ps.setLong(1, reportId);
                    ps.setInt(2, version);
                }, ReportStore::readVersion)).stream().findFirst();
    }

    /** The versions of a case's reports that wait for review, oldest first: a supervisor's queue. */
    public List<ReportVersion> pending(long caseId) {
        return store.read("the report versions awaiting review in case " + caseId, () -> Jdbc.list(store.connection(),
                "SELECT " + prefixed() + " FROM report_version v JOIN report r ON r.id = v.report_id WHERE r.case_id = ? "
                        + "AND v.status = 'PENDING' ORDER BY v.created_at, v.report_id, v.version",
                ps -> ps.setLong(1, caseId), ReportStore::readVersion));
    }

    /**
     * Approves or rejects a PENDING version, once. A version already reviewed is a {@link StoreConflictException};
     * one that does not exist a {@link StoreNotFoundException}.
     */
    public ReportVersion review(long reportId, int version, boolean approve, String reviewer, String note, Instant at) {
        Checks.text(reviewer, "the reviewer", UserStore.MAX_USERNAME_LENGTH);
        if (note != null && note.length() > MAX_NOTE_LENGTH) throw new IllegalArgumentException("a review note holds at most " + MAX_NOTE_LENGTH + " characters");
        Instant when = Jdbc.micros(at == null ? Instant.now() : at);
        ReportStatus status = approve ? ReportStatus.APPROVED : ReportStatus.REJECTED;
        store.write("the review of version " + version + " of report " + reportId, () -> {
            try (PreparedStatement ps = store.connection().prepareStatement("UPDATE report_version SET status = ?, "
                    + "reviewed_by = ?, reviewed_at = ?, review_note = ? WHERE report_id = ? AND version = ? AND status = 'PENDING'")) {
                ps.setString(1, status.name());
                ps.setString(2, reviewer);
                Jdbc.setInstant(ps, 3, when);
                Jdbc.setString(ps, 4, note);
                ps.setLong(5, reportId);
                ps.setInt(6, version);
                if (ps.executeUpdate() == 1) return null;
            }
            List<ReportVersion> found = Jdbc.list(store.connection(), "SELECT " + VERSION_COLUMNS + " FROM report_version "
                    + "WHERE report_id = ? AND version = ?", ps -> {
                        ps.setLong(1, reportId);
                        ps.setInt(2, version);
                    }, ReportStore::readVersion);
            if (found.isEmpty()) throw new StoreNotFoundException("no version " + version + " of report " + reportId);
            throw new StoreConflictException("version " + version + " of report " + reportId + " is already "
                    + found.get(0).status() + " (by " + found.get(0).reviewedBy() + ")");
        });
        return version(reportId, version).orElseThrow();
    }

    private static String prefixed() {
        StringBuilder b = new StringBuilder();
        for (String c : VERSION_COLUMNS.split(", ")) b.append(b.length() == 0 ? "" : ", ").append("v.").append(c);
        return b.toString();
    }

    static Report readReport(ResultSet rs) throws SQLException {
        return new Report(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), Jdbc.getInstant(rs, 5));
    }

    static ReportVersion readVersion(ResultSet rs) throws SQLException {
        return new ReportVersion(rs.getLong(1), rs.getInt(2), rs.getString(3), Jdbc.getInstant(rs, 4), rs.getString(5),
                rs.getString(6), ReportStatus.valueOf(rs.getString(7)), rs.getString(8), Jdbc.getInstant(rs, 9),
                rs.getString(10));
    }

    /** The SHA-256 of some bytes as 64 lower-case hex digits. */
    static String sha256(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
