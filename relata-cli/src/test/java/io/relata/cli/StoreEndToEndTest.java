package io.relata.cli;

import io.relata.core.evaluate.ClusterMetrics;
import io.relata.core.evaluate.GroundTruth;
import io.relata.core.model.RecordKey;
import io.relata.store.EmbeddedPostgresHolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The living store end to end through the real command line, each test on the embedded H2 store and on a
 * real PostgreSQL server: loads, reloads, withdrawals, merges, rulings, order independence and rejects.
 */
class StoreEndToEndTest {
    @TempDir
    static Path shared;
    static Path generated, generatedTruth;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() {
        Cli.Run gen = Cli.run("generate", "-n", 1500, "--seed", 5, "-o", shared.resolve("gen/g"));
        assertThat(gen.exit()).as("%s", gen).isZero();
        generated = shared.resolve("gen/g.jsonl");
        generatedTruth = shared.resolve("gen/g.truth.csv");
    }

    /** A fresh store on the backend: a directory for H2, a new database on the PostgreSQL server. */
    private String store(String backend) {
        return backend.equals("h2") ? dir.resolve("store").toString() : EmbeddedPostgresHolder.newDatabase();
    }

    private static Cli.Run ok(Object... args) {
        Cli.Run run = Cli.run(args);
        assertThat(run.exit()).as("%s", run).isZero();
        return run;
    }

    private static long count(Cli.Run run, String regex) {
        Matcher m = Pattern.compile(regex).matcher(run.out());
        assertThat(m.find()).as("'%s' in %s", regex, run).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    private Path export(String db, String name) {
        Path out = dir.resolve(name + ".csv");
        ok("export", "--db", db, "--clusters", out);
        return out;
    }

    private Path write(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines), StandardCharsets.UTF_8);
    }

    /** B-cubed F1 of one clustering against another, over the records of the second. */
    static double agreement(Path clusters, Path reference) {
        GroundTruth a = GroundTruth.load(clusters), b = GroundTruth.load(reference);
        List<RecordKey> keys = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(reference).subList(1, Files.readAllLines(reference).size())) {
                String[] cells = line.split(",");
                keys.add(new RecordKey(cells[0], cells[1]));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ClusterMetrics.evaluate(a.labels(keys), b.labels(keys)).bcubed().f1();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void a_reload_of_the_same_file_changes_nothing(String backend) {
        String db = store(backend);
        Cli.Run first = ok("ingest", "--db", db, generated);
        assertThat(count(first, "read ([\\d,]+)")).isEqualTo(1500);
        assertThat(count(first, "records: ([\\d,]+) new")).isEqualTo(1500);
        Path before = export(db, "before");

        Cli.Run again = ok("ingest", "--db", db, generated);
        assertThat(count(again, "([\\d,]+) unchanged")).isEqualTo(1500);
        assertThat(count(again, "records: ([\\d,]+) new")).isZero();
        assertThat(count(again, "entities: ([\\d,]+) created")).isZero();
        assertThat(export(db, "after")).hasSameTextualContentAs(before);
        assertThat(agreement(before, generatedTruth)).as("accuracy of the live load").isGreaterThan(0.9);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void the_same_records_in_another_order_make_the_same_entities_as_a_batch(String backend) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(generated));
        Collections.shuffle(lines, new Random(11));
        Path shuffled = Files.write(dir.resolve("shuffled.jsonl"), lines);
        String inOrder = store(backend), reversed = backend.equals("h2") ? dir.resolve("other").toString() : store(backend);
        ok("ingest", "--db", inOrder, generated);
        ok("ingest", "--db", reversed, shuffled);
        Path a = export(inOrder, "a"), b = export(reversed, "b"), batch = dir.resolve("batch.csv");
        ok("resolve", "--fixed-u", "--exhaustive-pairs", 0, "-o", batch, generated); // blocked, as the store is
        assertThat(agreement(a, b)).isGreaterThanOrEqualTo(0.995);
        assertThat(agreement(a, batch)).isGreaterThanOrEqualTo(0.995);
    }

    private static final String X1 = "{\"source\":\"S\",\"id\":\"x1\",\"names\":[{\"given\":\"Teodor\",\"surname\":\"Vasquez\"}],"
            + "\"dob\":\"1966-09-12\",\"phones\":[\"312 555 0101\"],\"identifiers\":[{\"type\":\"PASSPORT\",\"value\":\"P1111111\"}]}";
    private static final String X2 = "{\"source\":\"T\",\"id\":\"x2\",\"names\":[{\"given\":\"Teodor\",\"surname\":\"Vasquez\"}],"
            + "\"dob\":\"1966-09-12\",\"phones\":[\"312 555 0101\"],\"identifiers\":[{\"type\":\"PASSPORT\",\"value\":\"P1111111\"}]}";
    private static final String Y1 = "{\"source\":\"U\",\"id\":\"y1\",\"names\":[{\"given\":\"T\",\"surname\":\"Vasquez\"}],"
            + "\"emails\":[\"teo.vasquez@example.net\"],\"addresses\":[{\"full\":\"9 Quay Lane, Dover CT16 1AA\"}]}";
    private static final String BRIDGE = "{\"source\":\"B\",\"id\":\"b\",\"names\":[{\"given\":\"Teodor\",\"surname\":\"Vasquez\"}],"
            + "\"dob\":\"1966-09-12\",\"phones\":[\"312 555 0101\"],\"emails\":[\"teo.vasquez@example.net\"]}";

    private static long entityOf(String db, String record) {
        Cli.Run e = ok("entity", "--db", db, "--record", record);
        return count(e, "entity (\\d+):");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void a_bridging_record_merges_into_the_larger_entity_and_its_withdrawal_splits_it_again(String backend) throws IOException {
        String db = store(backend);
        ok("ingest", "--db", db, write("xs.jsonl", X1, X2, Y1));
        long xs = entityOf(db, "S:x1"), y = entityOf(db, "U:y1");
        assertThat(entityOf(db, "T:x2")).isEqualTo(xs);
        assertThat(y).isNotEqualTo(xs);

        Cli.Run merge = ok("ingest", "--db", db, write("bridge.jsonl", BRIDGE));
        assertThat(count(merge, "([\\d,]+) merged")).isEqualTo(1);
        assertThat(entityOf(db, "U:y1")).as("the larger entity survives").isEqualTo(xs);
        assertThat(entityOf(db, "B:b")).isEqualTo(xs);
        Cli.Run retired = ok("entity", "--db", db, "--id", y);
        assertThat(retired.out()).contains("retired").contains("MERGED_INTO").contains("entity " + xs);

        Cli.Run split = ok("delete", "--db", db, "--source", "B", "--id", "b");
        assertThat(split.out()).contains("SPLIT");
        assertThat(entityOf(db, "S:x1")).as("the larger part keeps the id").isEqualTo(xs);
        assertThat(entityOf(db, "U:y1")).isNotEqualTo(xs);
        Cli.Run gone = Cli.run("entity", "--db", db, "--record", "B:b");
        assertThat(gone.exit()).isEqualTo(2);
        assertThat(gone.err()).contains("no active record B:b");
        Cli.Run history = ok("entity", "--db", db, "--id", xs);
        assertThat(history.out()).contains("CREATED").contains("MERGED").contains("RECORD_REMOVED").contains("SPLIT");

        // the withdrawn record comes back with a reload
        Cli.Run back = ok("ingest", "--db", db, write("bridge2.jsonl", BRIDGE));
        assertThat(count(back, "records: ([\\d,]+) new")).isEqualTo(1);
        assertThat(entityOf(db, "U:y1")).isEqualTo(entityOf(db, "S:x1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void analysts_rulings_hold_through_reloads_and_changes(String backend) throws IOException {
        String db = store(backend);
        Path file = write("xs.jsonl", X1, X2, Y1);
        ok("ingest", "--db", db, file);
        ok("decide", "--db", db, "--different", "S:x1", "T:x2", "--reason", "twins per birth registry", "--analyst", "ana");
        assertThat(entityOf(db, "S:x1")).isNotEqualTo(entityOf(db, "T:x2"));
        ok("decide", "--db", db, "--same", "S:x1", "U:y1", "--reason", "same e-mail in the case file", "--analyst", "ana");
        assertThat(entityOf(db, "S:x1")).isEqualTo(entityOf(db, "U:y1"));

        ok("ingest", "--db", db, file);
        String x2Changed = X2.replace("312 555 0101", "312 555 0199");
        Cli.Run changed = ok("ingest", "--db", db, write("x2.jsonl", x2Changed));
        assertThat(count(changed, "([\\d,]+) changed")).isEqualTo(1);
        assertThat(entityOf(db, "S:x1")).isNotEqualTo(entityOf(db, "T:x2"));
        assertThat(entityOf(db, "S:x1")).isEqualTo(entityOf(db, "U:y1"));

        Cli.Run missing = Cli.run("decide", "--db", db, "--same", "S:x1", "S:nope", "--reason", "r", "--analyst", "ana");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no record S:nope");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void every_rejected_record_is_reported_and_counted(String backend) throws IOException {
        String db = store(backend);
        Path rejects = dir.resolve("rejects.csv");
        Path file = write("mixed.jsonl", X1, "{\"source\":\"S\"}", X2, "not json", Y1);
        Cli.Run run = ok("ingest", "--db", db, "--rejects", rejects, file);
        assertThat(count(run, "read ([\\d,]+)")).isEqualTo(5);
        assertThat(count(run, "accepted ([\\d,]+)")).isEqualTo(3);
        assertThat(count(run, "rejected ([\\d,]+)")).isEqualTo(2);
        List<String> rows = Files.readAllLines(rejects);
        assertThat(rows).hasSize(3); // header and two rejects
        assertThat(rows.get(1)).contains("mixed.jsonl").contains(",2,");
        assertThat(rows.get(2)).contains(",4,");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void search_finds_an_entity_from_a_misspelled_name_and_a_reformatted_date(String backend) throws IOException {
        String db = store(backend);
        ok("ingest", "--db", db, write("xs.jsonl", X1, X2, Y1));
        Cli.Run hits = ok("search", "--db", db, "--name", "Teodoro Vazquez", "--dob", "12/09/1966");
        assertThat(hits.out().lines().findFirst().orElseThrow()).contains("entity " + entityOf(db, "S:x1"));
        Cli.Run none = Cli.run("search", "--db", db, "--dob", "12/09/1966");
        assertThat(none.exit()).isEqualTo(2);
    }
}
