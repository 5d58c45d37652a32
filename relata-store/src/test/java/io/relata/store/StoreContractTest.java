package io.relata.store;

import io.relata.core.model.RecordKey;
import io.relata.core.resolve.live.Assignment;
import io.relata.core.resolve.live.ChangeSet;
import io.relata.core.resolve.live.EntityChange;
import io.relata.core.resolve.live.EntityChange.Kind;
import io.relata.core.resolve.live.MatchDecision;
import io.relata.core.resolve.live.ReviewPair;
import io.relata.core.model.Relationship;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the store promises, run on every backend: each subclass gives a fresh empty database per call. */
abstract class StoreContractTest {
    static final Instant T1 = Instant.parse("2025-01-01T10:00:00Z");
    static final Instant T2 = Instant.parse("2025-01-02T10:00:00.123456Z");
    static final Instant T3 = Instant.parse("2025-01-03T10:00:00Z");
    static final Instant T4 = Instant.parse("2025-01-04T10:00:00Z");
    static final RecordKey A1 = new RecordKey("A", "1");
    static final RecordKey A2 = new RecordKey("A", "2");
    static final RecordKey B1 = new RecordKey("B", "1");

    private final List<RelataStore> opened = new ArrayList<>();

    /** A new, empty database: a directory or a JDBC URL for {@link RelataStore#open}. */
    abstract String newDatabase();

    RelataStore open(String db) {
        RelataStore s = RelataStore.open(db);
        opened.add(s);
        return s;
    }

    RelataStore fresh() {
        return open(newDatabase());
    }

    @AfterEach
    void closeStores() {
        opened.forEach(RelataStore::close);
    }

    static StoredRecord rec(RecordKey k, String content, long entity) {
        return new StoredRecord(k, content.hashCode(), content, "{\"f\":\"" + content + "\"}", entity);
    }

    static ChangeSet changes(List<Assignment> assignments, List<EntityChange> changes, List<ReviewPair> reviews,
                             Map<Long, Integer> sizes) {
        return new ChangeSet(assignments, changes, reviews, sizes);
    }

    static ChangeSet reviews(ReviewPair... pairs) {
        return new ChangeSet(List.of(), List.of(), List.of(pairs), Map.of());
    }

    /** A1 and A2 stored, each in its own new entity (1 and 2), B1 stored alone in entity 3. */
    static void loadThree(RelataStore store) {
        try (StoreBatch b = store.begin()) {
            b.insertRecord(rec(A1, "a1", 0), T1);
            b.insertRecord(rec(A2, "a2", 0), T1);
            b.insertRecord(rec(B1, "b1", 0), T1);
            b.apply(changes(List.of(new Assignment(A1, 1, 0), new Assignment(A2, 2, 0), new Assignment(B1, 3, 0)),
                    List.of(new EntityChange(1, Kind.CREATED, A1, 0, ""), new EntityChange(2, Kind.CREATED, A2, 0, ""),
                            new EntityChange(3, Kind.CREATED, B1, 0, "")),
                    List.of(), Map.of(1L, 1, 2L, 1, 3L, 1)), T1);
            b.commit();
        }
    }

    /** The versions of the migrations the store ships (V1__..., V2__...), in order: each must have been applied. */
    static List<String> migrationVersions() throws Exception {
        java.net.URL dir = RelataStore.class.getClassLoader().getResource("db/migration");
        try (var files = Files.list(java.nio.file.Path.of(dir.toURI()))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__"))).sorted(java.util.Comparator.comparingInt(Integer::parseInt)).toList();
        }
    }

    @Test
    void migratesAnEmptyStoreAndReopensItWithoutMigratingAgain() throws Exception {
        String db = newDatabase();
        RelataStore store = open(db);
        assertThat(store.counts()).isEqualTo(new StoreCounts(0, 0, 0, 0));
        assertThat(store.maxEntityId()).isZero();
        loadThree(store);
        store.close();

        RelataStore again = open(db);
        assertThat(again.counts()).isEqualTo(new StoreCounts(3, 0, 3, 0));
        assertThat(again.maxEntityId()).isEqualTo(3);
        try (PreparedStatement ps = again.connection().prepareStatement(
                "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL AND \"success\" ORDER BY \"installed_rank\"");
             ResultSet rs = ps.executeQuery()) {
            List<String> versions = new ArrayList<>();
            while (rs.next()) versions.add(rs.getString(1));
            assertThat(versions).startsWith("1", "2", "3", "4", "5", "6").containsExactlyElementsOf(migrationVersions());
        }
        again.connection().rollback();
        // entity ids known from the first session: new sizes are updates, not duplicate inserts
        try (StoreBatch b = again.begin()) {
            b.apply(changes(List.of(), List.of(), List.of(), Map.of(3L, 0)), T2);
            b.commit();
        }
        assertThat(again.entity(3)).get().satisfies(e -> assertThat(e.retiredAt()).isEqualTo(T2));
    }

    @Test
    void insertsUpdatesAndWithdrawsRecords() {
        RelataStore store = fresh();
        try (StoreBatch b = store.begin()) {
            b.insertRecord(rec(A1, "first", 7), T1);
            b.insertRecord(rec(B1, "other", 0), T1);
            b.commit();
        }
        assertThat(store.record(A1)).contains(rec(A1, "first", 7));
        assertThat(store.record(B1)).contains(rec(B1, "other", 0));
        assertThat(store.entityOf(A1)).hasValue(7);
        assertThat(store.entityOf(B1)).isEmpty();
        assertThat(store.sources()).extracting(SourceInfo::code).containsExactly("A", "B");

        try (StoreBatch b = store.begin()) {
            b.updateRecord(rec(A1, "second", 0), T2);
            b.withdrawRecord(B1, T2);
            b.commit();
        }
        assertThat(store.record(A1)).contains(rec(A1, "second", 7));
        assertThat(store.record(B1)).isEmpty();
        assertThat(store.recordStatus(B1)).contains(RecordStatus.WITHDRAWN);
        assertThat(store.recordStatus(A1)).contains(RecordStatus.ACTIVE);
        assertThat(store.recordStatus(new RecordKey("A", "nope"))).isEmpty();
        assertThat(store.records(List.of(B1, A1, new RecordKey("C", "9")))).containsExactly(rec(A1, "second", 7));
        assertThat(store.counts()).isEqualTo(new StoreCounts(1, 1, 0, 0));

        try (StoreBatch b = store.begin()) { // a withdrawn record comes back
            b.updateRecord(rec(B1, "back", 4), T3);
            b.commit();
        }
        assertThat(store.record(B1)).contains(rec(B1, "back", 4));
    }

    @Test
    void changingARecordThatIsNotStoredFailsAndLeavesNothing() {
        RelataStore store = fresh();
        StoreBatch b = store.begin();
        b.insertRecord(rec(A1, "a", 0), T1);
        b.updateRecord(rec(A2, "missing", 0), T1);
        assertThatThrownBy(b::commit).isInstanceOf(StoreException.class).hasMessageContaining("record A:2 is not stored");
        b.close();
        assertThat(store.counts().activeRecords()).isZero();

        try (StoreBatch again = store.begin()) {
            again.insertRecord(rec(A1, "a", 0), T1);
            again.commit();
        }
        try (StoreBatch dup = store.begin()) {
            dup.insertRecord(rec(A1, "a", 0), T1);
            assertThatThrownBy(dup::commit).isInstanceOf(StoreException.class).hasMessageContaining("cannot write");
        }
        assertThat(store.counts().activeRecords()).isEqualTo(1);
    }

    @Test
    void changeSetsCreateMergeSplitAndRetireEntities() {
        RelataStore store = fresh();
        loadThree(store);
        assertThat(store.entity(1)).get().satisfies(e -> {
            assertThat(e.recordCount()).isEqualTo(1);
            assertThat(e.createdAt()).isEqualTo(T1);
            assertThat(e.retiredAt()).isNull();
            assertThat(e.records()).containsExactly(rec(A1, "a1", 1));
        });

        // merge: entity 1 absorbs entity 2
        try (StoreBatch b = store.begin()) {
            b.apply(changes(List.of(new Assignment(A2, 1, 2)),
                    List.of(new EntityChange(1, Kind.MERGED, A2, 2, "+NAME+DOB"),
                            new EntityChange(2, Kind.MERGED_INTO, A2, 1, "+NAME+DOB"),
                            new EntityChange(2, Kind.RETIRED, A2, 0, "")),
                    List.of(), Map.of(1L, 2, 2L, 0)), T2);
            b.commit();
        }
        EntityView one = store.entity(1).orElseThrow();
        assertThat(one.recordCount()).isEqualTo(2);
        assertThat(one.updatedAt()).isEqualTo(T2);
        assertThat(one.records()).extracting(StoredRecord::key).containsExactly(A1, A2);
        // when each record was first loaded, not when it last moved
        assertThat(one.loadedAt()).containsExactlyInAnyOrderEntriesOf(Map.of(A1, T1, A2, T1));
        assertThat(one.history()).extracting(EntityEvent::kind).containsExactly(Kind.CREATED, Kind.MERGED);
        assertThat(one.history().get(1)).isEqualTo(new EntityEvent(1, T2, Kind.MERGED, A2, 2, "+NAME+DOB"));
        EntityView two = store.entity(2).orElseThrow();
        assertThat(two.recordCount()).isZero();
        assertThat(two.retiredAt()).isEqualTo(T2);
        assertThat(two.retired()).isTrue();
        assertThat(two.records()).isEmpty();
        assertThat(two.history()).extracting(EntityEvent::kind).containsExactly(Kind.CREATED, Kind.MERGED_INTO, Kind.RETIRED);
        assertThat(store.counts().liveEntities()).isEqualTo(2);

        // split: A2 leaves entity 1 and forms entity 4
        try (StoreBatch b = store.begin()) {
            b.apply(changes(List.of(new Assignment(A2, 4, 1)),
                    List.of(new EntityChange(1, Kind.SPLIT, A2, 4, ""), new EntityChange(4, Kind.CREATED, A2, 1, "")),
                    List.of(), Map.of(1L, 1, 4L, 1)), T3);
            b.commit();
        }
        assertThat(store.entityOf(A2)).hasValue(4);
        assertThat(store.entity(4)).get().satisfies(e -> {
            assertThat(e.createdAt()).isEqualTo(T3);
            assertThat(e.records()).extracting(StoredRecord::key).containsExactly(A2);
        });
        assertThat(store.entity(1).orElseThrow().records()).extracting(StoredRecord::key).containsExactly(A1);
        assertThat(store.maxEntityId()).isEqualTo(4);

        // a retired entity that gets records again is live again
        try (StoreBatch b = store.begin()) {
            b.apply(changes(List.of(new Assignment(B1, 2, 3)), List.of(), List.of(), Map.of(2L, 1, 3L, 0)), T4);
            b.commit();
        }
        assertThat(store.entity(2).orElseThrow().retiredAt()).isNull();
        assertThat(store.entity(3).orElseThrow().retiredAt()).isEqualTo(T4);
        assertThat(store.entity(99)).isEmpty();

        assertThat(store.assignmentHistory(A2)).containsExactly(
                new AssignmentEvent(A2, 2, 0, T1), new AssignmentEvent(A2, 1, 2, T2), new AssignmentEvent(A2, 4, 1, T3));
    }

    @Test
    void withdrawalAssignsNoEntity() {
        RelataStore store = fresh();
        loadThree(store);
        try (StoreBatch b = store.begin()) {
            b.withdrawRecord(A1, T2);
            b.apply(changes(List.of(new Assignment(A1, 0, 1)), List.of(new EntityChange(1, Kind.RECORD_REMOVED, A1, 0, ""),
                    new EntityChange(1, Kind.RETIRED, A1, 0, "")), List.of(), Map.of(1L, 0)), T2);
            b.commit();
        }
        assertThat(store.entityOf(A1)).isEmpty();
        assertThat(store.assignmentHistory(A1)).last().isEqualTo(new AssignmentEvent(A1, 0, 1, T2));
        assertThat(store.counts()).isEqualTo(new StoreCounts(2, 1, 2, 0));
    }

    @Test
    void writesInOneBatchAreCoalescedInOrder() {
        RelataStore store = fresh();
        try (StoreBatch b = store.begin()) {
            b.insertRecord(rec(A1, "a1", 0), T1);
            b.apply(changes(List.of(new Assignment(A1, 10, 0)), List.of(), List.of(), Map.of(10L, 1)), T1);
            b.insertRecord(rec(A2, "a2", 0), T2);
            b.apply(changes(List.of(new Assignment(A2, 10, 0)), List.of(), List.of(), Map.of(10L, 2)), T2);
            b.updateRecord(rec(A1, "a1 changed", 0), T2);
            assertThat(store.entityOf(A2)).hasValue(10); // reads inside a batch see its writes
            b.apply(changes(List.of(new Assignment(A1, 11, 10)), List.of(), List.of(), Map.of(10L, 1, 11L, 1)), T3);
            b.commit();
        }
        assertThat(store.record(A1)).contains(rec(A1, "a1 changed", 11));
        assertThat(store.entity(10).orElseThrow().recordCount()).isEqualTo(1);
        assertThat(store.entity(10).orElseThrow().createdAt()).isEqualTo(T1);
        assertThat(store.entity(11).orElseThrow().records()).extracting(StoredRecord::key).containsExactly(A1);
    }

    @Test
    void reviewItemsAreNeverDuplicatedAndCanBeDisposedOf() {
        RelataStore store = fresh();
        loadThree(store);
        try (StoreBatch b = store.begin()) {
            b.apply(reviews(new ReviewPair(B1, A1, 3.5, "+NAME-DOB")), T2);
            b.apply(reviews(new ReviewPair(A1, B1, 4.0, "+NAME")), T2); // same pair, same batch
            b.apply(reviews(new ReviewPair(A2, B1, 2.0, "+SURNAME")), T2);
            b.commit();
        }
        try (StoreBatch b = store.begin()) {
            b.apply(reviews(new ReviewPair(A1, B1, 5.0, "+NAME")), T3); // same pair, later batch
            b.commit();
        }
        List<ReviewItem> open = store.reviewItems("OPEN", 10);
        assertThat(open).hasSize(2);
        ReviewItem first = open.get(0);
        assertThat(first.first()).isEqualTo(A1);
        assertThat(first.second()).isEqualTo(B1);
        assertThat(first.weight()).isEqualTo(3.5);
        assertThat(first.matchKey()).isEqualTo("+NAME-DOB");
        assertThat(first.createdAt()).isEqualTo(T2);
        assertThat(first.decidedBy()).isNull();
        assertThat(store.counts().openReviews()).isEqualTo(2);
        assertThat(store.reviewItems("OPEN", 1)).hasSize(1);
        assertThat(store.reviewItems("OPEN", 10, 1)).extracting(ReviewItem::id).containsExactly(open.get(1).id());
        assertThat(store.reviewItems("OPEN", 10, 2)).isEmpty();

        store.disposeReview(first.id(), "DISMISSED", "ana", T3);
        try (StoreBatch b = store.begin()) { // a dismissed pair found again stays dismissed
            b.apply(reviews(new ReviewPair(A1, B1, 5.0, "+NAME")), T4);
            b.commit();
        }
        assertThat(store.reviewItems(null, 10)).hasSize(2);
        assertThat(store.reviewItems("DISMISSED", 10)).singleElement().satisfies(r -> {
            assertThat(r.decidedBy()).isEqualTo("ana");
            assertThat(r.decidedAt()).isEqualTo(T3);
        });
        assertThat(store.counts().openReviews()).isEqualTo(1);

        assertThatThrownBy(() -> store.disposeReview(999_999, "SAME", "ana", T3))
                .isInstanceOf(StoreNotFoundException.class).hasMessage("no review item 999999");
        assertThatThrownBy(() -> store.disposeReview(first.id(), "MAYBE", "ana", T3))
                .isInstanceOf(StoreException.class).hasMessageContaining("SAME, DIFFERENT or DISMISSED");
        assertThatThrownBy(() -> store.reviewItems("LATER", 1)).isInstanceOf(StoreException.class);
    }

    @Test
    void aDecisionReplacesTheEarlierOneOnItsPairAndClosesItsReview() {
        RelataStore store = fresh();
        loadThree(store);
        try (StoreBatch b = store.begin()) {
            b.apply(reviews(new ReviewPair(A2, B1, 2.0, "+SURNAME")), T2);
            b.putDecision(new MatchDecision(A2, B1, true, "same passport", "ana", T2));
            b.putDecision(new MatchDecision(A1, A2, false, "twins", "bo", T2));
            b.commit();
        }
        try (StoreBatch b = store.begin()) {
            b.putDecision(new MatchDecision(B1, A2, false, "passport was forged", "cy", T3)); // reversed pair
            b.commit();
        }
        assertThat(store.decisions()).containsExactly(
                new MatchDecision(A1, A2, false, "twins", "bo", T2),
                new MatchDecision(A2, B1, false, "passport was forged", "cy", T3));
        assertThat(store.reviewItems(null, 10)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo("DIFFERENT");
            assertThat(r.decidedBy()).isEqualTo("cy");
            assertThat(r.decidedAt()).isEqualTo(T3);
        });
    }

    @Test
    void exportsEveryActiveRecordsEntityAsSortedCsv() {
        RelataStore store = fresh();
        loadThree(store);
        RecordKey odd = new RecordKey("A", "x,\"y\"");
        RecordKey gone = new RecordKey("A", "0");
        try (StoreBatch b = store.begin()) {
            b.insertRecord(rec(odd, "odd", 0), T2);
            b.insertRecord(rec(gone, "gone", 0), T2);
            b.insertRecord(rec(new RecordKey("AA", "1"), "aa", 0), T2);
            b.insertRecord(rec(new RecordKey("B", "10"), "b10", 0), T2);
            b.insertRecord(rec(new RecordKey("B", "Z"), "bz", 0), T2);
            b.insertRecord(rec(new RecordKey("B", "a"), "ba", 0), T2);
            b.apply(changes(List.of(new Assignment(odd, 1, 0)), List.of(), List.of(), Map.of(1L, 2)), T2);
            b.withdrawRecord(gone, T2);
            b.commit();
        }
        StringBuilder out = new StringBuilder();
        store.exportClusters(out);
        assertThat(out.toString()).isEqualTo("""
                source,id,entity
                A,1,1
                A,2,2
                A,"x,""y\""",1
                AA,1,
                B,1,3
                B,10,
                B,Z,
                B,a,
                """);
    }

    @Test
    void changesSinceListsEntityEventsFromAnInstantInOrder() {
        RelataStore store = fresh();
        loadThree(store);
        try (StoreBatch b = store.begin()) {
            b.apply(changes(List.of(new Assignment(A2, 1, 2)), List.of(new EntityChange(1, Kind.RECORD_ADDED, A2, 0, "+NAME"),
                    new EntityChange(2, Kind.RETIRED, A2, 0, "")), List.of(), Map.of(1L, 2, 2L, 0)), T2);
            b.commit();
        }
        try (StoreBatch b = store.begin()) {
            b.apply(changes(List.of(), List.of(new EntityChange(3, Kind.RECORD_REMOVED, null, 0, null)), List.of(),
                    Map.of()), T3);
            b.commit();
        }
        assertThat(store.changesSince(T1, 100)).hasSize(6);
        assertThat(store.changesSince(T2, 100)).containsExactly(
                new EntityEvent(1, T2, Kind.RECORD_ADDED, A2, 0, "+NAME"), new EntityEvent(2, T2, Kind.RETIRED, A2, 0, ""),
                new EntityEvent(3, T3, Kind.RECORD_REMOVED, null, 0, ""));
        assertThat(store.changesSince(T2, 1)).extracting(EntityEvent::entityId).containsExactly(1L);
        assertThat(store.changesSince(T4, 10)).isEmpty();
    }

    @Test
    void aBatchClosedWithoutCommitLeavesNothing() {
        RelataStore store = fresh();
        try (StoreBatch b = store.begin()) {
            b.ensureSource("GHOST");
            b.insertRecord(rec(new RecordKey("GHOST", "1"), "g", 0), T1);
            b.apply(changes(List.of(new Assignment(new RecordKey("GHOST", "1"), 1, 0)),
                    List.of(new EntityChange(1, Kind.CREATED, new RecordKey("GHOST", "1"), 0, "")),
                    List.of(new ReviewPair(A1, A2, 1, "")), Map.of(1L, 1)), T1);
            b.putSetting("model", "{}");
            b.putDecision(new MatchDecision(A1, A2, true, "r", "ana", T1));
            assertThat(store.counts().activeRecords()).isEqualTo(1); // flushed, not committed
        }
        assertThat(store.counts()).isEqualTo(new StoreCounts(0, 0, 0, 0));
        assertThat(store.sources()).isEmpty();
        assertThat(store.maxEntityId()).isZero();
        assertThat(store.changesSince(T1, 10)).isEmpty();
        assertThat(store.decisions()).isEmpty();
        assertThat(store.setting("model")).isEmpty();

        // what the rolled-back batch registered is not believed to exist
        try (StoreBatch b = store.begin()) {
            b.insertRecord(rec(new RecordKey("GHOST", "1"), "g", 0), T2);
            b.apply(changes(List.of(new Assignment(new RecordKey("GHOST", "1"), 1, 0)), List.of(), List.of(),
                    Map.of(1L, 1)), T2);
            b.commit();
        }
        assertThat(store.entity(1).orElseThrow().createdAt()).isEqualTo(T2);
        assertThatCode(() -> store.begin().commit()).doesNotThrowAnyException();
    }

    @Test
    void aFinishedBatchCannotBeUsedAndOnlyOneBatchIsOpen() {
        RelataStore store = fresh();
        StoreBatch b = store.begin();
        assertThatThrownBy(store::begin).isInstanceOf(StoreException.class).hasMessageContaining("already open");
        assertThatThrownBy(() -> store.putSource(SourceInfo.of("X"))).isInstanceOf(StoreException.class)
                .hasMessageContaining("batch is open");
        b.commit();
        assertThatThrownBy(() -> b.insertRecord(rec(A1, "a", 0), T1)).isInstanceOf(StoreException.class)
                .hasMessageContaining("begin a new one");
        b.close();
        store.begin().close();
    }

    @Test
    void streamsManyActiveRecords() {
        RelataStore store = fresh();
        int n = 20_000;
        long expected = 0;
        try (StoreBatch b = store.begin()) {
            for (int i = 0; i < n; i++) {
                RecordKey k = new RecordKey(i % 2 == 0 ? "EVEN" : "ODD", Integer.toString(i));
                b.insertRecord(new StoredRecord(k, i, "{\"id\":" + i + "}", "{}", 0), T1);
                b.apply(changes(List.of(new Assignment(k, i + 1, 0)), List.of(new EntityChange(i + 1, Kind.CREATED, k, 0, "")),
                        List.of(), Map.of((long) i + 1, 1)), T1);
                expected += i;
            }
            b.withdrawRecord(new RecordKey("EVEN", "0"), T2);
            b.commit();
        }
        AtomicLong count = new AtomicLong();
        AtomicLong sum = new AtomicLong();
        store.forEachActiveRecord(r -> {
            count.incrementAndGet();
            sum.addAndGet(r.contentHash());
            assertThat(r.entityId()).isEqualTo(r.contentHash() + 1);
        });
        assertThat(count.get()).isEqualTo(n - 1);
        assertThat(sum.get()).isEqualTo(expected);
        assertThat(store.counts()).isEqualTo(new StoreCounts(n - 1, 1, n, 0));
        assertThat(store.maxEntityId()).isEqualTo(n);
        assertThat(store.sizeBytes()).isPositive();
    }

    @Test
    void keepsASourceRegistry() {
        RelataStore store = fresh();
        store.putSource(new SourceInfo("DMV", "Motor vehicles", "State DMV", "licensing", "US", 3650, null));
        try (StoreBatch b = store.begin()) {
            b.ensureSource("DMV"); // registered already: left as it is
            b.ensureSource("CRM");
            b.commit();
        }
        assertThat(store.sources()).containsExactly(
                new SourceInfo("CRM", "CRM", null, null, null, null, "INTERNAL"),
                new SourceInfo("DMV", "Motor vehicles", "State DMV", "licensing", "US", 3650, "INTERNAL"));
        store.putSource(new SourceInfo("CRM", "Customer records", "Sales", null, "GB", null, "RESTRICTED"));
        assertThat(store.sources().get(0))
                .isEqualTo(new SourceInfo("CRM", "Customer records", "Sales", null, "GB", null, "RESTRICTED"));
        assertThatThrownBy(() -> store.putSource(new SourceInfo("X", null, null, null, "USA", null, null)))
                .isInstanceOf(StoreException.class).hasMessageContaining("two-letter");
    }

    @Test
    void keepsSettings() {
        RelataStore store = fresh();
        try (StoreBatch b = store.begin()) {
            b.putSetting("model", "{\"v\":1}");
            b.putSetting("model", "{\"v\":2}");
            b.putSetting("empty", null);
            b.commit();
        }
        assertThat(store.setting("model")).contains("{\"v\":2}");
        assertThat(store.setting("empty")).isEmpty();
        assertThat(store.setting("none")).isEmpty();
    }

    // ------------------------------------------------------------------ version 2: what relationship discovery keeps

    @Test
    void upgradesAStoreMadeByTheFirstVersionAndKeepsItsData() throws Exception {
        String db = newDatabase();
        StoreLocation location = StoreLocation.parse(db, Map.of());
        if (location.directory != null) Files.createDirectories(location.directory);
        Properties p = location.properties();
        Flyway.configure(getClass().getClassLoader()).dataSource(location.url, p.getProperty("user"), p.getProperty("password"))
                .locations("classpath:db/migration").target("1").load().migrate();
        try (Connection c = DriverManager.getConnection(location.url, p); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO source (code, name, access_label, created_at) VALUES ('OLD', 'Old', 'INTERNAL', "
                    + "CURRENT_TIMESTAMP)");
        }
        RelataStore store = open(db);
        assertThat(store.sources()).extracting(SourceInfo::code).containsExactly("OLD");
        assertThat(store.cases().create("after the upgrade", null, "ana", T1).id()).isPositive();
        assertThat(store.users().create("ana", "Ana", HASH, null, Set.of("ADMIN"), T1).username()).isEqualTo("ana");
    }

    static FoundLead found(String pattern, String key, double score, Long... entities) {
        return new FoundLead(pattern, key, score, "{\"score\":" + score + "}", "{\"entities\":" + List.of(entities) + "}",
                List.of(entities));
    }

    static void upsert(RelataStore store, Instant at, FoundLead... leads) {
        try (StoreBatch b = store.begin()) {
            b.upsertLeads(List.of(leads), at);
            b.commit();
        }
    }

    @Test
    void aLeadFoundAgainKeepsItsIdAndItsDisposition() {
        RelataStore store = fresh();
        upsert(store, T1, found("shared-address", "shared-address:1 main st", 5.0, 2L, 1L, 2L),
                found("identity-ring", "ring:7", 9.0, 7L, 8L, 9L));
        Lead lead = store.leads().find("shared-address", "shared-address:1 main st").orElseThrow();
        assertThat(lead.id()).isPositive();
        assertThat(lead.status()).isEqualTo(LeadStatus.OPEN);
        assertThat(lead.memberCount()).isEqualTo(2);
        assertThat(lead.score()).isEqualTo(5.0);
        assertThat(lead.evidence()).isEqualTo("{\"score\":5.0}");
        assertThat(lead.members()).isEqualTo("{\"entities\":[2, 1, 2]}");
        assertThat(lead.createdAt()).isEqualTo(T1);
        assertThat(lead.updatedAt()).isEqualTo(T1);
        assertThat(lead.note()).isNull();
        assertThat(lead.disposedBy()).isNull();
        assertThat(store.leads().get(lead.id())).contains(lead);

        store.leads().dispose(lead.id(), LeadStatus.DISMISSED, "same building, different flats", "ana", T2);
        upsert(store, T3, found("shared-address", "shared-address:1 main st", 6.5, 1L, 2L));
        Lead again = store.leads().get(lead.id()).orElseThrow();
        assertThat(again.status()).isEqualTo(LeadStatus.DISMISSED);
        assertThat(again.note()).isEqualTo("same building, different flats");
        assertThat(again.disposedBy()).isEqualTo("ana");
        assertThat(again.disposedAt()).isEqualTo(T2);
        assertThat(again.score()).isEqualTo(6.5);
        assertThat(again.createdAt()).isEqualTo(T1);
        assertThat(again.updatedAt()).isEqualTo(T3);
        assertThat(store.leads().list(null, null, 10, 0)).hasSize(2);

        store.leads().dispose(lead.id(), LeadStatus.ESCALATED, null, "bo", null); // a later disposition replaces it
        assertThat(store.leads().get(lead.id()).orElseThrow()).satisfies(l -> {
            assertThat(l.status()).isEqualTo(LeadStatus.ESCALATED);
            assertThat(l.note()).isNull();
            assertThat(l.disposedBy()).isEqualTo("bo");
        });
        assertThatThrownBy(() -> store.leads().dispose(lead.id(), LeadStatus.RETIRED, null, "ana", T3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("REVIEWED, DISMISSED or ESCALATED");
        assertThatThrownBy(() -> store.leads().dispose(lead.id(), LeadStatus.OPEN, null, "ana", T3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.leads().dispose(lead.id(), LeadStatus.REVIEWED, null, " ", T3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("analyst");
        assertThatThrownBy(() -> store.leads().dispose(999_999, LeadStatus.REVIEWED, null, "ana", T3))
                .isInstanceOf(StoreNotFoundException.class).hasMessage("no lead 999999");
        assertThat(store.leads().find("shared-address", "elsewhere")).isEmpty();
        assertThat(store.leads().get(999_999)).isEmpty();
    }

    @Test
    void aFullRescanRetiresWhatItNoLongerFindsAndReopensWhatItFindsAgain() {
        RelataStore store = fresh();
        String pattern = "shared-address";
        upsert(store, T1, found(pattern, "a", 3, 1L, 2L), found(pattern, "b", 2, 3L, 4L), found(pattern, "c", 1, 5L, 6L),
                found("identity-ring", "a", 9, 1L, 7L));
        long b = store.leads().find(pattern, "b").orElseThrow().id();
        store.leads().dispose(b, LeadStatus.DISMISSED, "noise", "ana", T1);

        try (StoreBatch batch = store.begin()) { // the scan finds only "a"
            batch.upsertLeads(List.of(found(pattern, "a", 3, 1L, 2L)), T2);
            assertThat(batch.retireLeadsNotFound(pattern, Set.of("a"), T2)).isEqualTo(2);
            batch.commit();
        }
        assertThat(store.leads().list(pattern, LeadStatus.RETIRED, 10, 0)).extracting(Lead::key).containsExactly("b", "c");
        assertThat(store.leads().find(pattern, "b").orElseThrow()).satisfies(l -> {
            assertThat(l.updatedAt()).isEqualTo(T2);
            assertThat(l.disposedBy()).isEqualTo("ana"); // the earlier disposition is still there to see
        });
        assertThat(store.leads().find("identity-ring", "a").orElseThrow().status()).isEqualTo(LeadStatus.OPEN);

        try (StoreBatch batch = store.begin()) { // the next scan finds "a" and "b" again
            batch.upsertLeads(List.of(found(pattern, "a", 3, 1L, 2L), found(pattern, "b", 2.5, 3L, 4L)), T3);
            assertThat(batch.retireLeadsNotFound(pattern, List.of("a", "b"), T3)).isZero(); // "c" is retired already
            batch.commit();
        }
        Lead reopened = store.leads().find(pattern, "b").orElseThrow();
        assertThat(reopened.id()).isEqualTo(b);
        assertThat(reopened.status()).isEqualTo(LeadStatus.OPEN);
        assertThat(reopened.score()).isEqualTo(2.5);
        assertThat(store.leads().find(pattern, "c").orElseThrow().status()).isEqualTo(LeadStatus.RETIRED);

        try (StoreBatch batch = store.begin()) {
            assertThat(batch.retireLeads(pattern, List.of("a", "nope", "c"), T4)).isEqualTo(1);
            assertThat(batch.retireLeadsNotFound("identity-ring", Set.of(), T4)).isEqualTo(1);
            batch.commit();
        }
        assertThat(store.leads().list(null, LeadStatus.OPEN, 10, 0)).extracting(Lead::key).containsExactly("b");
    }

    @Test
    void listsLeadsBestFirstInPages() {
        RelataStore store = fresh();
        upsert(store, T1, found("p", "one", 1, 1L), found("p", "three", 3, 3L), found("q", "five", 5, 5L),
                found("p", "also-three", 3, 4L), found("q", "two", 2, 2L));
        List<Lead> all = store.leads().list(null, null, 100, 0);
        assertThat(all).extracting(Lead::score).containsExactly(5.0, 3.0, 3.0, 2.0, 1.0);
        assertThat(all).extracting(Lead::key).containsExactly("five", "three", "also-three", "two", "one"); // ties by id
        List<Lead> paged = new ArrayList<>();
        for (int offset = 0; offset < 6; offset += 2) paged.addAll(store.leads().list(null, null, 2, offset));
        assertThat(paged).isEqualTo(all);
        assertThat(store.leads().list("p", null, 100, 0)).extracting(Lead::key).containsExactly("three", "also-three", "one");
        assertThat(store.leads().list("p", LeadStatus.OPEN, 1, 1)).extracting(Lead::key).containsExactly("also-three");
        store.leads().dispose(all.get(0).id(), LeadStatus.REVIEWED, null, "ana", T2);
        assertThat(store.leads().list(null, LeadStatus.REVIEWED, 10, 0)).extracting(Lead::key).containsExactly("five");
        assertThat(store.leads().list("q", LeadStatus.OPEN, 10, 0)).extracting(Lead::key).containsExactly("two");
        assertThat(store.leads().list("none", null, 10, 0)).isEmpty();
        assertThat(store.leads().list(null, null, 10, 5)).isEmpty();
    }

    @Test
    void leadsOfAnEntityFollowTheLeadsMembers() {
        RelataStore store = fresh();
        upsert(store, T1, found("shared-address", "x", 2, 1L, 2L), found("shared-phone", "y", 4, 2L, 3L));
        assertThat(store.leads().ofEntity(2)).extracting(Lead::key).containsExactly("y", "x");
        assertThat(store.leads().ofEntity(1)).extracting(Lead::key).containsExactly("x");
        assertThat(store.leads().ofEntity(9)).isEmpty();

        // "x" now joins 2 and 4; in one call the last of two findings of a lead counts
        try (StoreBatch b = store.begin()) {
            b.upsertLeads(List.of(found("shared-address", "x", 2, 1L, 2L, 5L), found("shared-address", "x", 2, 4L, 2L)), T2);
            b.commit();
        }
        assertThat(store.leads().ofEntity(1)).isEmpty();
        assertThat(store.leads().ofEntity(5)).isEmpty();
        assertThat(store.leads().ofEntity(4)).extracting(Lead::key).containsExactly("x");
        assertThat(store.leads().ofEntity(2)).extracting(Lead::key).containsExactly("y", "x");
        assertThat(store.leads().find("shared-address", "x").orElseThrow().memberCount()).isEqualTo(2);

        try (StoreBatch b = store.begin()) { // retired leads are still found from their entities
            b.retireLeads("shared-phone", List.of("y"), T3);
            b.commit();
        }
        assertThat(store.leads().ofEntity(3)).singleElement().extracting(Lead::status).isEqualTo(LeadStatus.RETIRED);
    }

    @Test
    void storesManyLeadsAndTheLongestKeysInOneScan() {
        RelataStore store = fresh();
        List<FoundLead> leads = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) leads.add(found("bulk", "k" + i, i, (long) i + 1, (long) i + 2));
        String longest = "名".repeat(FoundLead.MAX_KEY_LENGTH); // 1,500 bytes in UTF-8: still fits the unique index
        leads.add(new FoundLead("p".repeat(FoundLead.MAX_PATTERN_LENGTH), longest, 0, "{}", "[]", List.of(1L)));
        try (StoreBatch b = store.begin()) {
            b.upsertLeads(leads, T1);
            b.commit();
        }
        try (StoreBatch b = store.begin()) {
            b.upsertLeads(leads.subList(0, 700), T2);
            assertThat(b.retireLeadsNotFound("bulk", leads.subList(0, 700).stream().map(FoundLead::key).toList(), T2))
                    .isEqualTo(500);
            b.commit();
        }
        assertThat(store.leads().list("bulk", LeadStatus.OPEN, 2_000, 0)).hasSize(700);
        assertThat(store.leads().ofEntity(2)).extracting(Lead::key).containsExactlyInAnyOrder("k0", "k1");
        assertThat(store.leads().find("p".repeat(FoundLead.MAX_PATTERN_LENGTH), longest)).isPresent();
    }

    @Test
    void casesHaveUniqueNamesAndMembers() {
        RelataStore store = fresh();
        CaseFile falcon = store.cases().create("Operation Falcon", "payroll fraud", "ana", T1);
        assertThat(falcon.id()).isPositive();
        assertThat(falcon).isEqualTo(new CaseFile(falcon.id(), "Operation Falcon", "payroll fraud", "ana", T1,
                CaseStatus.OPEN, false));
        assertThat(store.cases().get(falcon.id())).contains(falcon);
        assertThat(store.cases().byName("Operation Falcon")).contains(falcon);
        assertThat(store.cases().members(falcon.id())).containsExactly(new CaseMember(falcon.id(), "ana", CaseRole.OWNER));

        assertThatThrownBy(() -> store.cases().create("Operation Falcon", null, "bo", T2))
                .isInstanceOf(StoreConflictException.class).hasMessage("a case named 'Operation Falcon' already exists");
        CaseFile heron = store.cases().create("Operation Heron", null, "bo", T2);
        assertThat(store.cases().list()).containsExactly(falcon, heron);

        store.cases().addMember(falcon.id(), "cy", CaseRole.MEMBER);
        store.cases().addMember(falcon.id(), "Bo", CaseRole.MEMBER);
        store.cases().addMember(falcon.id(), "cy", CaseRole.OWNER); // a member given another role
        assertThat(store.cases().members(falcon.id())).containsExactly(new CaseMember(falcon.id(), "Bo", CaseRole.MEMBER),
                new CaseMember(falcon.id(), "ana", CaseRole.OWNER), new CaseMember(falcon.id(), "cy", CaseRole.OWNER));
        assertThat(store.cases().members(heron.id())).extracting(CaseMember::username).containsExactly("bo");

        assertThatThrownBy(() -> store.cases().addMember(999_999, "cy", CaseRole.MEMBER))
                .isInstanceOf(StoreNotFoundException.class).hasMessage("no case 999999");
        assertThatThrownBy(() -> store.cases().create(" ", null, "ana", T1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name is required");
        assertThatThrownBy(() -> store.cases().create("x".repeat(201), null, "ana", T1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 200");
        assertThat(store.cases().get(999_999)).isEmpty();
        assertThat(store.cases().byName("nope")).isEmpty();
        assertThat(store.cases().members(999_999)).isEmpty();
    }

    @Test
    void watchesAreAddedListedAndDeactivated() {
        RelataStore store = fresh();
        loadThree(store);
        CaseFile falcon = store.cases().create("Falcon", null, "ana", T1);
        CaseFile heron = store.cases().create("Heron", null, "bo", T1);
        Watch w1 = store.watches().add(falcon.id(), 1, 0, "ana", "the subject", T1);
        Watch w2 = store.watches().add(falcon.id(), 2, 2, "ana", null, T2);
        Watch w3 = store.watches().add(heron.id(), 3, 3, "bo", null, T2);
        assertThat(w1).isEqualTo(new Watch(w1.id(), falcon.id(), 1, 0, "ana", T1, "the subject", true));
        assertThat(store.watches().get(w1.id())).contains(w1);
        assertThat(store.watches().ofCase(falcon.id())).containsExactly(w1, w2);
        assertThat(store.watches().active()).containsExactly(w1, w2, w3);

        store.watches().deactivate(w2.id());
        assertThat(store.watches().ofCase(falcon.id())).extracting(Watch::active).containsExactly(true, false);
        assertThat(store.watches().active()).containsExactly(w1, w3);

        assertThatThrownBy(() -> store.watches().add(falcon.id(), 1, 4, "ana", null, T1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a watch must be 0 to 3 hops, not 4");
        assertThatThrownBy(() -> store.watches().add(falcon.id(), 1, -1, "ana", null, T1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.watches().add(999_999, 1, 1, "ana", null, T1))
                .isInstanceOf(StoreException.class).hasMessage("no case 999999");
        assertThatThrownBy(() -> store.watches().add(falcon.id(), 99, 1, "ana", null, T1))
                .isInstanceOf(StoreException.class).hasMessage("no entity 99");
        assertThatThrownBy(() -> store.watches().deactivate(999_999))
                .isInstanceOf(StoreException.class).hasMessage("no watch 999999");
        assertThat(store.watches().ofCase(falcon.id())).hasSize(2);
    }

    @Test
    void alertsAreWrittenWithTheirRecordAndListedAndDisposedOf() {
        RelataStore store = fresh();
        loadThree(store);
        CaseFile falcon = store.cases().create("Falcon", null, "ana", T1);
        CaseFile heron = store.cases().create("Heron", null, "bo", T1);
        Watch watch = store.watches().add(falcon.id(), 1, 1, "ana", null, T1);
        RecordKey a3 = new RecordKey("A", "3");
        try (StoreBatch b = store.begin()) {
            b.insertRecord(rec(a3, "a3", 0), T2);
            b.apply(changes(List.of(new Assignment(a3, 1, 0)), List.of(new EntityChange(1, Kind.RECORD_ADDED, a3, 0, "+NAME")),
                    List.of(), Map.of(1L, 2)), T2);
            b.addAlert(NewAlert.of(watch, 1, a3, AlertKind.RESOLVED_INTO, 0, "{\"matchKey\":\"+NAME\"}"), T2);
            b.addAlert(NewAlert.of(watch, 3, a3, AlertKind.NEW_RELATIONSHIP, 1, "{}"), T3);
            b.addAlert(NewAlert.of(watch, 2, null, AlertKind.NEW_RELATIONSHIP, 1, "{}"), T4);
            b.commit();
        }
        List<Alert> alerts = store.alerts().list(falcon.id(), null, null, 10, 0);
        assertThat(alerts).hasSize(3);
        Alert first = alerts.get(0);
        assertThat(first).isEqualTo(new Alert(first.id(), watch.id(), falcon.id(), 1, 1, a3, AlertKind.RESOLVED_INTO, 0,
                "{\"matchKey\":\"+NAME\"}", AlertStatus.OPEN, T2, null, null, null));
        assertThat(alerts.get(2).trigger()).isNull();
        assertThat(store.alerts().get(first.id())).contains(first);
        assertThat(store.alerts().list(0, null, T3, 10, 0)).extracting(Alert::touchedEntity).containsExactly(3L, 2L);
        assertThat(store.alerts().list(falcon.id(), null, null, 1, 1)).extracting(Alert::touchedEntity).containsExactly(3L);
        assertThat(store.alerts().list(heron.id(), null, null, 10, 0)).isEmpty();

        store.alerts().dispose(first.id(), AlertStatus.ACKNOWLEDGED, "known associate", "ana", T4);
        assertThat(store.alerts().get(first.id()).orElseThrow()).satisfies(a -> {
            assertThat(a.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
            assertThat(a.note()).isEqualTo("known associate");
            assertThat(a.disposedBy()).isEqualTo("ana");
            assertThat(a.disposedAt()).isEqualTo(T4);
        });
        assertThat(store.alerts().list(falcon.id(), AlertStatus.OPEN, null, 10, 0)).extracting(Alert::touchedEntity)
                .containsExactly(3L, 2L);
        assertThat(store.alerts().list(0, AlertStatus.ACKNOWLEDGED, T1, 10, 0)).extracting(Alert::id).containsExactly(first.id());
        assertThatThrownBy(() -> store.alerts().dispose(first.id(), AlertStatus.OPEN, null, "ana", T4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ACKNOWLEDGED or DISMISSED");
        assertThatThrownBy(() -> store.alerts().dispose(999_999, AlertStatus.DISMISSED, null, "ana", T4))
                .isInstanceOf(StoreException.class).hasMessage("no alert 999999");

        try (StoreBatch b = store.begin()) { // an alert must name a watch that exists
            b.addAlert(new NewAlert(999_999, falcon.id(), 1, 1, null, AlertKind.RESOLVED_INTO, 0, "{}"), T4);
            assertThatThrownBy(b::commit).isInstanceOf(StoreException.class).hasMessageContaining("cannot write");
        }
        assertThat(store.alerts().list(0, null, null, 10, 0)).hasSize(3);
    }

    @Test
    void anUncommittedBatchLeavesNoAlertLeadOrRelationship() {
        RelataStore store = fresh();
        loadThree(store);
        CaseFile falcon = store.cases().create("Falcon", null, "ana", T1);
        Watch watch = store.watches().add(falcon.id(), 1, 0, "ana", null, T1);
        RecordKey a3 = new RecordKey("A", "3");
        try (StoreBatch b = store.begin()) {
            b.insertRecord(rec(a3, "a3", 0), T2);
            b.replaceRelationships(a3, List.of(new Relationship("KNOWS", "A", "1", null)));
            b.addAlert(NewAlert.of(watch, 1, a3, AlertKind.RESOLVED_INTO, 0, "{}"), T2);
            b.upsertLead(found("shared-address", "x", 1, 1L, 2L), T2);
            assertThat(store.alerts().list(0, null, null, 10, 0)).hasSize(1); // sent, not committed
            assertThat(store.relationshipsTo(A1)).hasSize(1);
        }
        assertThat(store.record(a3)).isEmpty();
        assertThat(store.alerts().list(0, null, null, 10, 0)).isEmpty();
        assertThat(store.leads().list(null, null, 10, 0)).isEmpty();
        assertThat(store.leads().ofEntity(1)).isEmpty();
        assertThat(store.relationshipsFrom(a3)).isEmpty();
        assertThat(store.relationshipsTo(A1)).isEmpty();

        try (StoreBatch b = store.begin()) { // nothing of the rolled-back batch is sent with the next one
            b.addAlert(NewAlert.of(watch, 2, null, AlertKind.NEW_RELATIONSHIP, 0, "{}"), T3);
            b.commit();
        }
        assertThat(store.alerts().list(0, null, null, 10, 0)).singleElement().extracting(Alert::touchedEntity).isEqualTo(2L);
    }

    @Test
    void replacesTheRelationshipsARecordDisclosesAndFindsThemFromBothEnds() {
        RelataStore store = fresh();
        RecordKey org = new RecordKey("ORG", "7");
        try (StoreBatch b = store.begin()) {
            b.replaceRelationships(A1, List.of(new Relationship("EMPLOYED_BY", "ORG", "7", "driver"),
                    new Relationship("KNOWS", "B", "1", null)));
            b.replaceRelationships(A2, List.of(new Relationship("EMPLOYED_BY", "ORG", "7", null)));
            b.commit();
        }
        DisclosedRelationship a1Org = new DisclosedRelationship(A1, "EMPLOYED_BY", org, "driver");
        DisclosedRelationship a2Org = new DisclosedRelationship(A2, "EMPLOYED_BY", org, null);
        assertThat(store.relationshipsFrom(A1)).containsExactly(a1Org, new DisclosedRelationship(A1, "KNOWS", B1, null));
        assertThat(store.relationshipsTo(org)).containsExactly(a1Org, a2Org);
        assertThat(store.relationshipsTo(B1)).extracting(DisclosedRelationship::from).containsExactly(A1);
        assertThat(store.relationshipsFrom(org)).isEmpty();

        try (StoreBatch b = store.begin()) {
            b.replaceRelationships(A1, List.of(new Relationship("KNOWS", "B", "1", null)));
            b.replaceRelationships(A1, List.of(new Relationship("SPOUSE_OF", "A", "2", null))); // the last one counts
            assertThat(store.relationshipsFrom(A1)).extracting(DisclosedRelationship::type).containsExactly("SPOUSE_OF");
            b.replaceRelationships(A1, List.of(new Relationship("SPOUSE_OF", "A", "2", "wife"))); // after a flush too
            b.replaceRelationships(A2, List.of());
            b.commit();
        }
        assertThat(store.relationshipsFrom(A1)).containsExactly(new DisclosedRelationship(A1, "SPOUSE_OF", A2, "wife"));
        assertThat(store.relationshipsTo(A2)).hasSize(1);
        assertThat(store.relationshipsTo(org)).isEmpty();
        assertThat(store.relationshipsTo(B1)).isEmpty();
        assertThat(store.relationshipsFrom(A2)).isEmpty();

        try (StoreBatch b = store.begin()) {
            assertThatThrownBy(() -> b.replaceRelationships(A1, List.of(new Relationship(" ", "B", "1", null))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("type of a relationship of record A:1");
            assertThatThrownBy(() -> b.replaceRelationships(A1, List.of(new Relationship("KNOWS", "B", null, null))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("a KNOWS relationship of record A:1 names no target record");
        }
    }

    // ------------------------------------------------------------------------- version 3: accounts and sign-in

    static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";

    /** A stand-in digest: 64 hex digits made from {@code c}. */
    static String digest(char c) {
        return String.valueOf(c).repeat(64);
    }

    @Test
    void usersAreCreatedListedAndTheirGrantsReplaced() {
        RelataStore store = fresh();
        StoredUser ana = store.users().create("ana", "Ana Ruiz", HASH, null, Set.of("ANALYST", "ADMIN"), T2);
        assertThat(ana).isEqualTo(new StoredUser("ana", "Ana Ruiz", HASH, null, null, 0, null, false, T2,
                Set.of("ADMIN", "ANALYST"), Set.of(), Set.of()));
        assertThat(store.users().get("ana")).contains(ana);
        assertThat(ana.roles()).containsExactly("ADMIN", "ANALYST");
        assertThat(ana.toString()).contains("ana", "ADMIN").doesNotContain(HASH).doesNotContain("argon2");
        assertThatThrownBy(() -> store.users().create("ana", "Other", HASH, null, Set.of(), T3))
                .isInstanceOf(StoreConflictException.class).hasMessage("a user named 'ana' already exists");

        StoredUser partner = store.users().create("bo.k", "Bo", HASH, "Harbor Police", Set.of("PARTNER"), T3);
        store.users().create("Cy", "Cy", HASH, null, Set.of(), T3);
        assertThat(store.users().list()).extracting(StoredUser::username).containsExactly("Cy", "ana", "bo.k");
        assertThat(store.users().get("bo.k")).get().extracting(StoredUser::organization).isEqualTo("Harbor Police");
        assertThat(partner.roles()).containsExactly("PARTNER");

        store.users().setRoles("ana", Set.of("SUPERVISOR"));
        store.users().setPermissions("ana", Set.of("VIEW_BIOMETRICS", "EXPORT"));
        store.users().setClearances("ana", Set.of("INTERNAL", "SECRET"));
        store.users().setTrainingCompleted("ana", LocalDate.of(2026, 11, 1));
        store.users().setPasswordHash("ana", HASH + "x");
        StoredUser changed = store.users().get("ana").orElseThrow();
        assertThat(changed.roles()).containsExactly("SUPERVISOR");
        assertThat(changed.permissions()).containsExactly("EXPORT", "VIEW_BIOMETRICS");
        assertThat(changed.clearances()).containsExactly("INTERNAL", "SECRET");
        assertThat(changed.trainingCompleted()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(changed.passwordHash()).isEqualTo(HASH + "x");
        assertThat(store.users().get("bo.k")).contains(partner); // nobody else's grants changed

        store.users().setPermissions("ana", Set.of());
        assertThat(store.users().get("ana").orElseThrow().permissions()).isEmpty();
        assertThat(store.users().get("ana").orElseThrow().clearances()).hasSize(2);

        assertThat(store.users().get("nobody")).isEmpty();
        assertThatThrownBy(() -> store.users().setRoles("nobody", Set.of("ADMIN")))
                .isInstanceOf(StoreException.class).hasMessage("no user 'nobody'");
        assertThatThrownBy(() -> store.users().setTrainingCompleted("nobody", LocalDate.of(2026, 1, 1)))
                .isInstanceOf(StoreException.class).hasMessage("no user 'nobody'");
        assertThatThrownBy(() -> store.users().create("x".repeat(65), "X", HASH, null, Set.of(), T1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a user name is 65 characters long; at most 64 fit");
        assertThatThrownBy(() -> store.users().setRoles("ana", Set.of(" ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a role of user 'ana' is required");
        assertThat(store.users().get("ana").orElseThrow().roles()).containsExactly("SUPERVISOR");
    }

    @Test
    void failedSignInsAreCountedUntilOneSucceedsAndALockHasAnEnd() {
        RelataStore store = fresh();
        store.users().create("ana", "Ana", HASH, null, Set.of("ANALYST"), T1);
        assertThat(store.users().recordFailedLogin("ana")).isEqualTo(1);
        assertThat(store.users().recordFailedLogin("ana")).isEqualTo(2);
        store.users().lock("ana", T2);
        assertThat(store.users().recordFailedLogin("ana")).isEqualTo(3);
        StoredUser locked = store.users().get("ana").orElseThrow();
        assertThat(locked.failedLogins()).isEqualTo(3);
        assertThat(locked.lockedUntil()).isEqualTo(T2);

        store.users().recordSuccessfulLogin("ana");
        StoredUser ok = store.users().get("ana").orElseThrow();
        assertThat(ok.failedLogins()).isZero();
        assertThat(ok.lockedUntil()).isNull();
        assertThatThrownBy(() -> store.users().recordFailedLogin("nobody"))
                .isInstanceOf(StoreException.class).hasMessage("no user 'nobody'");
    }

    @Test
    void sessionsAreKeptByDigestTouchedAndEnded() {
        RelataStore store = fresh();
        store.users().create("ana", "Ana", HASH, null, Set.of("ANALYST"), T1);
        store.users().create("bo", "Bo", HASH, null, Set.of("ANALYST"), T1);
        StoredSession a = new StoredSession(digest('a'), "ana", digest('c'), T1, T1, T4, "10.0.0.7");
        StoredSession b = new StoredSession(digest('b'), "ana", digest('d'), T2, T2, T4, null);
        StoredSession other = new StoredSession(digest('e'), "bo", digest('f'), T2, T2, T3, null);
        store.tokens().openSession(a);
        store.tokens().openSession(b);
        store.tokens().openSession(other);
        assertThat(store.tokens().session(digest('a'))).contains(a);
        assertThat(store.tokens().sessionsOf("ana")).containsExactly(a, b);
        assertThat(store.tokens().session(digest('9'))).isEmpty();

        store.tokens().touchSession(digest('a'), T3);
        assertThat(store.tokens().session(digest('a'))).get().extracting(StoredSession::lastSeenAt).isEqualTo(T3);

        // at T3: bo's session has expired, ana's second one was last seen at T2, idle since before T3
        assertThat(store.tokens().closeEndedSessions(T3, T2)).isEqualTo(2);
        assertThat(store.tokens().sessionsOf("ana")).extracting(StoredSession::tokenHash).containsExactly(digest('a'));
        assertThat(store.tokens().sessionsOf("bo")).isEmpty();

        assertThat(store.tokens().closeSession(digest('a'))).isTrue();
        assertThat(store.tokens().closeSession(digest('a'))).isFalse();
        assertThat(store.tokens().session(digest('a'))).isEmpty();

        assertThatThrownBy(() -> store.tokens().openSession(new StoredSession(digest('1'), "nobody", digest('2'), T1, T1, T2, null)))
                .isInstanceOf(StoreException.class).hasMessage("no user 'nobody'");
        assertThatThrownBy(() -> store.tokens().session("a-token-itself"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a session's token hash must be a SHA-256 digest in 64 lower-case hex digits");
    }

    @Test
    void disablingAUserEndsItsSessions() {
        RelataStore store = fresh();
        store.users().create("ana", "Ana", HASH, null, Set.of("ANALYST"), T1);
        store.users().create("bo", "Bo", HASH, null, Set.of("ANALYST"), T1);
        store.tokens().openSession(new StoredSession(digest('a'), "ana", digest('c'), T1, T1, T4, null));
        store.tokens().openSession(new StoredSession(digest('b'), "bo", digest('d'), T1, T1, T4, null));
        store.users().disable("ana");
        assertThat(store.users().get("ana")).get().extracting(StoredUser::disabled).isEqualTo(true);
        assertThat(store.tokens().sessionsOf("ana")).isEmpty();
        assertThat(store.tokens().sessionsOf("bo")).hasSize(1);
        assertThatThrownBy(() -> store.users().disable("nobody")).isInstanceOf(StoreException.class)
                .hasMessage("no user 'nobody'");
    }

    @Test
    void apiTokensAreKeptByDigestUsedAndRevokedOnce() {
        RelataStore store = fresh();
        store.users().create("ana", "Ana", HASH, null, Set.of("ANALYST"), T1);
        StoredApiToken nightly = store.tokens().addApiToken("ana", "nightly load", digest('a'), T1, null);
        StoredApiToken report = store.tokens().addApiToken("ana", "report", digest('b'), T2, T4);
        assertThat(nightly.id()).isPositive();
        assertThat(report.id()).isNotEqualTo(nightly.id());
        assertThat(store.tokens().apiToken(nightly.id())).contains(nightly);
        assertThat(store.tokens().apiTokenByHash(digest('b'))).contains(report);
        assertThat(store.tokens().apiTokenByHash(digest('c'))).isEmpty();
        assertThat(store.tokens().apiTokensOf("ana")).containsExactly(nightly, report);

        store.tokens().touchApiToken(nightly.id(), T3);
        assertThat(store.tokens().revokeApiToken(report.id(), T3)).isTrue();
        assertThat(store.tokens().revokeApiToken(report.id(), T4)).isFalse();
        assertThat(store.tokens().apiToken(nightly.id())).get().extracting(StoredApiToken::lastUsedAt).isEqualTo(T3);
        assertThat(store.tokens().apiToken(report.id())).get().extracting(StoredApiToken::revokedAt).isEqualTo(T3);

        assertThatThrownBy(() -> store.tokens().revokeApiToken(999_999, T3)).isInstanceOf(StoreException.class)
                .hasMessage("no API token 999999");
        assertThatThrownBy(() -> store.tokens().addApiToken("ana", "again", digest('a'), T3, null))
                .isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> store.tokens().addApiToken("nobody", "x", digest('e'), T3, null))
                .isInstanceOf(StoreException.class).hasMessage("no user 'nobody'");
        assertThatThrownBy(() -> store.tokens().addApiToken("ana", "x", "rlt_notadigest", T3, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.tokens().apiTokensOf("ana")).hasSize(2);
        assertThat(store.tokens().apiToken(999_999)).isEqualTo(Optional.empty());
    }

    // ------------------------------------------------------------------------------ version 4: the audit trail

    static final String H0 = "0".repeat(64);

    static String hex(char c) {
        return String.valueOf(c).repeat(64);
    }

    static AuditEntry entry(long seq, Instant at, String actor, String action, List<String> objects) {
        return new AuditEntry(seq, at, actor, "10.0.0." + seq, seq % 2 == 0 ? null : 7L, "case work", action, "ALLOWED",
                objects, objects.size(), "detail " + seq, seq == 1 ? H0 : hex((char) ('a' + seq - 2)),
                hex((char) ('a' + seq - 1)));
    }

    /** A second connection to the same database: what other sessions see, committed work only. */
    static Connection otherConnection(String db) throws Exception {
        StoreLocation location = StoreLocation.parse(db, Map.of());
        return DriverManager.getConnection(location.url, location.properties());
    }

    static long count(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void auditEntriesAreAppendedWithTheirObjectsAndReadBackAsWritten() {
        RelataStore store = fresh();
        assertThat(store.audit().last()).isEmpty();
        AuditEntry first = entry(1, T1, "ana", "entity.read", List.of("entity:1", "record:DMV:9", "entity:1"));
        AuditEntry awkward = new AuditEntry(2, T2, "Zoë \"quoted\", ü", null, null, null, "search",
                "DENIED", List.of("record:A,B:x\ny", "entity:2"), 0, "line 1\nline 2, \"q\" ;|\\ 中文 العربية", hex('a'),
                hex('b'));
        AuditEntry third = entry(3, T3, "bo", "entity.read", List.of("entity:2"));
        store.audit().append(first, null, List.of());
        store.audit().append(awkward, new AuditCheckpoint(2, hex('b'), T2, hex('c')),
                List.of(new NewAuditAlert(T2, "Zoë \"quoted\", ü", AuditAlertKind.OUTSIDE_CASES, "3 denials")));
        store.audit().append(third, null, List.of());

        assertThat(store.audit().last()).contains(third);
        assertThat(store.audit().entriesAfter(0, 10)).containsExactly(first, awkward, third);
        assertThat(store.audit().entriesAfter(1, 1)).containsExactly(awkward);
        assertThat(store.audit().entriesAfter(3, 10)).isEmpty();
        // one index row per distinct object
        assertThat(store.audit().indexedObjects(1, 3)).containsExactly(Map.entry(1L, List.of("entity:1", "record:DMV:9")),
                Map.entry(2L, List.of("entity:2", "record:A,B:x\ny")), Map.entry(3L, List.of("entity:2")));
        assertThat(store.audit().indexedObjects(2, 2)).containsOnlyKeys(2L);
        assertThat(store.audit().indexedObjectsAfter(2)).isEqualTo(1);
        assertThat(store.audit().indexedObjectsAfter(3)).isZero();
        assertThat(store.audit().checkpointsAfter(0, 10)).containsExactly(new AuditCheckpoint(2, hex('b'), T2, hex('c')));
        assertThat(store.audit().checkpointsAfter(2, 10)).isEmpty();

        assertThat(store.audit().byObject("entity:2", null, null, 10, 0)).containsExactly(awkward, third);
        assertThat(store.audit().byObject("entity:2", T3, null, 10, 0)).containsExactly(third);
        assertThat(store.audit().byObject("entity:2", null, T3, 10, 0)).containsExactly(awkward);
        assertThat(store.audit().byObject("entity:2", null, null, 1, 1)).containsExactly(third);
        assertThat(store.audit().byObject("record:A,B:x\ny", null, null, 10, 0)).containsExactly(awkward);
        assertThat(store.audit().byObject("entity:3", null, null, 10, 0)).isEmpty();
        assertThat(store.audit().byActor("ana", null, null, 10, 0)).containsExactly(first);
        assertThat(store.audit().byActor("Zoë \"quoted\", ü", T1, T3, 10, 0)).containsExactly(awkward);
        assertThat(store.audit().byActor("ana", T2, null, 10, 0)).isEmpty();

        List<AuditActivity> recent = new ArrayList<>();
        store.audit().forEachActivitySince(T2, recent::add);
        assertThat(recent).containsExactlyInAnyOrder(new AuditActivity(2, T2, "Zoë \"quoted\", ü", "search", "DENIED"),
                new AuditActivity(3, T3, "bo", "entity.read", "ALLOWED"));
        assertThat(store.audit().alerts(null, 10, 0)).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AuditAlertKind.OUTSIDE_CASES);
            assertThat(a.status()).isEqualTo(AuditAlertStatus.OPEN);
            assertThat(a.at()).isEqualTo(T2);
        });
    }

    @Test
    void anAuditAppendCommitsAtOnceAndIsRefusedWhileABatchIsOpen() throws Exception {
        String db = newDatabase();
        RelataStore store = open(db);
        store.audit().append(entry(1, T1, "ana", "entity.read", List.of("entity:1")), null, List.of());
        try (Connection other = otherConnection(db)) {
            assertThat(count(other, "SELECT COUNT(*) FROM audit_entry")).isEqualTo(1);
            assertThat(count(other, "SELECT COUNT(*) FROM audit_object")).isEqualTo(1);

            try (StoreBatch b = store.begin()) {
                b.insertRecord(rec(A1, "a1", 0), T1);
                assertThatThrownBy(() -> store.audit().append(entry(2, T2, "ana", "entity.read", List.of()), null, List.of()))
                        .isInstanceOf(StoreException.class)
                        .hasMessageContaining("cannot write audit entry 2 while a store batch is open");
                b.insertRecord(rec(A2, "a2", 0), T1); // the batch goes on, and its rollback takes no audit entry with it
            }
            assertThat(store.record(A1)).isEmpty();
            store.audit().append(entry(2, T2, "ana", "entity.read", List.of("entity:2")), null, List.of());
            assertThat(count(other, "SELECT COUNT(*) FROM audit_entry")).isEqualTo(2);

            // a seq already taken fails whole: no object row, checkpoint or alert of it remains
            AuditEntry again = new AuditEntry(2, T3, "bo", null, null, null, "entity.read", "ALLOWED", List.of("entity:9"), 1,
                    null, hex('a'), hex('f'));
            assertThatThrownBy(() -> store.audit().append(again, new AuditCheckpoint(2, again.hash(), T3, hex('d')),
                    List.of(new NewAuditAlert(T3, "bo", AuditAlertKind.UNUSUAL_VOLUME, "many"))))
                    .isInstanceOf(StoreException.class).hasMessageContaining("cannot write audit entry 2");
            assertThat(count(other, "SELECT COUNT(*) FROM audit_object WHERE object = 'entity:9'")).isZero();
            assertThat(count(other, "SELECT COUNT(*) FROM audit_checkpoint")).isZero();
            assertThat(count(other, "SELECT COUNT(*) FROM audit_alert")).isZero();
            store.audit().append(entry(3, T3, "ana", "entity.read", List.of()), null, List.of());
            assertThat(store.audit().last()).get().extracting(AuditEntry::seq).isEqualTo(3L);
        }
    }

    @Test
    void anAuditEntryMustCarryWhatTheChainNeeds() {
        RelataStore store = fresh();
        AuditEntry ok = entry(1, T1, "ana", "entity.read", List.of("entity:1"));
        assertThatThrownBy(() -> store.audit().append(new AuditEntry(0, T1, "ana", null, null, null, "x", "ALLOWED", List.of(),
                0, null, H0, hex('a')), null, List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an audit entry's seq must be positive, not 0");
        assertThatThrownBy(() -> store.audit().append(new AuditEntry(1, T1, "ana", null, null, null, "x", "MAYBE", List.of(),
                0, null, H0, hex('a')), null, List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not MAYBE");
        assertThatThrownBy(() -> store.audit().append(new AuditEntry(1, T1, "ana", null, null, null, "x", "ALLOWED", List.of(),
                0, null, H0, "ABC"), null, List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 lower-case hex digits");
        assertThatThrownBy(() -> store.audit().append(new AuditEntry(1, T1, "ana", null, null, null, "x", "ALLOWED",
                List.of("o".repeat(501)), 0, null, H0, hex('a')), null, List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an audited object is 501 characters long; at most 500 fit");
        assertThatThrownBy(() -> store.audit().append(ok, new AuditCheckpoint(2, ok.hash(), T1, hex('c')), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must carry its seq and hash");
        assertThat(store.audit().last()).isEmpty();
        store.audit().append(new AuditEntry(1, T1, "ana", null, null, null, "x", "ALLOWED", List.of("o".repeat(500)), 0,
                null, H0, hex('a')), null, List.of());
        assertThat(store.audit().byObject("o".repeat(500), null, null, 1, 0)).hasSize(1);
    }

    @Test
    void anAuditEntryWhoseObjectsWereOverwrittenReadsBackWithoutThem() throws Exception {
        String db = newDatabase();
        RelataStore store = open(db);
        store.audit().append(entry(1, T1, "ana", "entity.read", List.of("entity:1")), null, List.of());
        try (Connection other = otherConnection(db); Statement st = other.createStatement()) {
            if (!other.getAutoCommit()) other.setAutoCommit(true);
            st.executeUpdate("UPDATE audit_entry SET objects = 'not json' WHERE seq = 1");
        }
        assertThat(store.audit().last()).get().extracting(AuditEntry::objects).isNull();
    }

    @Test
    void auditAlertsAreListedInPagesAndReviewedOnce() {
        RelataStore store = fresh();
        store.audit().append(entry(1, T1, "ana", "entity.read", List.of()), null,
                List.of(new NewAuditAlert(T1, "ana", AuditAlertKind.UNUSUAL_VOLUME, "412 lookups"),
                        new NewAuditAlert(T1, "ana", AuditAlertKind.OUTSIDE_CASES, "3 denials")));
        store.audit().append(entry(2, T3, "bo", "entity.read", List.of()), null,
                List.of(new NewAuditAlert(T3, "bo", AuditAlertKind.UNUSUAL_VOLUME, "500 lookups")));
        List<AuditAlert> all = store.audit().alerts(null, 10, 0);
        assertThat(all).extracting(AuditAlert::actor).containsExactly("ana", "ana", "bo");
        assertThat(store.audit().alerts(AuditAlertStatus.OPEN, 1, 1)).extracting(AuditAlert::detail).containsExactly("3 denials");
        assertThat(store.audit().alertsSince(T2)).extracting(AuditAlert::detail).containsExactly("500 lookups");

        long id = all.get(0).id();
        store.audit().reviewAlert(id, "cy", T4);
        assertThat(store.audit().alert(id)).get().satisfies(a -> {
            assertThat(a.status()).isEqualTo(AuditAlertStatus.REVIEWED);
            assertThat(a.reviewedBy()).isEqualTo("cy");
            assertThat(a.reviewedAt()).isEqualTo(T4);
        });
        assertThat(store.audit().alerts(AuditAlertStatus.OPEN, 10, 0)).hasSize(2);
        assertThat(store.audit().alerts(AuditAlertStatus.REVIEWED, 10, 0)).extracting(AuditAlert::id).containsExactly(id);
        assertThatThrownBy(() -> store.audit().reviewAlert(id, "dee", T4)).isInstanceOf(StoreException.class)
                .hasMessage("audit alert " + id + " was already reviewed by cy at " + T4);
        assertThatThrownBy(() -> store.audit().reviewAlert(999_999, "dee", T4)).isInstanceOf(StoreException.class)
                .hasMessage("no audit alert 999999");
        assertThatThrownBy(() -> store.audit().reviewAlert(id, " ", T4)).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.audit().alert(999_999)).isEmpty();
    }
}
