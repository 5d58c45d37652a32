package io.relata.store;

import io.relata.core.model.RecordKey;
import io.relata.core.model.Relationship;
import io.relata.core.resolve.live.Assignment;
import io.relata.core.resolve.live.ChangeSet;
import io.relata.core.resolve.live.EntityChange;
import io.relata.core.resolve.live.EntityChange.Kind;
import io.relata.core.resolve.live.MatchDecision;
import io.relata.core.resolve.live.ReviewPair;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the store promises retention, run on every backend: each subclass gives a fresh empty database per call. */
abstract class RetentionStoreContractTest {
    static final Instant OLD = Instant.parse("2024-03-01T08:00:00Z");
    static final Instant NEW = Instant.parse("2025-06-01T08:00:00Z");
    static final RecordKey GONE = new RecordKey("A", "gone-1");
    static final RecordKey STAYS = new RecordKey("A", "stays-1");
    static final RecordKey OTHER = new RecordKey("B", "other-1");

    private final List<RelataStore> opened = new ArrayList<>();

    abstract String newDatabase();

    @AfterEach
    void closeStores() {
        opened.forEach(RelataStore::close);
    }

    private RelataStore open(String db) {
        RelataStore s = RelataStore.open(db);
        opened.add(s);
        return s;
    }

    private static StoredRecord rec(RecordKey k, long entity) {
        String content = "{\"source\":\"" + k.source() + "\",\"id\":\"" + k.id() + "\"}";
        return new StoredRecord(k, content.hashCode(), content, "{}", entity);
    }

    /** GONE and STAYS in entity 1 (loaded long ago and lately), OTHER in entity 2; every kind of row naming GONE. */
    private static void populate(RelataStore s) {
        try (StoreBatch b = s.begin()) {
            b.insertRecord(rec(GONE, 1), OLD);
            b.insertRecord(rec(STAYS, 1), NEW);
            b.insertRecord(rec(OTHER, 2), OLD);
            b.apply(new ChangeSet(List.of(new Assignment(GONE, 1, 0), new Assignment(STAYS, 1, 0), new Assignment(OTHER, 2, 0)),
                    List.of(new EntityChange(1, Kind.CREATED, GONE, 0, "+NAME+DOB"),
                            new EntityChange(1, Kind.RECORD_ADDED, STAYS, 0, "+NAME+DOB"),
                            new EntityChange(2, Kind.CREATED, OTHER, 0, "")),
                    List.of(new ReviewPair(GONE, OTHER, 3.5, "+NAME"), new ReviewPair(OTHER, STAYS, 2.5, "+NAME")),
                    Map.of(1L, 2, 2L, 1)), OLD);
            b.replaceRelationships(GONE, List.of(new Relationship("SIBLING", OTHER.source(), OTHER.id(), null)));
            b.replaceRelationships(OTHER, List.of(new Relationship("SIBLING", GONE.source(), GONE.id(), null),
                    new Relationship("SIBLING", STAYS.source(), STAYS.id(), null)));
            b.putDecision(new MatchDecision(OTHER, GONE, false, "different people", "ana", OLD));
            b.upsertLead(new FoundLead("shared-phone", "k1", 0.8, "[\"phone 3124440101 held by " + GONE + "\"]",
                    "[{\"entity\":1,\"records\":[\"" + GONE + "\"]}]", List.of(1L, 2L)), OLD);
            b.commit();
        }
        CaseFile c = s.cases().create("Harbor", null, "ana", OLD);
        s.cases().addSubjects(c.id(), List.of(GONE), "ana", "suspect", OLD);
        Watch w = s.watches().add(c.id(), 2, 1, "ana", null, OLD);
        try (StoreBatch b = s.begin()) {
            b.addAlert(NewAlert.of(w, 1, GONE, AlertKind.NEW_RELATIONSHIP, 1, "{\"record\":\"" + GONE + "\"}"), OLD);
            b.addAlert(NewAlert.of(w, 2, OTHER, AlertKind.NEW_RELATIONSHIP, 1, "{\"to_record\":\"" + GONE + "\"}"), OLD);
            b.addAlert(NewAlert.of(w, 2, OTHER, AlertKind.RESOLVED_INTO, 0, "{\"record\":\"" + OTHER + "\"}"), OLD);
            b.commit();
        }
    }

    @Test
    void finds_a_sources_records_loaded_before_a_cutoff_and_counts_records_per_source() {
        String db = newDatabase();
        RelataStore s = open(db);
        populate(s);
        assertThat(s.retention().loadedBefore("A", Instant.parse("2025-01-01T00:00:00Z"))).containsExactly(GONE);
        assertThat(s.retention().loadedBefore("A", NEW.plusSeconds(1))).containsExactly(GONE, STAYS);
        assertThat(s.retention().loadedBefore("A", OLD)).isEmpty();
        assertThat(s.retention().recordCounts()).containsExactlyInAnyOrderEntriesOf(Map.of("A", 2L, "B", 1L));
    }

    @Test
    void a_hold_keeps_the_subjects_of_the_case_and_every_record_of_their_entities_until_it_is_released() {
        RelataStore s = open(newDatabase());
        populate(s);
        long caseId = s.cases().byName("Harbor").orElseThrow().id();
        assertThat(s.retention().held()).isEmpty();
        assertThat(s.retention().caseHold(caseId).orElseThrow().held()).isFalse();

        CaseHold hold = s.retention().hold(caseId, "sam", "litigation notice 2025-14", NEW);
        assertThat(hold).isEqualTo(new CaseHold(caseId, "Harbor", CaseStatus.OPEN, true, "sam", NEW, "litigation notice 2025-14"));
        assertThat(s.cases().get(caseId).orElseThrow().legalHold()).isTrue();
        assertThat(s.retention().held()).containsExactlyInAnyOrder(GONE, STAYS);
        assertThat(s.retention().caseHolds()).containsExactly(hold);

        CaseHold released = s.retention().release(caseId);
        assertThat(released.held()).isFalse();
        assertThat(released.heldBy()).isNull();
        assertThat(s.retention().held()).isEmpty();
        assertThatThrownBy(() -> s.retention().release(caseId)).isInstanceOf(StoreConflictException.class);
        assertThatThrownBy(() -> s.retention().hold(999, "sam", "why", NEW)).isInstanceOf(StoreNotFoundException.class);
        assertThatThrownBy(() -> s.retention().release(999)).isInstanceOf(StoreNotFoundException.class);
        assertThatThrownBy(() -> s.retention().hold(caseId, "sam", " ", NEW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_purge_leaves_no_row_naming_the_record_keeps_entity_history_and_carries_case_subjects_over() {
        String db = newDatabase();
        RelataStore s = open(db);
        populate(s);
        long caseId = s.cases().byName("Harbor").orElseThrow().id();
        assertThat(StoreTraces.find(db, List.of(GONE.id()), Set.of()))
                .as("the search finds what names the record before").contains("record.source_id: gone-1",
                        "assignment_event.source_id: gone-1", "entity_event.trigger_id: gone-1", "review_item.first_id: gone-1",
                        "match_decision.first_id: gone-1", "relationship.source_id: gone-1", "relationship.to_id: gone-1",
                        "case_record.source_id: gone-1", "alert.trigger_id: gone-1", "alert.evidence: gone-1",
                        "lead.evidence: gone-1", "lead.members: gone-1");

        Map<String, Integer> rows;
        try (StoreBatch b = s.begin()) {
            rows = b.purgeRecords(List.of(GONE), List.of(new CaseSubject(caseId, STAYS)), "privacy", NEW);
            assertThat(b.deleteMentionsOf(Set.of(GONE.toString())))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("alert", 1, "lead", 1));
            b.commit();
        }
        assertThat(rows).containsEntry("record", 1).containsEntry("assignment_event", 1).containsEntry("entity_event", 1)
                .containsEntry("review_item", 1).containsEntry("match_decision", 1).containsEntry("relationship", 2)
                .containsEntry("case_record", 1).containsEntry("alert", 1).containsEntry("case_record (carried over)", 1);
        assertThat(StoreTraces.find(db, List.of(GONE.id()), Set.of())).isEmpty();

        // what does not name it stays: the other records, their review item and disclosure, the entity's history
        assertThat(s.record(STAYS)).isPresent();
        assertThat(s.record(OTHER)).isPresent();
        assertThat(s.reviewItems(null, 10)).singleElement().satisfies(r -> assertThat(Set.of(r.first(), r.second())).containsExactlyInAnyOrder(OTHER, STAYS));
        assertThat(s.relationshipsFrom(OTHER)).singleElement().satisfies(r -> assertThat(r.to()).isEqualTo(STAYS));
        assertThat(s.entity(1).orElseThrow().history()).extracting(EntityEvent::kind).containsExactly(Kind.CREATED, Kind.RECORD_ADDED);
        assertThat(s.entity(1).orElseThrow().history().get(0).trigger()).isNull();
        assertThat(s.cases().subjectEntities(caseId)).containsExactly(1L);
        assertThat(s.alerts().list(caseId, null, null, 10, 0)).singleElement()
                .satisfies(a -> assertThat(a.kind()).isEqualTo(AlertKind.RESOLVED_INTO));
        assertThat(s.leads().list(null, null, 10, 0)).isEmpty();
    }

    @Test
    void retired_leads_of_touched_entities_are_deleted_with_their_members() {
        RelataStore s = open(newDatabase());
        try (StoreBatch b = s.begin()) {
            b.upsertLead(new FoundLead("p", "retired", 0.5, "[]", "[]", List.of(1L, 2L)), OLD);
            b.upsertLead(new FoundLead("p", "open", 0.5, "[]", "[]", List.of(1L)), OLD);
            b.upsertLead(new FoundLead("p", "elsewhere", 0.5, "[]", "[]", List.of(3L)), OLD);
            b.retireLeads("p", List.of("retired", "elsewhere"), OLD);
            b.commit();
        }
        try (StoreBatch b = s.begin()) {
            assertThat(b.deleteRetiredLeads(new LongOpenHashSet(new long[] {1, 2}))).isEqualTo(1);
            b.commit();
        }
        assertThat(s.leads().list(null, null, 10, 0)).extracting(Lead::key).containsExactlyInAnyOrder("open", "elsewhere");
        assertThat(s.leads().ofEntity(2)).isEmpty();
    }

    @Test
    void record_mentions_are_whole_names_not_prefixes() {
        Set<String> gone = Set.of("S:1", "T:a b");
        assertThat(RecordMentions.any("[\"S:1\"]", gone)).isTrue();
        assertThat(RecordMentions.any("shared by (S:1, T:2)", gone)).isTrue();
        assertThat(RecordMentions.any("S:12 and XS:1", gone)).isFalse();
        assertThat(RecordMentions.any(null, gone)).isFalse();
    }
}
