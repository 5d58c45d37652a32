package io.relata.store;

import io.relata.core.model.RecordKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a store is found from what the user typed, and what the user is told when it cannot be opened. */
class StoreOpeningTest {
    @TempDir
    Path dir;

    @Test
    void opensAnInMemoryH2UrlPrivateOrNamed() {
        for (String url : new String[] {"jdbc:h2:mem:", "jdbc:h2:mem:opening;DB_CLOSE_DELAY=-1"}) {
            try (RelataStore store = RelataStore.open(url)) {
                try (StoreBatch b = store.begin()) {
                    b.insertRecord(new StoredRecord(new RecordKey("S", "1"), 1, "{}", "{}", 0), Instant.EPOCH);
                    b.commit();
                }
                assertThat(store.counts().activeRecords()).isEqualTo(1);
                assertThat(store.describe()).isEqualTo(url);
                assertThat(store.sizeBytes()).isEqualTo(-1);
            }
        }
    }

    @Test
    void aDirectoryIsCreatedAndHoldsAnH2File() {
        Path where = dir.resolve("a/b");
        try (RelataStore store = RelataStore.open(where.toString())) {
            assertThat(store.describe()).startsWith("jdbc:h2:file:" + where.toAbsolutePath() + "/relata;");
        }
        assertThat(Files.exists(where.resolve("relata.mv.db"))).isTrue();
    }

    @Test
    void anH2FileUrlIsMadeDurableUnlessItSaysOtherwise() {
        assertThat(StoreLocation.parse("jdbc:h2:file:/x/db;CACHE_SIZE=1", Map.of()).url)
                .isEqualTo("jdbc:h2:file:/x/db;CACHE_SIZE=1;WRITE_DELAY=0");
        assertThat(StoreLocation.parse("jdbc:h2:/x/db;write_delay=100", Map.of()).url).isEqualTo("jdbc:h2:/x/db;write_delay=100");
        assertThat(StoreLocation.parse("jdbc:h2:mem:m", Map.of()).url).isEqualTo("jdbc:h2:mem:m");
    }

    @Test
    void nothingMeansTheDefaultDirectory() {
        StoreLocation l = StoreLocation.parse("  ", Map.of());
        assertThat(l.url).startsWith("jdbc:h2:file:" + Path.of("relata-data").toAbsolutePath() + "/relata;");
        assertThat(l.url).contains("WRITE_DELAY=0").doesNotContain("LOG=0");
        assertThat(StoreLocation.parse(null, Map.of()).url).isEqualTo(l.url);
    }

    @Test
    void anUnsupportedUrlIsRefusedClearly() {
        assertThatThrownBy(() -> RelataStore.open("jdbc:mysql://localhost/x?password=hunter2"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("only H2 (jdbc:h2:...) and PostgreSQL")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void anUnreachableDatabaseIsReportedWithoutItsPassword() {
        assertThatThrownBy(() -> RelataStore.open("jdbc:postgresql://127.0.0.1:1/nodb?user=u&password=hunter2&connectTimeout=2"))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot open the store at jdbc:postgresql://127.0.0.1:1/nodb?user=u&password=***")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aBadH2UrlIsReported() {
        assertThatThrownBy(() -> RelataStore.open("jdbc:h2:mem:x;NO_SUCH_SETTING=1"))
                .isInstanceOf(StoreException.class).hasMessageContaining("cannot open the store at jdbc:h2:mem:x");
    }

    @Test
    void credentialsComeFromTheUrlOrElseTheEnvironment() {
        Map<String, String> env = Map.of("RELATA_DB_USER", "relata", "RELATA_DB_PASSWORD", "s3cret");
        StoreLocation fromEnv = StoreLocation.parse("jdbc:postgresql://db/relata", env);
        assertThat(fromEnv.properties()).containsEntry("user", "relata").containsEntry("password", "s3cret");
        assertThat(fromEnv.describe()).isEqualTo("jdbc:postgresql://db/relata");

        StoreLocation inUrl = StoreLocation.parse("jdbc:postgresql://db/relata?user=me&password=pw", env);
        assertThat(inUrl.properties()).doesNotContainKeys("user", "password");
        assertThat(inUrl.describe()).isEqualTo("jdbc:postgresql://db/relata?user=me&password=***");
        assertThat(StoreLocation.redact("jdbc:h2:file:/x;USER=sa;PASSWORD=pw;CACHE_SIZE=1"))
                .isEqualTo("jdbc:h2:file:/x;USER=sa;PASSWORD=***;CACHE_SIZE=1");
    }

    @Test
    void aSecondProcessOnTheSameDirectoryIsToldWhy() {
        // the same JVM cannot lock itself out, so this only checks the closed-store message
        RelataStore store = RelataStore.open(dir.toString());
        store.close();
        assertThatThrownBy(store::counts).isInstanceOf(StoreException.class).hasMessageContaining("is closed");
    }
}
