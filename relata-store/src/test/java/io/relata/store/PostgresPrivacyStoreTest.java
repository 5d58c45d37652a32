package io.relata.store;

/** Access requests and corrections on a real PostgreSQL. */
class PostgresPrivacyStoreTest extends PrivacyStoreContractTest {
    @Override
    String newDatabase() {
        return EmbeddedPostgresHolder.newDatabase();
    }
}
