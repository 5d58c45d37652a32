package io.relata.store;

/** Reports and disseminations on a real PostgreSQL. */
class PostgresReportStoreTest extends ReportStoreContractTest {
    @Override
    String newDatabase() {
        return EmbeddedPostgresHolder.newDatabase();
    }
}
