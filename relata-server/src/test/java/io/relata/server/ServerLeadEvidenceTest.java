package io.relata.server;

import io.relata.app.Ingest;
import io.relata.app.Leads;
import io.relata.app.access.Accounts;
import io.relata.app.access.Permission;
import io.relata.app.access.Role;
import io.relata.core.ingest.Reject;
import io.relata.core.relate.pattern.PatternCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lead's evidence is text the pattern wrote when it found the lead, quoting values and records: the leads route
 * shows it as the user may see it, identifiers shortened without the permission to see them whole and records of a
 * source the user is not cleared for not named.
 */
class ServerLeadEvidenceTest {
    @TempDir
    static Path dir;
    static TestServer t;

    @BeforeAll
    static void start() throws Exception {
        t = new TestServer(dir);
        // three unrelated people of three families give one SSN; one of them only in the hidden source
        String ssn = "\"identifiers\":[{\"type\":\"SSN\",\"value\":\"123-45-6789\",\"country\":\"US\"}]";
        Path more = Files.write(dir.resolve("ring.jsonl"), List.of(
                TestServer.person("R1", "Ruth", "Okafor", "1961-04-04", ssn),
                TestServer.person("R2", "Tomas", "Lindqvist", "1972-05-05", ssn),
                TestServer.person("R3", "Mei", "Tanaka", "1983-06-06", ssn).replace("\"source\":\"S\"", "\"source\":\"H\"")),
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
