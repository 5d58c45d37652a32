package io.relata.store;

/** Retention's store contract on a real PostgreSQL (embedded binaries, a fresh database per test). */
class PostgresRetentionStoreTest extends RetentionStoreContractTest {
    @Override
    String newDatabase() {
        return EmbeddedPostgresHolder.newDatabase();
    }
}
