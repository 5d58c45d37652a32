package io.relata.store;

import io.relata.core.model.RecordKey;
import io.relata.core.resolve.live.Assignment;
import io.relata.core.resolve.live.ChangeSet;
import io.relata.core.resolve.live.EntityChange;
import io.relata.core.resolve.live.EntityChange.Kind;
import io.relata.core.resolve.live.MatchDecision;
import io.relata.core.resolve.live.ReviewPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
                "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '1'");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
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
                .isInstanceOf(StoreException.class).hasMessage("no review item 999999");
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
    void keepsSettingsAndReachesTheRelationshipTable() throws Exception {
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

        var c = store.connection();
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO relationship (source, source_id, type, to_source, to_id, role) VALUES (?,?,?,?,?,?)")) {
            ps.setString(1, "A");
            ps.setString(2, "1");
            ps.setString(3, "EMPLOYED_BY");
            ps.setString(4, "ORG");
            ps.setString(5, "7");
            ps.setString(6, null);
            ps.executeUpdate();
        }
        c.commit();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, type FROM relationship WHERE to_source = ? AND to_id = ?")) {
            ps.setString(1, "ORG");
            ps.setString(2, "7");
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isPositive();
                assertThat(rs.getString(2)).isEqualTo("EMPLOYED_BY");
            }
        }
        c.rollback();
    }
}
