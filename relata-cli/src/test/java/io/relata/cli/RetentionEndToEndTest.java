package io.relata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relata.core.model.RecordKey;
import io.relata.store.EmbeddedPostgresHolder;
import io.relata.store.RelataStore;
import io.relata.store.StoreTraces;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code relata retention} and {@code relata case hold} as a user types them: periods, a dry run that changes
 * nothing, a hold that keeps a case's people, a run that leaves only its audit entry, the release of the hold.
 */
class RetentionEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> GONE = List.of("gone-anna", "gone-boris", "anna.gone@example.org", "boris.gone@example.org");

    @TempDir
    Path dir;

    private static Cli.Run ok(Object... args) {
        Cli.Run run = Cli.run(args);
        assertThat(run.exit()).as("%s", run).isZero();
        return run;
    }

    private static String person(String source, String id, String given, String surname, String dob, String extra) {
        return "{\"source\":\"" + source + "\",\"id\":\"" + id + "\",\"names\":[{\"given\":\"" + given + "\",\"surname\":\""
                + surname + "\"}],\"dob\":\"" + dob + "\"" + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void a_run_leaves_only_its_audit_entry_and_a_hold_keeps_a_cases_people_until_released(String backend) throws Exception {
        String db = backend.equals("h2") ? dir.resolve("store").toString() : EmbeddedPostgresHolder.newDatabase();
        Path key = dir.resolve("audit.key");
        Path fresh = Files.write(dir.resolve("new.jsonl"), List.of(person("NEW", "keep-anna", "Anna", "Kowalski", "1980-01-01",
                "\"identifiers\":[{\"type\":\"PASSPORT\",\"value\":\"X1234567\",\"country\":\"PL\"}]")), StandardCharsets.UTF_8);
        Path old = Files.write(dir.resolve("old.jsonl"), List.of(
                person("OLD", "gone-anna", "Anna", "Kowalski", "1980-01-01", "\"emails\":[\"anna.gone@example.org\"],"
                        + "\"identifiers\":[{\"type\":\"PASSPORT\",\"value\":\"X1234567\",\"country\":\"PL\"}]"),
                person("OLD", "gone-boris", "Boris", "Ivanov", "1975-02-02", "\"emails\":[\"boris.gone@example.org\"],"
                        + "\"relationships\":[{\"type\":\"SIBLING\",\"source\":\"NEW\",\"id\":\"keep-anna\"}]"),
                person("OLD", "held-clara", "Clara", "Novak", "1970-07-07",
                        "\"identifiers\":[{\"type\":\"PASSPORT\",\"value\":\"C7654321\",\"country\":\"CZ\"}]"),
                person("OLD", "held-klara", "Klara", "Novak", "1970-07-07",
                        "\"identifiers\":[{\"type\":\"PASSPORT\",\"value\":\"C7654321\",\"country\":\"CZ\"}]")), StandardCharsets.UTF_8);
        ok("ingest", "--db", db, fresh);
        ok("ingest", "--db", db, old);
        assertThat(ok("retention", "period", "--db", db, "--audit-key", key, "--analyst", "admin", "OLD", "30").out())
                .contains("source OLD: records kept 30 days from their load");
        ok("retention", "period", "--db", db, "--audit-key", key, "--analyst", "admin", "NEW", "none");
        assertThat(Cli.run("retention", "period", "--db", db, "--audit-key", key, "NEW", "soon").err()).contains("number of days");
        ok("case", "create", "--db", db, "--analyst", "sam", "Harbor");
        try (RelataStore s = RelataStore.open(db)) {
            long harbor = s.cases().byName("Harbor").orElseThrow().id();
            s.cases().addSubjects(harbor, List.of(new RecordKey("OLD", "held-clara")), "sam", "witness", null);
        }
        StoreTraces.loadedAt(db, "OLD", Instant.now().minus(45, ChronoUnit.DAYS));

        Cli.Run hold = ok("case", "hold", "--db", db, "--audit-key", key, "--analyst", "sam", "Harbor", "--reason", "litigation notice 2026-3");
        assertThat(hold.out()).contains("Harbor: under legal hold since").contains("by sam: litigation notice 2026-3");
        assertThat(ok("case", "list", "--db", db).out()).contains("[legal hold]");

        // a dry run, even as of a later day, changes nothing; a real run as of a later day is refused
        Map<String, List<String>> before = StoreTraces.snapshot(db);
        JsonNode dry = JSON.readTree(ok("retention", "run", "--db", db, "--dry-run", "--json").out());
        assertThat(dry.path("dry_run").asBoolean()).isTrue();
        assertThat(dry.path("removed").asInt()).isEqualTo(2);
        assertThat(dry.path("held").asInt()).isEqualTo(2);
        assertThat(dry.path("records")).extracting(JsonNode::asText).containsExactly("OLD:gone-anna", "OLD:gone-boris");
        JsonNode oldSource = sourceOf(dry, "OLD");
        assertThat(oldSource.path("retention_days").asInt()).isEqualTo(30);
        assertThat(oldSource.path("expired").asInt()).isEqualTo(4);
        assertThat(sourceOf(dry, "NEW").path("retention_days").isNull()).isTrue();
        String later = LocalDate.now(ZoneOffset.UTC).plusDays(3).toString();
        assertThat(ok("retention", "run", "--db", db, "--dry-run", "--as-of", later).out())
                .contains("(dry run: nothing changed)").contains("would remove 2 records; 2 kept under legal hold");
        Cli.Run early = Cli.run("retention", "run", "--db", db, "--audit-key", key, "--as-of", later);
        assertThat(early.exit()).as("%s", early).isEqualTo(RelataCommand.INPUT_ERROR);
        assertThat(early.err()).contains("only for a dry run");
        assertThat(StoreTraces.snapshot(db)).as("not even the audit trail").isEqualTo(before);

        // the run: only its audit entry names the expired records afterwards
        assertThat(StoreTraces.find(db, GONE, StoreTraces.MAY_NAME_REMOVED_RECORDS)).isNotEmpty();
        Cli.Run run = ok("retention", "run", "--db", db, "--audit-key", key, "--analyst", "priv");
        assertThat(run.out()).contains("removed 2 records; 2 kept under legal hold; ").contains("1 retired");
        assertThat(StoreTraces.find(db, GONE, StoreTraces.MAY_NAME_REMOVED_RECORDS)).isEmpty();
        List<JsonNode> runs = auditJson(ok("audit", "who", "--db", db, "--object", "retention:run", "--json").out());
        assertThat(runs).hasSize(1);
        JsonNode entry = runs.get(0);
        assertThat(entry.path("outcome").asText()).isEqualTo("ALLOWED");
        assertThat(entry.path("action").asText()).isEqualTo("retention.run");
        assertThat(entry.path("actor").asText()).isEqualTo("priv");
        assertThat(entry.path("detail").asText()).contains("OLD (30 days): 2 removed, 4 expired, 2 held").contains("sha256 ");
        assertThat(entry.path("objects").toString()).contains("record:OLD:gone-anna", "record:OLD:gone-boris");
        assertThat(ok("audit", "verify", "--db", db, "--key", key).exit()).isZero();

        assertThat(ok("search", "--db", db, "--name", "Boris Ivanov", "--dob", "1975-02-02").out()).doesNotContain("gone-boris");
        assertThat(ok("entity", "--db", db, "--record", "NEW:keep-anna").out()).contains("NEW:keep-anna").doesNotContain("gone-anna");
        assertThat(Cli.run("entity", "--db", db, "--record", "OLD:gone-anna").exit()).isNotZero();

        // released, the hold no longer keeps anyone
        assertThat(ok("case", "release-hold", "--db", db, "--audit-key", key, "--analyst", "sam", "Harbor", "--reason", "settled").out())
                .contains("legal hold released");
        assertThat(ok("case", "list", "--db", db).out()).doesNotContain("[legal hold]");
        assertThat(Cli.run("case", "release-hold", "--db", db, "--audit-key", key, "Harbor").err()).contains("not under legal hold");
        assertThat(ok("retention", "run", "--db", db, "--audit-key", key, "--analyst", "priv").out()).contains("removed 2 records; 0 kept");
        assertThat(StoreTraces.find(db, List.of("held-clara", "held-klara"), StoreTraces.MAY_NAME_REMOVED_RECORDS)).isEmpty();
        String sam = ok("audit", "activity", "--db", db, "--actor", "sam").out();
        assertThat(sam).contains("case.hold.set").contains("case.hold.release").contains("litigation notice 2026-3");
    }

    private static JsonNode sourceOf(JsonNode run, String source) {
        for (JsonNode s : run.path("sources")) if (s.path("source").asText().equals(source)) return s;
        throw new AssertionError("no source " + source + " in " + run);
    }

    private static List<JsonNode> auditJson(String lines) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : lines.split("\n")) if (!line.isBlank()) out.add(JSON.readTree(line));
        return out;
    }
}
