package io.relata.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Test support: where a store still holds given texts (removed records' ids), searched over every text column of
 * every table the schema has, so that a table added later is searched without anyone remembering to.
 */
public final class StoreTraces {
    /**
     * The tables that may keep the key of a record retention removed: the audit trail, the legal record of who
     * touched it and of its removal; and the reports with their disseminations and the accounting of disclosures
     * (which reports holding a person's data went to whom), records of their own that outlive the source records
     * they drew on, as the law asks of an accounting of disclosures; and the file of an individual's access request
     * (which records were found for it, what was released or withheld, its log), the record of how the request was
     * answered, which outlives the records it answered with for the same reason.
     */
    public static final Set<String> MAY_NAME_REMOVED_RECORDS = Set.of("audit_entry", "audit_object", "report_version",
            "dissemination", "dissemination_record", "access_candidate", "access_request_event");

    private StoreTraces() {
    }

    /**
     * Every {@code table.column: text} where a row of the store at {@code db} contains one of {@code texts}, tables
     * in {@code allowed} left out. Opens its own connection (an embedded store in this JVM may stay open).
     */
    public static List<String> find(String db, Collection<String> texts, Set<String> allowed) {
        StoreLocation location = StoreLocation.parse(db, System.getenv());
        List<String> found = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(location.url, location.properties())) {
            for (String[] column : textColumns(c)) {
                if (allowed.contains(column[0].toLowerCase(Locale.ROOT))) continue;
                String sql = "SELECT COUNT(*) FROM \"" + column[0] + "\" WHERE \"" + column[1] + "\" LIKE ? ESCAPE '!'";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (String text : texts) {
                        ps.setString(1, "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            if (rs.getLong(1) > 0) {
                                found.add(column[0].toLowerCase(Locale.ROOT) + "." + column[1].toLowerCase(Locale.ROOT) + ": " + text);
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot search " + location.describe() + ": " + e.getMessage(), e);
        }
        return found;
    }

    /** Every table (of the application's schema) with at least one text column; the one list the search walks. */
    public static List<String> tables(String db) {
        StoreLocation location = StoreLocation.parse(db, System.getenv());
        try (Connection c = DriverManager.getConnection(location.url, location.properties())) {
            return textColumns(c).stream().map(x -> x[0].toLowerCase(Locale.ROOT)).distinct().sorted().toList();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the schema of " + location.describe() + ": " + e.getMessage(), e);
        }
    }

    /** Every row of every table, as text, sorted per table: two snapshots are equal when nothing was written. */
    public static java.util.Map<String, List<String>> snapshot(String db) {
        StoreLocation location = StoreLocation.parse(db, System.getenv());
        java.util.Map<String, List<String>> out = new java.util.TreeMap<>();
        try (Connection c = DriverManager.getConnection(location.url, location.properties())) {
            List<String> tables = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT table_name FROM information_schema.tables WHERE "
                    + "LOWER(table_schema) = 'public' AND table_type IN ('BASE TABLE', 'TABLE')");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) tables.add(rs.getString(1));
            }
            for (String table : tables) {
                List<String> rows = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT * FROM \"" + table + "\"");
                     ResultSet rs = ps.executeQuery()) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= n; i++) row.append(rs.getString(i)).append('|');
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                out.put(table.toLowerCase(Locale.ROOT), rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + location.describe() + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** Sets when a source's records were loaded, as if they had been loaded then: to test retention without waiting. */
    public static void loadedAt(String db, String source, java.time.Instant at) {
        StoreLocation location = StoreLocation.parse(db, System.getenv());
        try (Connection c = DriverManager.getConnection(location.url, location.properties());
             PreparedStatement ps = c.prepareStatement("UPDATE record SET loaded_at = ? WHERE source = ?")) {
            c.setAutoCommit(true);
            Jdbc.setInstant(ps, 1, at);
            ps.setString(2, source);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot change " + location.describe() + ": " + e.getMessage(), e);
        }
    }

    private static List<String[]> textColumns(Connection c) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT c.table_name, c.column_name, c.data_type FROM "
                + "information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema AND "
                + "t.table_name = c.table_name WHERE LOWER(c.table_schema) = 'public' AND t.table_type IN ('BASE TABLE', "
                + "'TABLE') ORDER BY c.table_name, c.ordinal_position");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String type = rs.getString(3).toLowerCase(Locale.ROOT);
                if (type.startsWith("char") || type.equals("text") || type.startsWith("varchar")) {
                    out.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        return out;
    }
}
