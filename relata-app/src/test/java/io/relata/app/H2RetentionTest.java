package io.relata.app;

/** Retention on embedded H2. */
class H2RetentionTest extends RetentionContractTest {
    @Override
    String newDatabase() {
        return dir.resolve("store").toString();
    }
}
