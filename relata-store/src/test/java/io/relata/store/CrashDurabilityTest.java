package io.relata.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** kill -9 right after a commit loses nothing committed, and keeps nothing uncommitted (embedded H2). */
class CrashDurabilityTest {
    @TempDir
    Path dir;

    @Test
    void aKilledWriterLeavesExactlyTheLastCommit() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName(), dir.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean committed = false;
            while ((line = out.readLine()) != null && !line.equals("PENDING")) committed |= line.equals("COMMITTED");
            assertThat(committed).as("the child committed").isTrue();
            assertThat(line).as("the child sent uncommitted rows").isEqualTo("PENDING");
        } finally {
            child.destroyForcibly(); // SIGKILL on Linux
            child.waitFor(20, TimeUnit.SECONDS);
        }
        assertThat(child.exitValue()).isEqualTo(137);
        try (RelataStore store = RelataStore.open(dir.toString())) {
            assertThat(store.counts().activeRecords()).isEqualTo(100);
        }
    }
}
