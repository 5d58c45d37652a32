package io.relata.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relata.app.audit.AuditEvent.Outcome;
import io.relata.store.AuditAlert;
import io.relata.store.AuditAlertKind;
import io.relata.store.AuditAlertStatus;
import io.relata.store.AuditEntry;
import io.relata.store.RelataStore;
import io.relata.store.StoreBatch;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the audit trail promises, on every backend: a chain that verifies, and tampering of every kind found by
 * verification; no unaudited access when the trail cannot be written; auditors' queries and exports; alerts on
 * unusual activity as time moves. Each subclass gives a fresh database per call and a raw connection to it.
 */
abstract class AuditTrailTest {
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    static final String AWKWARD = "Smith, \"Jr\"\r\nsecond line; a|b\\c — 中文 Ελληνικά العربية";

    @TempDir
    Path dir;
    final MovableClock clock = new MovableClock(T0);
    private final List<RelataStore> opened = Collections.synchronizedList(new ArrayList<>());

    /** A new, empty database: a directory or a JDBC URL for {@link RelataStore#open}. */
    abstract String newDatabase();

    /** A connection of the database's own, for tampering; the store must be closed first (H2 is one process's). */
    abstract Connection connect(String db) throws SQLException;

    @AfterEach
    void closeStores() {
        opened.forEach(RelataStore::close);
    }

    RelataStore open(String db) {
        RelataStore s = RelataStore.open(db);
        opened.add(s);
        return s;
    }

    AuditKey key() {
        return AuditKey.loadOrCreate(dir.resolve("audit.key"));
    }

    AuditTrail trail(String db) {
        return trail(open(db), UnusualActivityRules.defaults());
    }

    AuditTrail trail(RelataStore store, UnusualActivityRules rules) {
        return new AuditTrail(store, key(), clock, AuditTrail.DEFAULT_CHECKPOINT_EVERY, rules);
    }

    /** The i-th of a varied stream of events: every field, null and not, several actions and outcomes. */
    static AuditEvent event(int i) {
        String[] actors = {"ana", "bo", "Zoë"};
        String[] actions = {"entity.read", "search", "record.update", "auth.login", "auth.login.failed", "case.member.add"};
        List<String> objects = switch (i % 4) {
            case 0 -> List.of();
            case 1 -> List.of("entity:" + i);
            case 2 -> List.of("entity:" + i, "record:DMV:" + i, "entity:" + i);
            default -> List.of("record:A,B:" + i, "user:ana");
        };
        return new AuditEvent(T0.plusNanos(i * 1_000_123L), actors[i % 3], i % 5 == 0 ? null : "10.0.0." + (i % 250),
                i % 2 == 0 ? null : (long) (i % 9), i % 7 == 0 ? null : "case work", actions[i % actions.length],
                Outcome.values()[i % 3], objects, i % 11, i % 13 == 0 ? AWKWARD : i % 6 == 0 ? null : "q=" + i);
    }

    /** A closed store holding a trail of {@code n} entries. */
    String trailOf(int n) {
        String db = newDatabase();
        RelataStore store = open(db);
        AuditTrail trail = trail(store, UnusualActivityRules.defaults());
        for (int i = 0; i < n; i++) assertThat(trail.append(event(i))).isEqualTo(i + 1);
        store.close();
        return db;
    }

    void tamper(String db, String... sql) throws SQLException {
        try (Connection c = connect(db); Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            for (String s : sql) st.executeUpdate(s);
        }
    }

    /** Verification as a new process would run it: a fresh store and trail, no memory of appending. */
    AuditVerification verifyAfresh(String db) {
        RelataStore store = open(db);
        try {
            return trail(store, UnusualActivityRules.defaults()).verify();
        } finally {
            store.close();
        }
    }

    static void assertBroken(AuditVerification v, long firstBadSeq, String problem) {
        assertThat(v.ok()).as("%s", v).isFalse();
        assertThat(v.firstBadSeq()).as("%s", v).isEqualTo(firstBadSeq);
        assertThat(v.problem()).contains(problem);
    }

    // ------------------------------------------------------------------------------------------ the chain

    @Test
    void aThousandEntriesVerifyAndTheChainGoesOnAfterARestart() {
        String db = trailOf(1_000);
        assertThat(verifyAfresh(db)).isEqualTo(new AuditVerification(true, 1_000, 10, 0, null));

        RelataStore store = open(db);
        AuditTrail trail = trail(store, UnusualActivityRules.defaults());
        List<AuditEntry> first = store.audit().entriesAfter(0, 3);
        assertThat(first).extracting(AuditEntry::seq).containsExactly(1L, 2L, 3L);
        assertThat(first.get(0).prevHash()).isEqualTo(CanonicalForm.GENESIS);
        assertThat(first.get(1).prevHash()).isEqualTo(first.get(0).hash());
        // at is truncated to microseconds before it is hashed, so what the database keeps is what was hashed
        assertThat(first.get(2).at()).isEqualTo(T0.plusNanos(2_000_246L).truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertThat(first.get(1).objects()).containsExactly("entity:1");
        assertThat(first.get(2).objects()).containsExactly("entity:2", "record:DMV:2", "entity:2");

        assertThat(trail.append(event(1_000))).isEqualTo(1_001);
        assertThat(trail.append(event(1_001))).isEqualTo(1_002);
        assertThat(store.audit().last()).get().satisfies(e -> assertThat(e.prevHash())
                .isEqualTo(store.audit().entriesAfter(1_000, 1).get(0).hash()));
        assertThat(trail.verify()).isEqualTo(new AuditVerification(true, 1_002, 10, 0, null));
        assertThat(store.audit().checkpointsAfter(0, 100)).extracting(c -> c.seq())
                .containsExactly(100L, 200L, 300L, 400L, 500L, 600L, 700L, 800L, 900L, 1_000L);
    }

    @Test
    void anAlteredEntryIsFound() throws SQLException {
        String db = trailOf(1_000);
        tamper(db, "UPDATE audit_entry SET actor = 'mallory' WHERE seq = 500");
        assertBroken(verifyAfresh(db), 500, "entry 500 was altered");
    }

    @Test
    void anAlteredResultCountTimeOrObjectListIsFound() throws SQLException {
        String db = trailOf(300);
        tamper(db, "UPDATE audit_entry SET result_count = result_count + 1 WHERE seq = 42");
        assertBroken(verifyAfresh(db), 42, "entry 42 was altered");

        db = trailOf(300);
        tamper(db, "UPDATE audit_entry SET objects = '[\"entity:7\"]' WHERE seq = 7");
        assertBroken(verifyAfresh(db), 7, "entry 7 was altered");

        db = trailOf(300);
        tamper(db, "UPDATE audit_entry SET objects = 'not json' WHERE seq = 9");
        assertBroken(verifyAfresh(db), 9, "entry 9 was altered");
    }

    @Test
    void aDeletedEntryIsFound() throws SQLException {
        String db = trailOf(1_000);
        tamper(db, "DELETE FROM audit_object WHERE seq = 500", "DELETE FROM audit_entry WHERE seq = 500");
        AuditVerification v = verifyAfresh(db);
        assertBroken(v, 500, "entry 500 is missing (the next entry is 501)");
        assertThat(v.entriesChecked()).isEqualTo(499);
        assertThat(v.checkpointsChecked()).isEqualTo(4);
    }

    @Test
    void aDeletedEntryWhoseSuccessorsWereRenumberedIsFound() throws SQLException {
        String db = trailOf(1_000);
        tamper(db, "DELETE FROM audit_object WHERE seq >= 500", "DELETE FROM audit_entry WHERE seq = 500",
                "DELETE FROM audit_checkpoint WHERE seq >= 500", "UPDATE audit_entry SET seq = seq - 1 WHERE seq > 500");
        assertBroken(verifyAfresh(db), 500, "entry 500 was altered");
    }

    @Test
    void anEntryInsertedBeforeTheFirstIsFound() throws SQLException {
        String db = trailOf(300); // a made-up lookup, to frame someone in who-looked-at answers
        tamper(db, "INSERT INTO audit_entry (seq, at, actor, action, outcome, objects, result_count, prev_hash, hash) "
                + "SELECT -1, at, 'bo', 'entity.read', 'ALLOWED', '[\"entity:5\"]', 1, prev_hash, hash FROM audit_entry "
                + "WHERE seq = 1", "INSERT INTO audit_object (seq, object) VALUES (-1, 'entity:5')");
        assertBroken(verifyAfresh(db), 1, "entry -1 is out of sequence");
    }

    @Test
    void entriesRemovedFromTheEndPastACheckpointAreFound() throws SQLException {
        String db = trailOf(1_000);
        tamper(db, "DELETE FROM audit_object WHERE seq > 950", "DELETE FROM audit_entry WHERE seq > 950");
        assertBroken(verifyAfresh(db), 951, "checkpoint 1000 is beyond the last entry 950");

        db = trailOf(1_000); // the index rows left behind show it too
        tamper(db, "DELETE FROM audit_checkpoint WHERE seq = 1000", "DELETE FROM audit_entry WHERE seq > 950");
        assertBroken(verifyAfresh(db), 951, "the object index names entries after the last entry 950");
    }

    @Test
    void theTailRemovedWhileTheTrailRunsIsFoundByTheTrailItself() throws SQLException {
        String db = newDatabase();
        RelataStore writer = open(db);
        AuditTrail trail = trail(writer, UnusualActivityRules.defaults());
        for (int i = 0; i < 250; i++) trail.append(event(4 * i)); // objects only every fourth: none here
        tamper(db, "DELETE FROM audit_entry WHERE seq > 200", "DELETE FROM audit_checkpoint WHERE seq > 200");
        assertThat(verifyAfresh(db).ok()).isTrue(); // a clean cut at a checkpoint: the database alone cannot tell
        assertBroken(trail.verify(), 201, "this process appended up to entry 250");
    }

    @Test
    void swappedEntriesAreFound() throws SQLException {
        String db = trailOf(1_000);
        tamper(db, "UPDATE audit_entry SET seq = -1 WHERE seq = 400", "UPDATE audit_entry SET seq = 400 WHERE seq = 401",
                "UPDATE audit_entry SET seq = 401 WHERE seq = -1",
                "UPDATE audit_object SET seq = -1 WHERE seq = 400", "UPDATE audit_object SET seq = 400 WHERE seq = 401",
                "UPDATE audit_object SET seq = 401 WHERE seq = -1");
        assertBroken(verifyAfresh(db), 400, "entry 400 was altered");
    }

    @Test
    void aChainRewrittenAndReHashedInTheDatabaseIsFoundByItsCheckpoints() throws SQLException {
        String db = trailOf(1_000);
        rewriteFrom(db, 550, false);
        assertBroken(verifyAfresh(db), 501, "entry 600 does not match checkpoint 600: entries after 500 were rewritten");

        db = trailOf(1_000); // and with the checkpoints' hashes rewritten too: their MAC needs the key
        rewriteFrom(db, 550, true);
        assertBroken(verifyAfresh(db), 501, "checkpoint 600 is forged or altered");
    }

    /** What someone who knows the algorithm but not the key can do: change entry k and re-hash everything after. */
    private void rewriteFrom(String db, long k, boolean checkpointsToo) throws SQLException {
        RelataStore store = open(db);
        List<AuditEntry> entries = store.audit().entriesAfter(k - 1, 10_000);
        String prev = store.audit().entriesAfter(k - 2, 1).get(0).hash();
        store.close();
        try (Connection c = connect(db); PreparedStatement entry = c.prepareStatement(
                "UPDATE audit_entry SET actor = ?, prev_hash = ?, hash = ? WHERE seq = ?");
             PreparedStatement checkpoint = c.prepareStatement("UPDATE audit_checkpoint SET hash = ? WHERE seq = ?")) {
            c.setAutoCommit(true);
            for (AuditEntry e : entries) {
                String actor = e.seq() == k ? "someone else" : e.actor();
                AuditEntry unhashed = new AuditEntry(e.seq(), e.at(), actor, e.clientAddress(), e.caseId(), e.purpose(),
                        e.action(), e.outcome(), e.objects(), e.resultCount(), e.detail(), prev, null);
                String hash = CanonicalForm.hash(unhashed);
                entry.setString(1, actor);
                entry.setString(2, prev);
                entry.setString(3, hash);
                entry.setLong(4, e.seq());
                entry.executeUpdate();
                if (checkpointsToo) {
                    checkpoint.setString(1, hash);
                    checkpoint.setLong(2, e.seq());
                    checkpoint.executeUpdate();
                }
                prev = hash;
            }
        }
    }

    @Test
    void anAlteredForgedOrMissingCheckpointIsFound() throws SQLException {
        String db = trailOf(1_000);
        tamper(db, "UPDATE audit_checkpoint SET mac = '" + "0".repeat(64) + "' WHERE seq = 300");
        assertBroken(verifyAfresh(db), 201, "checkpoint 300 is forged or altered");

        db = trailOf(1_000);
        tamper(db, "INSERT INTO audit_checkpoint (seq, hash, at, mac) SELECT seq, hash, at, '" + "a".repeat(64)
                + "' FROM audit_entry WHERE seq = 350");
        assertBroken(verifyAfresh(db), 301, "checkpoint 350 is forged or altered");

        db = trailOf(1_000);
        tamper(db, "DELETE FROM audit_checkpoint WHERE seq = 700");
        assertBroken(verifyAfresh(db), 601, "checkpoint 700 is missing");

        db = trailOf(300); // a checkpoint signed with another key
        RelataStore store = open(db);
        AuditVerification v = new AuditTrail(store, AuditKey.loadOrCreate(dir.resolve("other.key")), clock, 100,
                UnusualActivityRules.defaults()).verify();
        assertBroken(v, 1, "checkpoint 100 is forged or altered");
    }

    @Test
    void aTamperedObjectIndexIsFound() throws SQLException {
        String db = trailOf(300);
        tamper(db, "DELETE FROM audit_object WHERE object = 'entity:101'");
        assertBroken(verifyAfresh(db), 102, "the object index of entry 102 differs from the entry's objects");

        db = trailOf(300); // someone made to look as if they had looked at a person
        tamper(db, "INSERT INTO audit_object (seq, object) VALUES (4, 'entity:12345')");
        assertBroken(verifyAfresh(db), 4, "the object index of entry 4 differs");
    }

    // ---------------------------------------------------------------------------------- no unaudited access

    @Test
    void whenTheTrailCannotBeWrittenTheAppendFails() throws SQLException {
        String db = newDatabase();
        RelataStore store = open(db);
        AuditTrail trail = trail(store, UnusualActivityRules.defaults());
        trail.append(event(1));

        try (StoreBatch batch = store.begin()) {
            assertThatThrownBy(() -> trail.append(event(2))).isInstanceOf(AuditUnavailableException.class)
                    .hasMessageContaining("while a store batch is open");
            batch.commit();
        }
        assertThat(trail.append(event(2))).isEqualTo(2);

        List<String> tooMany = IntStream.range(0, AuditTrail.MAX_OBJECTS + 1).mapToObj(i -> "entity:" + i).toList();
        assertThatThrownBy(() -> trail.append(new AuditEvent(T0, "ana", null, null, null, "search", Outcome.ALLOWED,
                tooMany, tooMany.size(), null))).isInstanceOf(AuditUnavailableException.class)
                .hasMessageContaining("return such an answer in pages");
        assertThat(trail.append(event(3))).isEqualTo(3);

        store.close();
        assertThatThrownBy(() -> trail.append(event(4))).isInstanceOf(AuditUnavailableException.class)
                .hasMessageContaining("closed");

        tamper(db, "DROP TABLE audit_object");
        RelataStore reopened = open(db);
        AuditTrail again = trail(reopened, UnusualActivityRules.defaults());
        assertThatThrownBy(() -> again.append(event(5))).isInstanceOf(AuditUnavailableException.class)
                .hasMessageContaining("cannot record case.member.add by Zoë");
        assertThat(reopened.audit().last()).get().extracting(AuditEntry::seq).isEqualTo(3L); // nothing half-written
        assertThatThrownBy(() -> again.append(event(5))).isInstanceOf(AuditUnavailableException.class); // still failing
    }

    @Test
    void textIsStoredAsItWasHashed() {
        String db = newDatabase();
        RelataStore store = open(db);
        AuditTrail trail = trail(store, UnusualActivityRules.defaults());
        String odd = "nul\u0000 lone\uD800 pair\uD83D\uDE00 end";
        trail.append(new AuditEvent(T0.plusNanos(999), odd, "::1", 3L, odd, "search", Outcome.ALLOWED,
                List.of("record:S:" + odd, "x".repeat(600)), 0, "d".repeat(5_000)));
        AuditEntry e = store.audit().last().orElseThrow();
        assertThat(e.actor()).isEqualTo("nul\uFFFD lone\uFFFD pair\uD83D\uDE00 end");
        assertThat(e.objects()).containsExactly("record:S:nul\uFFFD lone\uFFFD pair\uD83D\uDE00 end", "x".repeat(500));
        assertThat(e.detail()).hasSize(AuditTrail.MAX_DETAIL);
        assertThat(e.at()).isEqualTo(T0);
        assertThat(trail.verify().ok()).isTrue();
        assertThat(trail.whoLookedAt("x".repeat(600), null, null, 10, 0)).hasSize(1); // cut as it was stored
        assertThat(trail.activityOf(odd, null, null, 10, 0)).hasSize(1);
    }

    @Test
    void appendsFromManyThreadsMakeOneChain() throws Exception {
        String db = newDatabase();
        AuditTrail trail = trail(db);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Long>>> parts = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int base = t * 100;
                parts.add(pool.submit(() -> IntStream.range(base, base + 100).mapToObj(i -> trail.append(event(i))).toList()));
            }
            Set<Long> seqs = new java.util.HashSet<>();
            for (Future<List<Long>> f : parts) seqs.addAll(f.get());
            assertThat(seqs).hasSize(400).allMatch(s -> s >= 1 && s <= 400);
        } finally {
            pool.shutdown();
        }
        assertThat(trail.verify()).isEqualTo(new AuditVerification(true, 400, 4, 0, null));
    }

    @Test
    void twoWritersOnOneDatabaseKeepOneChain() {
        String db = newDatabase();
        AuditTrail one = trail(db);
        AuditTrail other = trail(db); // another store on the same database, as another process would have
        for (int i = 0; i < 150; i++) {
            assertThat((i % 3 == 0 ? other : one).append(event(i))).isEqualTo(i + 1);
        }
        assertThat(one.verify()).isEqualTo(new AuditVerification(true, 150, 1, 0, null));
        assertThat(other.verify().ok()).isTrue();
    }

    // --------------------------------------------------------------------------------- auditors' questions

    @Test
    void whoLookedAtAPersonAndWhatAUserDidAreAnsweredAndExported() throws Exception {
        String db = newDatabase();
        AuditTrail trail = trail(db);
        AuditEvent anaReads = new AuditEvent(T0, "ana", "10.0.0.1", 7L, "fraud, \"payroll\"", "entity.read",
                Outcome.ALLOWED, List.of("entity:1", "record:DMV:1,2"), 1, AWKWARD);
        AuditEvent boSearches = new AuditEvent(T0.plusSeconds(60), "bo", null, null, null, "search", Outcome.ALLOWED,
                List.of("entity:1", "entity:2"), 2, "name=Müller\nline two");
        AuditEvent zoeDenied = new AuditEvent(T0.plusSeconds(120), "Zoë 中文", "::1", 9L, "check", "entity.read",
                Outcome.DENIED, List.of("entity:1"), 0, "not in case 9");
        AuditEvent anaOther = new AuditEvent(T0.plusSeconds(180), "ana", "10.0.0.1", 7L, "x", "entity.read",
                Outcome.ALLOWED, List.of("entity:3"), 1, null);
        for (AuditEvent e : List.of(anaReads, boSearches, zoeDenied, anaOther)) trail.append(e);

        List<AuditEntry> who = trail.whoLookedAt("entity:1", null, null, 100, 0);
        assertThat(who).extracting(AuditEntry::actor).containsExactly("ana", "bo", "Zoë 中文");
        assertThat(trail.whoLookedAt("entity:1", T0.plusSeconds(60), T0.plusSeconds(120), 100, 0))
                .extracting(AuditEntry::actor).containsExactly("bo");
        assertThat(trail.whoLookedAt("entity:1", null, null, 1, 1)).extracting(AuditEntry::actor).containsExactly("bo");
        assertThat(trail.whoLookedAt("record:DMV:1,2", null, null, 100, 0)).extracting(AuditEntry::seq).containsExactly(1L);
        assertThat(trail.whoLookedAt("entity:404", null, null, 100, 0)).isEmpty();
        assertThat(trail.activityOf("ana", null, null, 100, 0)).extracting(AuditEntry::seq).containsExactly(1L, 4L);
        assertThat(trail.activityOf("ana", T0.plusSeconds(1), null, 100, 0)).extracting(AuditEntry::seq).containsExactly(4L);
        assertThat(trail.activityOf("Zoë 中文", null, null, 100, 0)).singleElement()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo("DENIED"));

        StringWriter csv = new StringWriter();
        AuditExport.csv(who, csv);
        assertThat(csv.toString()).startsWith("seq,at,actor,client_address,case_id,purpose,action,outcome,objects,"
                + "result_count,detail,hash\r\n");
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(csv.toString()))) {
            List<CSVRecord> rows = parser.getRecords();
            assertThat(rows).hasSize(3);
            CSVRecord first = rows.get(0);
            assertThat(first.get("seq")).isEqualTo("1");
            assertThat(first.get("at")).isEqualTo("2026-03-02T09:00:00Z");
            assertThat(first.get("purpose")).isEqualTo("fraud, \"payroll\"");
            assertThat(first.get("detail")).isEqualTo(AWKWARD);
            assertThat(first.get("objects")).isEqualTo("[\"entity:1\",\"record:DMV:1,2\"]");
            assertThat(first.get("case_id")).isEqualTo("7");
            assertThat(first.get("hash")).isEqualTo(who.get(0).hash());
            assertThat(rows.get(1).get("detail")).isEqualTo("name=Müller\nline two");
            assertThat(rows.get(1).get("case_id")).isEmpty();
            assertThat(rows.get(2).get("actor")).isEqualTo("Zoë 中文");
        }

        StringWriter lines = new StringWriter();
        AuditExport.jsonLines(who, lines);
        String[] split = lines.toString().split("\n");
        assertThat(split).hasSize(3);
        JsonNode first = new ObjectMapper().readTree(split[0]);
        assertThat(first.get("detail").asText()).isEqualTo(AWKWARD);
        assertThat(first.get("objects")).hasSize(2);
        assertThat(first.get("case_id").asLong()).isEqualTo(7);
        assertThat(first.get("at").asText()).isEqualTo("2026-03-02T09:00:00Z");
        assertThat(new ObjectMapper().readTree(split[1]).get("case_id").isNull()).isTrue();
        assertThat(new ObjectMapper().readTree(split[2]).get("outcome").asText()).isEqualTo("DENIED");
    }

    // ------------------------------------------------------------------------------------ unusual activity

    static AuditEvent read(Instant at, String actor) {
        return new AuditEvent(at, actor, null, 1L, "case work", "entity.read", Outcome.ALLOWED, List.of("entity:1"), 1, null);
    }

    static AuditEvent denied(Instant at, String actor, String action) {
        return new AuditEvent(at, actor, null, 1L, "case work", action, Outcome.DENIED, List.of("entity:9"), 0,
                "entity 9 is in no case of " + actor);
    }

    /** Appends at the clock's time. */
    static long now(AuditTrail trail, MovableClock clock, java.util.function.BiFunction<Instant, String, AuditEvent> e,
                    String actor, int times) {
        long seq = 0;
        for (int i = 0; i < times; i++) seq = trail.append(e.apply(clock.instant(), actor));
        return seq;
    }

    @Test
    void farMoreLookupsThanAUsersNormRaiseOneAlertAnHour() {
        UnusualActivityRules rules = new UnusualActivityRules(Set.of(".read", ".search", ".network", ".path"),
                Set.of("entity.", "record.", "network", "path", "search"), 5, 5, 3);
        String db = newDatabase();
        RelataStore store = open(db);
        AuditTrail trail = trail(store, rules);
        // bo's norm: two lookups in every hour of the week before T0, so 5 x 2 = 10 an hour is his threshold
        for (int h = 168; h >= 1; h--) {
            clock.set(T0.minus(Duration.ofHours(h)).plusSeconds(600));
            now(trail, clock, AuditTrailTest::read, "bo", 2);
        }
        assertThat(trail.alerts(null, 10, 0)).isEmpty();

        clock.set(T0.plusSeconds(600));
        now(trail, clock, AuditTrailTest::read, "ana", 5); // ana has no norm: the minimum, 5, holds
        now(trail, clock, (at, a) -> new AuditEvent(at, a, null, 1L, null, "entity.update", Outcome.ALLOWED,
                List.of("entity:1"), 1, null), "ana", 20); // changes are not lookups
        now(trail, clock, (at, a) -> denied(at, a, "entity.read"), "ana", 2); // denied ones are not either
        assertThat(trail.alerts(null, 10, 0)).isEmpty();
        now(trail, clock, AuditTrailTest::read, "ana", 1);
        assertThat(trail.alerts(null, 10, 0)).singleElement().satisfies(a -> {
            assertThat(a.actor()).isEqualTo("ana");
            assertThat(a.kind()).isEqualTo(AuditAlertKind.UNUSUAL_VOLUME);
            assertThat(a.at()).isEqualTo(clock.instant());
            assertThat(a.detail()).startsWith("6 lookups in the last hour, above 5");
        });
        now(trail, clock, AuditTrailTest::read, "ana", 10); // one alert an hour
        assertThat(trail.alerts(null, 10, 0)).hasSize(1);

        now(trail, clock, AuditTrailTest::read, "bo", 10); // at his threshold, not above it
        assertThat(trail.alerts(null, 10, 0)).hasSize(1);
        now(trail, clock, AuditTrailTest::read, "bo", 1);
        assertThat(trail.alerts(null, 10, 0)).extracting(AuditAlert::actor).containsExactly("ana", "bo");
        assertThat(trail.alerts(null, 10, 0).get(1).detail()).contains("norm of 2.0 an hour");

        // a restart remembers: counts and the hour's alerts come back from the store
        AuditTrail restarted = trail(store, rules);
        clock.advance(Duration.ofMinutes(20));
        now(restarted, clock, AuditTrailTest::read, "ana", 3);
        assertThat(restarted.alerts(null, 10, 0)).hasSize(2);
        clock.advance(Duration.ofMinutes(45)); // ana's first 16 lookups are over an hour old; her last alert too
        now(restarted, clock, AuditTrailTest::read, "ana", 3);
        assertThat(restarted.alerts(null, 10, 0)).hasSize(3);
        assertThat(restarted.alerts(null, 10, 0).get(2).detail()).startsWith("6 lookups in the last hour");

        restarted.reviewAlert(restarted.alerts(null, 10, 0).get(0).id(), "auditor");
        assertThat(restarted.alerts(AuditAlertStatus.OPEN, 10, 0)).extracting(AuditAlert::actor).containsExactly("bo", "ana");
        assertThat(restarted.alerts(AuditAlertStatus.REVIEWED, 10, 0)).singleElement().satisfies(a -> {
            assertThat(a.reviewedBy()).isEqualTo("auditor");
            assertThat(a.reviewedAt()).isEqualTo(clock.instant());
        });
        assertThat(restarted.verify().ok()).isTrue();
    }

    @Test
    void repeatedLookupsOutsideTheUsersCasesRaiseAnAlert() {
        String db = newDatabase();
        AuditTrail trail = trail(db);
        now(trail, clock, (at, a) -> denied(at, a, "entity.read"), "cy", 2);
        now(trail, clock, (at, a) -> denied(at, a, "auth.login.failed"), "cy", 5); // not about cases
        now(trail, clock, (at, a) -> denied(at, a, "case.member.add"), "cy", 5);
        now(trail, clock, AuditTrailTest::read, "cy", 5);
        assertThat(trail.alerts(null, 10, 0)).isEmpty();
        now(trail, clock, (at, a) -> denied(at, a, "search"), "cy", 1);
        assertThat(trail.alerts(null, 10, 0)).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AuditAlertKind.OUTSIDE_CASES);
            assertThat(a.actor()).isEqualTo("cy");
            assertThat(a.detail()).isEqualTo("3 lookups denied in the last hour (at least 3 raise this); the last was "
                    + "search: entity 9 is in no case of cy");
        });
        now(trail, clock, (at, a) -> denied(at, a, "record.read"), "cy", 3);
        assertThat(trail.alerts(null, 10, 0)).hasSize(1);

        clock.advance(Duration.ofMinutes(61)); // the hour has passed: counting starts again
        now(trail, clock, (at, a) -> denied(at, a, "network"), "cy", 2);
        assertThat(trail.alerts(null, 10, 0)).hasSize(1);
        now(trail, clock, (at, a) -> denied(at, a, "path"), "cy", 1);
        assertThat(trail.alerts(null, 10, 0)).hasSize(2);
        now(trail, clock, (at, a) -> denied(at, a, "entity.read"), "dee", 3);
        assertThat(trail.alerts(AuditAlertStatus.OPEN, 10, 0)).extracting(AuditAlert::actor).containsExactly("cy", "cy", "dee");
    }
}
