package io.relata.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.relata.app.Ingest;
import io.relata.app.access.Accounts;
import io.relata.app.access.Role;
import io.relata.core.ingest.Reject;
import io.relata.core.model.RecordKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The entity profile's load dates, timeline and data-quality flags, and that a hidden source adds none of them. */
class ServerProfileTest {
    @TempDir
    static Path dir;
    static TestServer t;
    /** Dora: one record, born (the source says) in 2199. */
    static long dora;

    @BeforeAll
    static void start() throws Exception {
        t = new TestServer(dir);
        Path more = Files.write(dir.resolve("dora.jsonl"), List.of(TestServer.person("D", "Dora", "Quist", "2199-01-01",
                "\"events\":[{\"type\":\"ENTRY\",\"date\":\"2024-01-05\",\"place\":\"JFK\",\"ref\":\"BA117\"}]")),
                StandardCharsets.UTF_8);
        dora = t.server.locked(() -> {
            new Ingest(t.ws, 100).run(List.of(more), null, new Ingest.Listener() {
                @Override
                public void progress(long read, long accepted, long rejected) {
                }

                @Override
                public void rejected(Reject reject) {
                    throw new AssertionError(reject.toString());
                }
            });
            t.ws.store().cases().addSubjects(t.caseId, List.of(new RecordKey("S", "D")), "analyst", "a second subject",
                    Instant.now());
            return t.ws.graph().entityOf(new RecordKey("S", "D"));
        });
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    @Test
    void each_record_has_its_source_and_load_date() {
        JsonNode p = t.get(Role.ANALYST, "/api/entities/" + t.subject).json();
        JsonNode r = p.path("records").get(0);
        assertThat(r.path("record").asText()).isEqualTo("S:A");
        assertThat(r.path("source").asText()).isEqualTo("S");
        Instant loaded = Instant.parse(r.path("loaded_at").asText());
        assertThat(loaded).isBefore(Instant.now().plusSeconds(1)).isAfter(Instant.now().minusSeconds(600));
    }

    @Test
    void the_timeline_has_the_visible_records_events_by_date_unreadable_dates_last() {
        JsonNode p = t.get(Role.ANALYST, "/api/entities/" + t.subject).json();
        List<String> rows = new ArrayList<>();
        for (JsonNode e : p.path("timeline")) {
            rows.add(String.join("|", e.path("date").asText(), e.path("type").asText(), e.path("place").asText(),
                    e.path("ref").asText(), e.path("record").asText()));
        }
        // H:A's application (2022) is from a source the analyst is not cleared for
        assertThat(rows).containsExactly("2021-02-03|ENTRY|ORD|UA100|S:A", "2023-06-01|EXIT|GDN|LO3|S:A",
                "some time in spring|ENCOUNTER|Chicago|CPD-7|S:A");
    }

    @Test
    void an_implausible_birth_date_is_a_data_quality_flag() {
        JsonNode p = t.get(Role.ANALYST, "/api/entities/" + dora).json();
        assertThat(p.path("quality")).singleElement().satisfies(q -> {
            assertThat(q.path("record").asText()).isEqualTo("S:D");
            assertThat(q.path("flags")).singleElement().satisfies(f ->
                    assertThat(f.asText()).contains("dob").contains("2199-01-01").contains("in the future"));
        });
        assertThat(p.path("timeline")).singleElement().satisfies(e -> assertThat(e.path("ref").asText()).isEqualTo("BA117"));
    }

    @Test
    void a_record_the_user_may_not_see_adds_nothing_to_timeline_or_quality() {
        TestServer.Response res = t.get(Role.SUPERVISOR, "/api/entities/" + t.subject);
        JsonNode p = res.json();
        assertThat(p.path("quality")).isEmpty(); // S:A has no problem; H:A's unknown nationality and its "Anya" are hidden
        assertThat(p.path("timeline")).hasSize(3);
        assertThat(res.body()).doesNotContain("HIDDEN-APP-1", "APPLICATION", "Atlantis", "H:A", "Anya");

        // cleared for the hidden source, the supervisor sees its application, its problem and the name it disagrees on
        t.server.locked(() -> {
            new Accounts(t.ws.store(), t.audit::append).setClearances("supervisor", Set.of(TestServer.HIDDEN_LABEL), "setup");
            return null;
        });
        try {
            JsonNode all = t.get(Role.SUPERVISOR, "/api/entities/" + t.subject).json();
            assertThat(all.path("timeline")).extracting(e -> e.path("ref").asText())
                    .containsExactly("UA100", "HIDDEN-APP-1", "LO3", "CPD-7");
            assertThat(all.path("records")).allSatisfy(r -> assertThat(r.path("loaded_at").asText()).isNotBlank());
            JsonNode hidden = null;
            JsonNode shown = null;
            for (JsonNode q : all.path("quality")) {
                if (q.path("record").asText().equals("H:A")) hidden = q;
                if (q.path("record").asText().equals("S:A")) shown = q;
            }
            assertThat(hidden).isNotNull();
            assertThat(hidden.path("flags")).extracting(JsonNode::asText)
                    .anySatisfy(f -> assertThat(f).contains("Atlantis"))
                    .anySatisfy(f -> assertThat(f).startsWith("given name: gives 'anya'"));
            assertThat(shown).isNotNull();
            assertThat(shown.path("flags")).extracting(JsonNode::asText)
                    .anySatisfy(f -> assertThat(f).startsWith("given name: gives 'anna'"));
        } finally {
            t.server.locked(() -> {
                new Accounts(t.ws.store(), t.audit::append).setClearances("supervisor", Set.of(), "setup");
                return null;
            });
        }
    }
}
