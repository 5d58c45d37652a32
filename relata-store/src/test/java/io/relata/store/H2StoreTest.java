package io.relata.store;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The store's contract on embedded H2 (a store directory). */
class H2StoreTest extends StoreContractTest {
    @TempDir
    Path dir;
    private int n;

    @Override
    String newDatabase() {
        return dir.resolve("store" + (n++)).toString();
    }
}
