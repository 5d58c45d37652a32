package io.relata.app.audit;

import io.relata.store.EmbeddedPostgresHolder;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The audit trail on a real PostgreSQL (embedded binaries, a fresh database per test). */
class PostgresAuditTrailTest extends AuditTrailTest {
    @Override
    String newDatabase() {
        return EmbeddedPostgresHolder.newDatabase();
    }

    @Override
    Connection connect(String db) throws SQLException {
        return DriverManager.getConnection(db);
    }
}
