package io.relata.store;

import io.relata.core.model.RecordKey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Parameter and column conversions shared by the store's statements. */
final class Jdbc {
    private Jdbc() {}

    /** A statement body that may fail with an SQLException. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run() throws SQLException;
    }

    /** Sets a statement's parameters. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** Reads one row into a value. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Every row of a query, in the order the query gives. */
    static <T> List<T> list(Connection c, String sql, Binder binder, Row<T> row) throws SQLException {
        List<T> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(row.read(rs));
            }
        }
        return out;
    }

    /**
     * Runs an INSERT into a table whose first column is its identity {@code id} and returns the id generated.
     * (RETURN_GENERATED_KEYS rather than column names: H2 and PostgreSQL fold names differently.)
     */
    static long insertReturningId(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            binder.bind(ps);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) throw new SQLException("the database generated no id for: " + sql);
                return keys.getLong(1);
            }
        }
    }

    /** Both databases keep microseconds; the store truncates to them so that what is read back is what was written. */
    static Instant micros(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
    }

    static void setInstant(PreparedStatement ps, int i, Instant at) throws SQLException {
        if (at == null) ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        else ps.setObject(i, OffsetDateTime.ofInstant(micros(at), ZoneOffset.UTC));
    }

    static Instant getInstant(ResultSet rs, int col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static void setDate(PreparedStatement ps, int i, LocalDate day) throws SQLException {
        if (day == null) ps.setNull(i, Types.DATE);
        else ps.setObject(i, day);
    }

    static LocalDate getDate(ResultSet rs, int col) throws SQLException {
        return rs.getObject(col, LocalDate.class);
    }

    /** An id column where 0 means none: written as NULL. */
    static void setId(PreparedStatement ps, int i, long id) throws SQLException {
        if (id == 0) ps.setNull(i, Types.BIGINT);
        else ps.setLong(i, id);
    }

    /** An id column where NULL is read as 0. */
    static long getId(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? 0 : v;
    }

    static void setString(PreparedStatement ps, int i, String s) throws SQLException {
        if (s == null) ps.setNull(i, Types.VARCHAR);
        else ps.setString(i, s);
    }

    static void setKey(PreparedStatement ps, int i, RecordKey k) throws SQLException {
        ps.setString(i, k.source());
        ps.setString(i + 1, k.id());
    }

    static RecordKey getKey(ResultSet rs, int col) throws SQLException {
        String source = rs.getString(col);
        String id = rs.getString(col + 1);
        return source == null || id == null ? null : new RecordKey(source, id);
    }

    /** The most useful line of a failure: a batch's first underlying error rather than its echo of the SQL. */
    static String reason(SQLException e) {
        SQLException next = e.getNextException();
        String m = (next != null ? next : e).getMessage();
        return m == null ? e.getClass().getSimpleName() : m.strip();
    }
}
