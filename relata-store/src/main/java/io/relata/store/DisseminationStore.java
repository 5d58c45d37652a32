package io.relata.store;

import io.relata.core.model.RecordKey;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Report versions sent to partner organizations ({@link RelataStore#disseminations()}), with the copy each recipient
 * received and the records whose data it held: the accounting of disclosures. Each change is its own transaction.
 */
public final class DisseminationStore {
    public static final int MAX_ORGANIZATION_LENGTH = 200;
    public static final int MAX_PURPOSE_LENGTH = 1000;
    public static final int MAX_AGREEMENT_LENGTH = 500;
    public static final int MAX_REASON_LENGTH = 2000;
    private static final String SELECT = "SELECT d.id, d.report_id, r.case_id, r.title, d.version, d.organization, "
            + "d.purpose, d.agreement, d.sent_by, d.sent_at, d.pdf_sha256, d.html_sha256, d.revoked_by, d.revoked_at, "
            + "d.revoke_reason FROM dissemination d JOIN report r ON r.id = d.report_id ";
    private static final int KEYS_PER_QUERY = 200;

    private final RelataStore store;

    DisseminationStore(RelataStore store) {
        this.store = store;
    }

    /**
     * Records that an APPROVED version goes to {@code organization}; {@code render} makes the recipient's copy once
     * the dissemination has its id (the copy's watermark names it). The copy, its digests and its records are written
     * in the same transaction, so {@code render} must not use the store (a read would end the transaction). A version
     * that is not APPROVED is a {@link StoreConflictException}.
     */
    public Dissemination create(long reportId, int version, String organization, String purpose, String agreement,
                                String sentBy, Instant at, LongFunction<DisseminationCopy> render) {
        Checks.text(organization, "the recipient organization", MAX_ORGANIZATION_LENGTH);
        Checks.text(purpose, "the purpose of a dissemination", MAX_PURPOSE_LENGTH);
        Checks.text(agreement, "the sharing agreement of a dissemination", MAX_AGREEMENT_LENGTH);
        Checks.text(sentBy, "the sender", UserStore.MAX_USERNAME_LENGTH);
        Instant when = Jdbc.micros(at == null ? Instant.now() : at);
        long id = store.write("a dissemination of report " + reportId, () -> {
            List<String> status = Jdbc.list(store.connection(), "SELECT status FROM report_version WHERE report_id = ? "
                    + "AND version = ?", ps -> {
                        ps.setLong(1, reportId);
                        ps.setInt(2, version);
                    }, rs -> rs.getString(1));
            if (status.isEmpty()) throw new StoreNotFoundException("no version " + version + " of report " + reportId);
            if (!status.get(0).equals(ReportStatus.APPROVED.name())) {
                throw new StoreConflictException("version " + version + " of report " + reportId + " is "
                        + status.get(0) + ": only an approved version may be disseminated");
            }
            long created = Jdbc.insertReturningId(store.connection(), "INSERT INTO dissemination (report_id, version, "
                    + "organization, purpose, agreement, sent_by, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?)", ps -> {
                        ps.setLong(1, reportId);
                        ps.setInt(2, version);
                        ps.setString(3, organization);
                        ps.setString(4, purpose);
                        ps.setString(5, agreement);
                        ps.setString(6, sentBy);
                        Jdbc.setInstant(ps, 7, when);
                    });
            DisseminationCopy copy = render.apply(created);
            try (PreparedStatement ps = store.connection().prepareStatement("UPDATE dissemination SET content = ?, "
                    + "pdf = ?, pdf_sha256 = ?, html = ?, html_sha256 = ? WHERE id = ?")) {
                ps.setString(1, copy.content());
                ps.setBytes(2, copy.pdf());
                ps.setString(3, ReportStore.sha256(copy.pdf()));
                ps.setBytes(4, copy.html());
                ps.setString(5, ReportStore.sha256(copy.html()));
                ps.setLong(6, created);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = store.connection().prepareStatement("INSERT INTO dissemination_record "
                    + "(dissemination_id, source, source_id) VALUES (?, ?, ?)")) {
                for (RecordKey k : copy.records()) {
                    ps.setLong(1, created);
                    Jdbc.setKey(ps, 2, k);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return created;
        });
        return get(id).orElseThrow();
    }

    public Optional<Dissemination> get(long id) {
        return store.read("dissemination " + id, () -> Jdbc.list(store.connection(), SELECT + "WHERE d.id = ?",
                ps -> ps.setLong(1, id), DisseminationStore::read)).stream().findFirst();
    }

    /** The copy a dissemination sent; empty when there is no such dissemination. */
    public Optional<DisseminationCopy> copy(long id) {
        return store.read("the copy of dissemination " + id, () -> {
            List<DisseminationCopy> found = Jdbc.list(store.connection(), "SELECT content, pdf, html FROM dissemination "
                    + "WHERE id = ?", ps -> ps.setLong(1, id), rs -> new DisseminationCopy(rs.getString(1), rs.getBytes(2),
                    rs.getBytes(3), new java.util.TreeSet<>()));
            if (found.isEmpty()) return Optional.<DisseminationCopy>empty();
            List<RecordKey> records = Jdbc.list(store.connection(), "SELECT source, source_id FROM dissemination_record "
                    + "WHERE dissemination_id = ?", ps -> ps.setLong(1, id), rs -> Jdbc.getKey(rs, 1));
            found.get(0).records().addAll(records);
            return Optional.of(found.get(0));
        });
    }

    /** What was sent to an organization and not revoked, newest first: a partner's inbox. */
    public List<Dissemination> toOrganization(String organization) {
        return store.read("the disseminations to " + organization, () -> Jdbc.list(store.connection(), SELECT
                + "WHERE d.organization = ? AND d.revoked_at IS NULL ORDER BY d.id DESC", ps -> ps.setString(1, organization),
                DisseminationStore::read));
    }

    /** Every dissemination of a case's reports, revoked ones too, newest first. */
    public List<Dissemination> ofCase(long caseId) {
        return store.read("the disseminations of case " + caseId, () -> Jdbc.list(store.connection(), SELECT
                + "WHERE r.case_id = ? ORDER BY d.id DESC", ps -> ps.setLong(1, caseId), DisseminationStore::read));
    }

    /** Revokes a dissemination, once: the recipient no longer sees it. Revoking twice is a {@link StoreConflictException}. */
    public Dissemination revoke(long id, String by, String reason, Instant at) {
        Checks.text(by, "who revokes", UserStore.MAX_USERNAME_LENGTH);
        Checks.text(reason, "the reason for revoking", MAX_REASON_LENGTH);
        Instant when = Jdbc.micros(at == null ? Instant.now() : at);
        store.write("the revocation of dissemination " + id, () -> {
            try (PreparedStatement ps = store.connection().prepareStatement("UPDATE dissemination SET revoked_by = ?, "
                    + "revoked_at = ?, revoke_reason = ? WHERE id = ? AND revoked_at IS NULL")) {
                ps.setString(1, by);
                Jdbc.setInstant(ps, 2, when);
                ps.setString(3, reason);
                ps.setLong(4, id);
                if (ps.executeUpdate() == 1) return null;
            }
            try (PreparedStatement ps = store.connection().prepareStatement("SELECT 1 FROM dissemination WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) throw new StoreNotFoundException("no dissemination " + id);
                }
            }
            throw new StoreConflictException("dissemination " + id + " is already revoked");
        });
        return get(id).orElseThrow();
    }

    /**
     * The disseminations whose copies held any of these records, oldest first, each with those of the records it
     * held: who received a person's data (revoked ones too: a revocation does not unsend a copy).
     */
    public List<Disclosure> holding(Collection<RecordKey> records) {
        if (records.isEmpty()) return List.of();
        return store.read("the disseminations holding " + records.size() + " records", () -> {
            Map<Long, List<RecordKey>> held = new LinkedHashMap<>();
            List<RecordKey> keys = new ArrayList<>(records);
            for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
                List<RecordKey> chunk = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_QUERY));
                StringBuilder sql = new StringBuilder("SELECT dissemination_id, source, source_id FROM dissemination_record WHERE ");
                for (int i = 0; i < chunk.size(); i++) sql.append(i == 0 ? "" : " OR ").append("(source = ? AND source_id = ?)");
                for (Object[] row : Jdbc.list(store.connection(), sql.toString(), ps -> {
                    for (int i = 0; i < chunk.size(); i++) Jdbc.setKey(ps, 1 + 2 * i, chunk.get(i));
                }, rs -> new Object[] {rs.getLong(1), Jdbc.getKey(rs, 2)})) {
                    held.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((RecordKey) row[1]);
                }
            }
            List<Disclosure> out = new ArrayList<>();
            for (long id : held.keySet().stream().sorted().toList()) {
                List<Dissemination> d = Jdbc.list(store.connection(), SELECT + "WHERE d.id = ?", ps -> ps.setLong(1, id),
                        DisseminationStore::read);
                List<RecordKey> keysHeld = new ArrayList<>(held.get(id));
                keysHeld.sort(null);
                out.add(new Disclosure(d.get(0), List.copyOf(keysHeld)));
            }
            return out;
        });
    }

    private static Dissemination read(ResultSet rs) throws SQLException {
        return new Dissemination(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getInt(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), Jdbc.getInstant(rs, 10),
                rs.getString(11), rs.getString(12), rs.getString(13), Jdbc.getInstant(rs, 14), rs.getString(15));
    }
}
