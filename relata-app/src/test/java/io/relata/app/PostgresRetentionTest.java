package io.relata.app;

import io.relata.store.EmbeddedPostgresHolder;

/** Retention on a real PostgreSQL (embedded binaries, a fresh database per test). */
class PostgresRetentionTest extends RetentionContractTest {
    @Override
    String newDatabase() {
        return EmbeddedPostgresHolder.newDatabase();
    }
}
