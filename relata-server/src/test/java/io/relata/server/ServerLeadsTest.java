package io.relata.server;

import io.relata.app.Ingest;
import io.relata.app.Leads;
import io.relata.app.access.Accounts;
import io.relata.app.access.Permission;
import io.relata.app.access.Role;
import io.relata.core.ingest.Reject;
import io.relata.core.model.RecordKey;
import io.relata.core.relate.pattern.PatternCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Leads through the server: an analyst sees and disposes of only the leads that involve a subject of the case, a
 * supervisor triages them all; and a lead's evidence (text the pattern wrote when it found the lead, quoting values and
 * records) is shown as the user may see it, identifiers shortened without the permission to see them whole and
 * records of a source the user is not cleared for not named.
 */
class ServerLeadsTest {
    @TempDir
    static Path dir;
    static TestServer t;

    @BeforeAll
    static void start() throws Exception {
        t = new TestServer(dir);
        // three unrelated people of three families give one SSN, one of them only in the hidden source; Ruth is a
        // subject of the case. Two others share a passport, and neither is in the case.
        String ssn = "\"identifiers\":[{\"type\":\"SSN\",\"value\":\"123-45-6789\",\"country\":\"US\"}]";
        String passport = "\"identifiers\":[{\"type\":\"PASSPORT\",\"value\":\"P7654321\",\"country\":\"DE\"}]";
        Path more = Files.write(dir.resolve("ring.jsonl"), List.of(
                TestServer.person("R1", "Ruth", "Okafor", "1961-04-04", ssn),
                TestServer.person("R2", "Tomas", "Lindqvist", "1972-05-05", ssn),
                TestServer.person("R3", "Mei", "Tanaka", "1983-06-06", ssn).replace("\"source\":\"S\"", "\"source\":\"H\""),
                TestServer.person("O1", "Olga", "Brandt", "1950-07-07", passport),
                TestServer.person("O2", "Pavel", "Novak", "1966-08-08", passport)),
                StandardCharsets.UTF_8);
        t.server.locked(() -> {
            new Ingest(t.ws, 100).run(List.of(more), null, new Ingest.Listener() {
                @Override
                public void progress(long read, long accepted, long rejected) {
                }

                @Override
                public void rejected(Reject reject) {
                    throw new AssertionError(reject.toString());
                }
            });
            new Leads(t.ws, PatternCatalog.defaults()).scan(null);
            t.ws.store().cases().addSubjects(t.caseId, List.of(new RecordKey("S", "R1")), "analyst", "the ring", Instant.now());
            return null;
        });
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    @Test
    void an_analyst_sees_a_leads_identifiers_shortened_and_no_hidden_record_named() {
        String stored = String.join("\n", t.server.locked(() -> new Leads(t.ws, PatternCatalog.defaults())
                .list("shared-contact", null, 50, 0).stream().map(l -> l.evidence()).toList()));
        assertThat(stored).as("the stored evidence quotes the number whole").contains("123456789");

        TestServer.Response leads = t.get(Role.ANALYST, "/api/leads?pattern=shared-contact");
        assertThat(leads.status()).as("%s", leads).isEqualTo(200);
        assertThat(leads.body()).contains("12*****89").doesNotContain("123456789").doesNotContain("H:R3");
    }

    @Test
    void an_analyst_sees_only_the_leads_of_the_cases_subjects_and_a_supervisor_triages_them_all() {
        long outside = t.server.locked(() -> new Leads(t.ws, PatternCatalog.defaults()).list("shared-contact", null, 50, 0)
                .stream().filter(l -> l.evidence().contains("P7654321")).findFirst().orElseThrow().id());
        TestServer.Response analyst = t.get(Role.ANALYST, "/api/leads?pattern=shared-contact&limit=500");
        assertThat(analyst.status()).as("%s", analyst).isEqualTo(200);
        assertThat(analyst.json().path("items")).extracting(l -> l.path("id").asLong()).isNotEmpty().doesNotContain(outside);
        assertThat(analyst.body()).doesNotContain("Olga").doesNotContain("Brandt");
        TestServer.Response supervisor = t.get(Role.SUPERVISOR, "/api/leads?pattern=shared-contact&limit=500");
        assertThat(supervisor.json().path("items")).extracting(l -> l.path("id").asLong()).contains(outside);
        // outside the case a lead is not found, as an entity outside it is not
        String disposition = "{\"status\":\"REVIEWED\",\"note\":\"not ours\"}";
        assertThat(t.post(Role.ANALYST, "/api/leads/" + outside + "/disposition", disposition).status()).isEqualTo(404);
        assertThat(t.server.locked(() -> t.ws.store().leads().get(outside).orElseThrow().status().name())).isEqualTo("OPEN");
        assertThat(t.post(Role.SUPERVISOR, "/api/leads/" + outside + "/disposition", disposition).status()).isEqualTo(204);
    }

    @Test
    void the_permission_to_see_identifiers_whole_shows_them_whole() {
        t.server.locked(() -> {
            new Accounts(t.ws.store(), t.audit::append).setPermissions("supervisor", Set.of(Permission.EXPORT, Permission.VIEW_FULL_IDENTIFIERS), "test");
            return null;
        });
        try {
            TestServer.Response leads = t.get(Role.SUPERVISOR, "/api/leads?pattern=shared-contact");
            assertThat(leads.status()).as("%s", leads).isEqualTo(200);
            assertThat(leads.body()).contains("123456789");
        } finally {
            t.server.locked(() -> {
                new Accounts(t.ws.store(), t.audit::append).setPermissions("supervisor", Set.of(Permission.EXPORT), "test");
                return null;
            });
        }
    }
}
