package io.relata.cli;

import io.relata.store.EmbeddedPostgresHolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a real {@code relata ingest} process (SIGKILL, as kill -9 does) in the middle of a load, then runs
 * the load again and checks that every record is stored exactly once and the entities are those of a load
 * that was never interrupted.
 */
class IngestCrashTest {
    private static final int RECORDS = 12_000;
    private static final Pattern PROGRESS = Pattern.compile("ingest: ([\\d,]+) read, ([\\d,]+) accepted");

    @TempDir
    static Path shared;
    static Path file;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() {
        Cli.Run gen = Cli.run("generate", "-n", RECORDS, "--seed", 9, "-o", shared.resolve("gen/c"));
        assertThat(gen.exit()).as("%s", gen).isZero();
        file = shared.resolve("gen/c.jsonl");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void a_load_killed_mid_way_completes_on_a_rerun_without_loss_or_duplicates(String backend) throws Exception {
        String db = backend.equals("h2") ? dir.resolve("store").toString() : EmbeddedPostgresHolder.newDatabase();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.relata.cli.RelataCommand",
                "ingest", "--db", db, "--batch", "500", "--log-every", "0", file.toString())
                .redirectErrorStream(true).start();
        long committed = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                Matcher m = PROGRESS.matcher(line);
                if (m.find()) committed = Long.parseLong(m.group(2).replace(",", ""));
                if (committed >= 2_000) break;
            }
            assertThat(committed).as("the child committed batches before it was killed").isGreaterThanOrEqualTo(2_000);
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no rollback, no clean close
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(committed).isLessThan(RECORDS);

        Cli.Run rerun = Cli.run("ingest", "--db", db, file);
        assertThat(rerun.exit()).as("%s", rerun).isZero();
        long unchanged = number(rerun.out(), "([\\d,]+) unchanged"), added = number(rerun.out(), "records: ([\\d,]+) new");
        assertThat(unchanged).as("what the killed run committed is kept").isGreaterThanOrEqualTo(committed);
        assertThat(unchanged + added).isEqualTo(RECORDS);

        Path clusters = dir.resolve("clusters.csv");
        assertThat(Cli.run("export", "--db", db, "--clusters", clusters).exit()).isZero();
        List<String> rows = Files.readAllLines(clusters);
        Set<String> records = new HashSet<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",");
            assertThat(records.add(cells[0] + ":" + cells[1])).as("stored once: %s", row).isTrue();
        }
        assertThat(records).hasSize(RECORDS);

        Path clean = dir.resolve("clean.csv");
        String cleanDb = dir.resolve("clean").toString();
        assertThat(Cli.run("ingest", "--db", cleanDb, file).exit()).isZero();
        assertThat(Cli.run("export", "--db", cleanDb, "--clusters", clean).exit()).isZero();
        assertThat(StoreEndToEndTest.agreement(clusters, clean)).isGreaterThanOrEqualTo(0.995);

        // nothing half-done: a second rerun finds every record stored and in place
        Cli.Run third = Cli.run("ingest", "--db", db, file);
        assertThat(number(third.out(), "([\\d,]+) unchanged")).isEqualTo(RECORDS);
    }

    private static long number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("'%s' in %s", regex, text).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }
}
