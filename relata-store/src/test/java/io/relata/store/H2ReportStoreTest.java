package io.relata.store;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Reports and disseminations on embedded H2. */
class H2ReportStoreTest extends ReportStoreContractTest {
    @TempDir
    Path dir;
    private int n;

    @Override
    String newDatabase() {
        return dir.resolve("store" + (n++)).toString();
    }
}
