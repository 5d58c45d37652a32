package io.relata.store;

/** The store's contract on a real PostgreSQL (embedded binaries, a fresh database per test). */
class PostgresStoreTest extends StoreContractTest {
    @Override
    String newDatabase() {
        return EmbeddedPostgresHolder.newDatabase();
    }
}
