package io.relata.store;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Access requests and corrections on embedded H2. */
class H2PrivacyStoreTest extends PrivacyStoreContractTest {
    @TempDir
    Path dir;
    private int n;

    @Override
    String newDatabase() {
        return dir.resolve("store" + (n++)).toString();
    }
}
