package io.relata.store;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Retention's store contract on embedded H2. */
class H2RetentionStoreTest extends RetentionStoreContractTest {
    @TempDir
    Path dir;
    private int n;

    @Override
    String newDatabase() {
        return dir.resolve("store" + (n++)).toString();
    }
}
