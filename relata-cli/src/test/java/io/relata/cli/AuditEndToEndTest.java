package io.relata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relata.app.audit.AuditEvent;
import io.relata.app.audit.AuditEvent.Outcome;
import io.relata.app.audit.AuditKey;
import io.relata.app.audit.AuditTrail;
import io.relata.store.EmbeddedPostgresHolder;
import io.relata.store.RelataStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit commands through the real command line, on H2 and PostgreSQL: a trail written as the server would
 * write it, verified, queried and exported, then tampered with in the database and verified again.
 */
class AuditEndToEndTest {
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    Path dir;

    private String store(String backend) {
        return backend.equals("h2") ? dir.resolve("store").toString() : EmbeddedPostgresHolder.newDatabase();
    }

    private Connection connect(String backend, String db) throws Exception {
        return backend.equals("h2") ? DriverManager.getConnection("jdbc:h2:file:" + Path.of(db).resolve("relata"), "sa", "")
                : DriverManager.getConnection(db);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void verifiesQueriesAndFindsTampering(String backend) throws Exception {
        String db = store(backend);
        // the key next to an embedded store by default; a PostgreSQL store names it (here with --key)
        Path key = backend.equals("h2") ? AuditKey.defaultFile(db, java.util.Map.of()) : dir.resolve("pg-audit.key");
        List<String> keyOption = backend.equals("h2") ? List.of() : List.of("--key", key.toString());
        try (RelataStore s = RelataStore.open(db)) {
            AuditTrail trail = new AuditTrail(s, AuditKey.loadOrCreate(key));
            for (int i = 0; i < 250; i++) {
                trail.append(new AuditEvent(T0.plusSeconds(i), i % 2 == 0 ? "ana" : "bo", "10.0.0." + i, 7L,
                        "fraud, \"payroll\"", "entity.read", Outcome.ALLOWED, List.of("entity:" + (i % 10)), 1,
                        i == 10 ? "name=Müller, \"Jr\"\nsecond line 中文" : null));
            }
        }
        assertThat(key).exists();

        Cli.Run ok = run("audit", "verify", "--db", db, keyOption);
        assertThat(ok.exit()).as("%s", ok).isZero();
        assertThat(ok.out()).isEqualTo("OK: 250 entries and 2 checkpoints verified\n");

        Path csv = dir.resolve("who.csv");
        Cli.Run who = run("audit", "who", "--db", db, "--object", "entity:0", "--csv", csv, List.of());
        assertThat(who.exit()).as("%s", who).isZero();
        assertThat(who.out()).contains("25 entries written to");
        List<String> csvLines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(csvLines.get(0)).isEqualTo("seq,at,actor,client_address,case_id,purpose,action,outcome,objects,"
                + "result_count,detail,hash");
        assertThat(csvLines.get(2)).startsWith("11,2026-03-02T09:00:10Z,ana,10.0.0.10,7,\"fraud, \"\"payroll\"\"\","
                + "entity.read,ALLOWED,\"[\"\"entity:0\"\"]\",1,\"name=Müller, \"\"Jr\"\"");
        assertThat(csvLines.get(3)).matches("second line 中文\",[0-9a-f]{64}"); // the detail's line break, quoted

        Cli.Run json = run("audit", "who", "--db", db, "--object", "entity:0", "--from", "2026-03-02T09:00:10Z",
                "--to", "2026-03-02T09:00:30Z", "--json", List.of());
        assertThat(json.exit()).as("%s", json).isZero();
        String[] lines = json.out().split("\n");
        assertThat(lines).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(lines[0]);
        assertThat(first.get("seq").asLong()).isEqualTo(11);
        assertThat(first.get("detail").asText()).isEqualTo("name=Müller, \"Jr\"\nsecond line 中文");

        Cli.Run activity = run("audit", "activity", "--db", db, "--actor", "bo", "--limit", "2", "--offset", "1", List.of());
        assertThat(activity.exit()).as("%s", activity).isZero();
        assertThat(activity.out()).startsWith("4  2026-03-02T09:00:03Z  bo").contains("6  2026-03-02T09:00:05Z  bo")
                .doesNotContain("2  2026-03-02T09:00:01Z");

        Cli.Run alerts = run("audit", "alerts", "--db", db, List.of());
        assertThat(alerts.exit()).as("%s", alerts).isZero();
        assertThat(alerts.out()).isEmpty(); // 250 lookups by two users: nothing unusual

        try (Connection c = connect(backend, db); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE audit_entry SET detail = 'nothing to see' WHERE seq = 120");
        }
        Cli.Run tampered = run("audit", "verify", "--db", db, keyOption);
        assertThat(tampered.exit()).as("%s", tampered).isEqualTo(AuditCommand.TAMPERED);
        assertThat(tampered.out()).startsWith("TAMPERED at entry 120: entry 120 was altered")
                .contains("119 entries and 1 checkpoints before it verified");

        Cli.Run noKey = run("audit", "verify", "--db", db, "--key", dir.resolve("missing.key"), List.of());
        assertThat(noKey.exit()).as("%s", noKey).isEqualTo(RelataCommand.INPUT_ERROR);
        assertThat(noKey.err()).contains("no audit key at");
        assertThat(dir.resolve("missing.key")).doesNotExist();
    }

    @Test
    void everyAuditCommandHasHelp() {
        for (String sub : List.of("verify", "who", "activity", "alerts")) {
            Cli.Run help = Cli.run("audit", sub, "--help");
            assertThat(help.exit()).as("%s", help).isZero();
            assertThat(help.out()).contains("Usage: relata audit " + sub).contains("--db");
        }
        assertThat(Cli.run("audit", "verify", "--help").out()).contains("--key").contains("1 when it was tampered with");
        assertThat(Cli.run("audit", "who", "--help").out()).contains("--object", "--from", "--to", "--csv", "--json");
        assertThat(Cli.run("audit").out()).contains("verify", "who", "activity", "alerts");
    }

    private static Cli.Run run(Object... argsThenExtra) {
        List<?> extra = (List<?>) argsThenExtra[argsThenExtra.length - 1];
        Object[] args = new Object[argsThenExtra.length - 1 + extra.size()];
        System.arraycopy(argsThenExtra, 0, args, 0, argsThenExtra.length - 1);
        for (int i = 0; i < extra.size(); i++) args[argsThenExtra.length - 1 + i] = extra.get(i);
        return Cli.run(args);
    }
}
