package io.relata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relata.store.EmbeddedPostgresHolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code relata access-request find} end to end through the real command line, on a generated population loaded by
 * {@code relata ingest}: on H2 and on PostgreSQL, every record of several persons (by the generator's ground truth)
 * is listed for a search with their name and birth date, as SOURCE:ID with its score and explanation.
 */
class AccessRequestCliTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path shared;
    static Path generated;
    /** Per true person with three or more records: their records as the sources hold them. */
    static final Map<String, List<JsonNode>> persons = new LinkedHashMap<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() throws IOException {
        Cli.Run gen = Cli.run("generate", "-n", 1500, "--seed", 23, "-o", shared.resolve("gen/g"));
        assertThat(gen.exit()).as("%s", gen).isZero();
        generated = shared.resolve("gen/g.jsonl");
        Map<String, String> personOf = new java.util.HashMap<>();
        List<String> truth = Files.readAllLines(shared.resolve("gen/g.truth.csv"), StandardCharsets.UTF_8);
        for (String line : truth.subList(1, truth.size())) {
            String[] cells = line.split(",");
            personOf.put(cells[0] + ":" + cells[1], cells[2]);
        }
        for (String line : Files.readAllLines(generated, StandardCharsets.UTF_8)) {
            JsonNode r = JSON.readTree(line);
            if (!r.path("type").asText("PERSON").equals("PERSON")) continue;
            persons.computeIfAbsent(personOf.get(key(r)), k -> new ArrayList<>()).add(r);
        }
        persons.values().removeIf(records -> records.size() < 3);
    }

    static String key(JsonNode r) {
        return r.path("source").asText() + ":" + r.path("id").asText();
    }

    private String store(String backend) {
        return backend.equals("h2") ? dir.resolve("store").toString() : EmbeddedPostgresHolder.newDatabase();
    }

    private static Cli.Run ok(Object... args) {
        Cli.Run run = Cli.run(args);
        assertThat(run.exit()).as("%s", run).isZero();
        return run;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void findListsEveryRecordOfEachPersonWithScoreAndExplanation(String backend) throws IOException {
        String db = store(backend);
        ok("ingest", "--db", db, generated);
        int checked = 0;
        List<String> missed = new ArrayList<>();
        for (Map.Entry<String, List<JsonNode>> p : persons.entrySet()) {
            if (checked++ == 8) break;
            var requester = AccessRequestGeneratedPopulationTest.requester(p.getValue());
            List<Object> args = new ArrayList<>(List.of("access-request", "find", "--db", db, "--name", requester.names().get(0)));
            if (requester.dob() != null) args.addAll(List.of("--dob", requester.dob()));
            args.add("--json");
            JsonNode found = JSON.readTree(ok(args.toArray()).out());
            assertThat(found.isArray()).isTrue();
            Set<String> listed = new HashSet<>();
            for (JsonNode f : found) {
                listed.add(f.path("record").asText());
                assertThat(f.path("record").asText()).matches("[^:]+:.+");
                assertThat(f.path("entity").asLong()).isPositive();
                assertThat(f.path("score").isNumber()).isTrue();
                assertThat(f.path("outcome").asText()).isIn("MATCH", "POSSIBLE_MATCH", "POSSIBLY_RELATED", "NO_MATCH");
                assertThat(f.path("match_key").asText()).as("%s", f).matches("[+-][A-Z_]+.*");
                assertThat(f.path("explanation")).isNotEmpty().allSatisfy(e -> {
                    assertThat(e.has("feature") && e.has("level") && e.has("weight")).isTrue();
                });
            }
            for (int i = 1; i < found.size(); i++) {
                assertThat(found.get(i).path("score").asDouble()).isLessThanOrEqualTo(found.get(i - 1).path("score").asDouble());
            }
            for (JsonNode r : p.getValue()) if (!listed.contains(key(r))) missed.add(p.getKey() + " " + requester + ": " + key(r));
        }
        assertThat(checked).isGreaterThan(8);
        assertThat(missed).isEmpty();
    }

    @Test
    void theTextListingNamesEachRecordAsSourceAndIdWithItsScoreAndMatchKey() throws IOException {
        String db = dir.resolve("store").toString();
        ok("ingest", "--db", db, generated);
        Map.Entry<String, List<JsonNode>> p = persons.entrySet().iterator().next();
        var requester = AccessRequestGeneratedPopulationTest.requester(p.getValue());
        Cli.Run run = ok("access-request", "find", "--db", db, "--name", requester.names().get(0), "--dob", requester.dob());
        String[] lines = run.out().split("\n");
        assertThat(lines.length).isGreaterThanOrEqualTo(p.getValue().size());
        for (JsonNode r : p.getValue()) assertThat(run.out()).contains(key(r));
        assertThat(lines[0]).matches("\\S+:\\S+\\s+entity \\d+\\s+[+-]\\d+\\.\\d\\d\\s+\\S+\\s+[+-][A-Z].*\\(.*\\)");
        assertThat(run.err()).contains("candidate record(s)");

        Cli.Run none = Cli.run("access-request", "find", "--db", db);
        assertThat(none.exit()).isNotZero();
        assertThat(none.err()).contains("--name");
        assertThat(ok("access-request", "due-days", "--db", db).out()).contains("due 30 days");
        assertThat(ok("access-request", "due-days", "--db", db, "45").out()).contains("due 45 days");
        assertThat(Cli.run("access-request", "due-days", "--db", db, "0").exit()).isEqualTo(RelataCommand.INPUT_ERROR);
    }
}
