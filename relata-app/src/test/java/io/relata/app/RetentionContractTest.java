package io.relata.app;

import io.relata.core.ingest.Reject;
import io.relata.core.model.Record;
import io.relata.core.model.RecordKey;
import io.relata.core.relate.pattern.PatternCatalog;
import io.relata.core.resolve.live.MatchDecision;
import io.relata.core.resolve.live.SearchHit;
import io.relata.store.CaseFile;
import io.relata.store.EntityView;
import io.relata.store.SourceInfo;
import io.relata.store.StoreTraces;
import io.relata.store.StoredRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Retention over a real workspace: expired records go with every trace (searched over every table and column),
 * their entities are re-formed, search no longer finds them, a legal hold keeps a case's people, a dry run changes
 * nothing. Each subclass gives a fresh database.
 */
abstract class RetentionContractTest {
    static final RecordKey KEEP_ANNA = new RecordKey("NEW", "keep-anna"), GONE_ANNA = new RecordKey("OLD", "gone-anna"),
            GONE_BORIS = new RecordKey("OLD", "gone-boris"), KEEP_DAN = new RecordKey("NEW", "keep-dan"),
            HELD_CLARA = new RecordKey("OLD", "held-clara"), HELD_KLARA = new RecordKey("OLD", "held-klara");
    /** What names the removed records or holds their values only: none of it may stay outside the audit trail. */
    static final List<String> GONE_TRACES = List.of("gone-anna", "gone-boris", "anna.gone@example.org", "boris.gone@example.org",
            "gone-withdrawn");
    static final RecordKey GONE_WITHDRAWN = new RecordKey("OLD", "gone-withdrawn");

    @TempDir
    Path dir;
    String db;
    Workspace ws;
    Retention retention;
    long inquiry, harbor;

    abstract String newDatabase();

    @BeforeEach
    void load() throws IOException {
        db = newDatabase();
        ws = Workspace.open(db);
        ws.store().putSource(new SourceInfo("OLD", "Old registry", null, null, null, 30, null));
        ws.store().putSource(new SourceInfo("NEW", "New registry", null, null, null, 3650, null));
        ws.store().putSource(new SourceInfo("KEEP", "Kept forever", null, null, null, null, null));
        ingest("first.jsonl",
                person("NEW", "keep-anna", "Anna", "Kowalski", "1980-01-01", "\"phones\":[\"(217) 344-0101\"],"
                        + "\"identifiers\":[{\"type\":\"PASSPORT\",\"value\":\"X1234567\",\"country\":\"PL\"}]"),
                person("NEW", "keep-eva", "Eva", "Lindqvist", "1985-05-05",
                        "\"addresses\":[{\"full\":\"12 Harbor Lane, Springfield IL 62701\"}]"),
                person("NEW", "keep-dan", "Dan", "Moss", "1960-06-06", "\"phones\":[\"(217) 555-0188\"]"),
                person("KEEP", "keep-old", "Olga", "Brandt", "1950-05-05", ""),
                person("OLD", "held-clara", "Clara", "Novak", "1970-07-07",
                        "\"identifiers\":[{\"type\":\"PASSPORT\",\"value\":\"C7654321\",\"country\":\"CZ\"}]"),
                person("OLD", "held-klara", "Klara", "Novak", "1970-07-07",
                        "\"identifiers\":[{\"type\":\"PASSPORT\",\"value\":\"C7654321\",\"country\":\"CZ\"}]"));
        Watching watching = new Watching(ws);
        CaseFile inq = watching.createCase("Inquiry", null, "ana");
        inquiry = inq.id();
        watching.watch("Inquiry", KEEP_ANNA.toString(), 1, "ana", null);
        ingest("second.jsonl",
                person("OLD", "gone-anna", "Anna", "Kowalski", "1980-01-01", "\"emails\":[\"anna.gone@example.org\"],"
                        + "\"identifiers\":[{\"type\":\"PASSPORT\",\"value\":\"X1234567\",\"country\":\"PL\"}]"),
                person("OLD", "gone-boris", "Boris", "Ivanov", "1975-02-02", "\"emails\":[\"boris.gone@example.org\"],"
                        + "\"phones\":[\"(217) 555-0188\"],\"addresses\":[{\"full\":\"12 Harbor Lane, Springfield IL 62701\"}],"
                        + "\"relationships\":[{\"type\":\"SIBLING\",\"source\":\"NEW\",\"id\":\"keep-eva\"}]"),
                person("OLD", "gone-withdrawn", "Wanda", "Weiss", "1991-01-01", ""));
        new Curation(ws).withdraw(GONE_WITHDRAWN); // withdrawn earlier: its row and history stay until retention
        new Curation(ws).decide(new MatchDecision(GONE_BORIS, KEEP_DAN, false, "different people", "ana", Instant.now()));
        new Leads(ws, PatternCatalog.defaults()).scan(null);
        ws.store().cases().addSubjects(inquiry, List.of(GONE_ANNA), "ana", "the person of interest", null);
        harbor = watching.createCase("Harbor", null, "sam").id();
        ws.store().cases().addSubjects(harbor, List.of(HELD_CLARA), "sam", "witness", null);
        new LegalHolds(ws, Clock.systemUTC()).hold(harbor, "sam", "litigation notice 2026-3");
        StoreTraces.loadedAt(db, "OLD", Instant.now().minus(60, ChronoUnit.DAYS));
        retention = new Retention(ws, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        if (ws != null) ws.close();
    }

    private void ingest(String file, String... lines) throws IOException {
        Path data = Files.write(dir.resolve(file), List.of(lines), StandardCharsets.UTF_8);
        new Ingest(ws, 100).run(List.of(data), null, new Ingest.Listener() {
            @Override
            public void progress(long read, long accepted, long rejected) {
            }

            @Override
            public void rejected(Reject reject) {
                throw new AssertionError(reject.toString());
            }
        });
    }

    static String person(String source, String id, String given, String surname, String dob, String extra) {
        return "{\"source\":\"" + source + "\",\"id\":\"" + id + "\",\"names\":[{\"given\":\"" + given + "\",\"surname\":\""
                + surname + "\"}],\"dob\":\"" + dob + "\"" + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    private List<SearchHit> search(String given, String surname, String dob) {
        Record description = io.relata.core.ingest.JsonlReader.parse(person("QUERY", "q", given, surname, dob, ""));
        return new Search(ws).run(description, 10);
    }

    @Test
    void a_run_removes_every_trace_of_expired_records_but_the_audit_entry_and_re_forms_their_entities() {
        long anna = ws.resolver().entityOf(KEEP_ANNA);
        long boris = ws.resolver().entityOf(GONE_BORIS);
        assertThat(ws.resolver().entityOf(GONE_ANNA)).as("Anna's two records are one person").isEqualTo(anna);
        assertThat(ws.store().alerts().list(inquiry, null, null, 10, 0)).as("the watch saw the old record arrive").isNotEmpty();
        assertThat(StoreTraces.find(db, GONE_TRACES, StoreTraces.MAY_NAME_REMOVED_RECORDS))
                .as("the search sees the records everywhere before the run").contains("record.source_id: gone-anna",
                        "record.content: anna.gone@example.org", "assignment_event.source_id: gone-boris",
                        "entity_event.trigger_id: gone-anna", "match_decision.second_id: gone-boris",
                        "relationship.source_id: gone-boris", "case_record.source_id: gone-anna", "alert.trigger_id: gone-anna");

        Retention.Plan plan = retention.plan(retention.today());
        assertThat(plan.remove()).containsExactly(GONE_ANNA, GONE_BORIS, GONE_WITHDRAWN);
        assertThat(plan.sources()).filteredOn(s -> s.source().equals("OLD")).singleElement().satisfies(s -> {
            assertThat(s.expired()).isEqualTo(5);
            assertThat(s.held()).isEqualTo(2);
            assertThat(s.removed()).isEqualTo(3);
            assertThat(s.records()).isEqualTo(5);
        });
        assertThat(plan.sources()).filteredOn(s -> !s.source().equals("OLD")).allSatisfy(s -> assertThat(s.expired()).isZero());
        Retention.Outcome outcome = retention.run(plan, "privacy");

        assertThat(StoreTraces.find(db, GONE_TRACES, StoreTraces.MAY_NAME_REMOVED_RECORDS)).isEmpty();
        assertThat(outcome.entitiesRetired()).isEqualTo(1);
        assertThat(outcome.rows()).containsEntry("record", 3).containsEntry("case_record (carried over)", 1);
        // Anna keeps her other record; Boris, who had only the expired one, is retired
        EntityView annaNow = ws.store().entity(ws.resolver().entityOf(KEEP_ANNA)).orElseThrow();
        assertThat(annaNow.records()).extracting(StoredRecord::key).containsExactly(KEEP_ANNA);
        assertThat(annaNow.recordCount()).isEqualTo(1);
        EntityView borisNow = ws.store().entity(boris).orElseThrow();
        assertThat(borisNow.retiredAt()).isNotNull();
        assertThat(borisNow.recordCount()).isZero();
        // search and the graph no longer know them; the case still works on Anna through her other record
        assertThat(search("Boris", "Ivanov", "1975-02-02")).noneMatch(h -> h.record().equals(GONE_BORIS) || h.entityId() == boris);
        assertThat(search("Anna", "Kowalski", "1980-01-01")).first().satisfies(h -> assertThat(h.record()).isEqualTo(KEEP_ANNA));
        assertThat(ws.graph().entityOf(GONE_ANNA)).isZero();
        assertThat(ws.store().cases().subjectEntities(inquiry)).containsExactly(annaNow.id());
        // the held case's people stay
        assertThat(ws.store().record(HELD_CLARA)).isPresent();
        assertThat(ws.store().record(HELD_KLARA)).isPresent();

        // memory and store agree: a workspace rebuilt from the store resolves the same
        long annaId = annaNow.id();
        ws.close();
        ws = Workspace.open(db);
        assertThat(ws.resolver().contains(GONE_ANNA)).isFalse();
        assertThat(ws.resolver().entityOf(KEEP_ANNA)).isEqualTo(annaId);
        assertThat(ws.store().recordStatus(GONE_WITHDRAWN)).isEmpty();
        assertThat(new Retention(ws, Clock.systemUTC()).plan(LocalDate.now(java.time.ZoneOffset.UTC)).remove()).isEmpty();
    }

    @Test
    void a_legal_hold_keeps_a_cases_people_until_it_is_released() {
        retention.run(retention.plan(retention.today()), "privacy");
        assertThat(ws.store().record(HELD_KLARA)).as("not a subject, but the subject's entity's record").isPresent();

        LegalHolds holds = new LegalHolds(ws, Clock.systemUTC());
        assertThat(holds.of("Harbor").reason()).isEqualTo("litigation notice 2026-3");
        holds.release(harbor);
        Retention.Plan next = retention.plan(retention.today());
        assertThat(next.remove()).containsExactly(HELD_CLARA, HELD_KLARA);
        assertThat(next.held()).isZero();
        retention.run(next, "privacy");
        assertThat(StoreTraces.find(db, List.of("held-clara", "held-klara", "C7654321"), StoreTraces.MAY_NAME_REMOVED_RECORDS)).isEmpty();
        assertThat(ws.store().cases().subjectEntities(harbor)).isEmpty();
        assertThat(search("Clara", "Novak", "1970-07-07")).noneMatch(h -> h.record().source().equals("OLD"));
    }

    @Test
    void a_run_removes_at_most_its_batch_and_the_next_run_the_rest() {
        Retention oneByOne = new Retention(ws, Clock.systemUTC(), 1);
        Retention.Plan first = oneByOne.plan(oneByOne.today());
        assertThat(first.remove()).containsExactly(GONE_ANNA);
        assertThat(first.remaining()).isEqualTo(2);
        assertThat(first.auditDetail()).contains("1 removed, 5 expired, 2 kept under legal hold, 2 left for the next run");
        oneByOne.run(first, "privacy");
        Retention.Plan second = oneByOne.plan(oneByOne.today());
        assertThat(second.remove()).containsExactly(GONE_BORIS);
        oneByOne.run(second, "privacy");
        oneByOne.run(oneByOne.plan(oneByOne.today()), "privacy");
        Retention.Plan none = oneByOne.plan(oneByOne.today());
        assertThat(none.remove()).isEmpty();
        assertThat(none.remaining()).isZero();
        assertThat(StoreTraces.find(db, GONE_TRACES, StoreTraces.MAY_NAME_REMOVED_RECORDS)).isEmpty();
    }

    @Test
    void a_dry_run_changes_nothing_and_a_run_as_of_a_later_day_is_refused() {
        Map<String, List<String>> before = StoreTraces.snapshot(db);
        Retention.Plan plan = retention.plan(retention.today().plusDays(5000));
        assertThat(plan.remove()).contains(GONE_ANNA, GONE_BORIS, KEEP_ANNA).doesNotContain(HELD_CLARA, new RecordKey("KEEP", "keep-old"));
        assertThat(plan.auditDetail()).contains("OLD (30 days): 3 removed, 5 expired, 2 held").contains("sha256 " + plan.digest());
        assertThat(plan.auditObjects()).startsWith(Retention.RUN_OBJECT, "record:NEW:keep-anna");
        assertThatThrownBy(() -> retention.run(plan, "privacy")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dry run");
        assertThat(StoreTraces.snapshot(db)).isEqualTo(before);
        assertThat(ws.resolver().contains(GONE_ANNA)).isTrue();
    }
}
