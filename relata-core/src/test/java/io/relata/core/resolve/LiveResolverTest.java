package io.relata.core.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relata.core.model.Record;
import io.relata.core.model.RecordKey;
import io.relata.core.resolve.live.ChangeSet;
import io.relata.core.resolve.live.EntityChange;
import io.relata.core.resolve.live.MatchDecision;
import io.relata.core.resolve.live.SearchHit;
import io.relata.core.standardize.RecordFeatures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LiveResolverTest {
    private static final List<Record> BACKGROUND = Records.background(300, 21);
    private static final RecordKey W1 = new RecordKey("S", "w1"), W2 = new RecordKey("T", "w2"),
            W3 = new RecordKey("P", "w3"), A1 = new RecordKey("S", "a1"), K1 = new RecordKey("S", "k1");

    private static LiveResolver load(List<Record> records) {
        LiveResolver live = new LiveResolver(MatchModel.defaults(), 50);
        for (Record r : records) live.upsert(Records.standardize(r));
        return live;
    }

    private static List<Record> all() {
        List<Record> all = new ArrayList<>(BACKGROUND);
        all.addAll(ResolverTest.twelve());
        return all;
    }

    /** Each record's entity as the set of its co-members, so that partitions compare whatever the ids. */
    private static Map<RecordKey, Set<RecordKey>> partition(LiveResolver live, List<Record> records) {
        Map<RecordKey, Set<RecordKey>> p = new HashMap<>();
        for (Record r : records) {
            RecordKey k = new RecordKey(r.source(), r.id());
            p.put(k, new HashSet<>(live.members(live.entityOf(k))));
        }
        return p;
    }

    @Test
    void forms_the_same_entities_in_any_order_as_a_batch_does() {
        List<Record> records = all();
        Resolution batch = new Resolver(MatchModel.defaults(), new ResolverSettings(50, false, false, 0, 42, 0),
                Records.STANDARDIZER).resolve(records);
        Map<RecordKey, Set<RecordKey>> expected = new HashMap<>();
        for (int[] entity : batch.entities()) {
            Set<RecordKey> keys = new HashSet<>();
            for (int i : entity) keys.add(batch.key(i));
            for (RecordKey k : keys) expected.put(k, keys);
        }
        Random random = new Random(7);
        for (int round = 0; round < 5; round++) {
            List<Record> shuffled = new ArrayList<>(records);
            Collections.shuffle(shuffled, random);
            assertThat(partition(load(shuffled), records)).as("order %d", round).isEqualTo(expected);
        }
        assertThat(expected.get(W1)).containsExactlyInAnyOrder(W1, W2, W3);
    }

    @Test
    void an_entity_keeps_its_id_as_records_join_it_and_says_why() {
        LiveResolver live = load(BACKGROUND);
        ChangeSet first = live.upsert(Records.standardize(ResolverTest.twelve().get(0)));
        long id = live.entityOf(W1);
        assertThat(first.changes()).extracting(EntityChange::kind).containsExactly(EntityChange.Kind.CREATED);
        assertThat(first.entitySizes()).containsEntry(id, 1);

        ChangeSet second = live.upsert(Records.standardize(ResolverTest.twelve().get(1)));
        assertThat(live.entityOf(W2)).isEqualTo(id);
        assertThat(second.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(EntityChange.Kind.RECORD_ADDED);
            assertThat(c.entityId()).isEqualTo(id);
            assertThat(c.trigger()).isEqualTo(W2);
            assertThat(c.matchKey()).contains("+DOB");
        });
        assertThat(second.assignments()).singleElement().satisfies(a -> {
            assertThat(a.entityId()).isEqualTo(id);
            assertThat(a.previousEntityId()).isZero();
        });
    }

    @Test
    void an_unchanged_reload_changes_nothing_and_a_change_that_makes_another_person_moves_the_record() {
        LiveResolver live = load(all());
        long id = live.entityOf(W1);
        assertThat(live.upsert(Records.standardize(ResolverTest.twelve().get(2))).isEmpty()).isTrue();

        Record other = Records.person("P", "w3").given("Wilhelmina").surname("Okafor").dob("1931-12-30").record();
        ChangeSet moved = live.upsert(Records.standardize(other));
        assertThat(live.entityOf(W3)).isNotEqualTo(id);
        assertThat(live.members(id)).containsExactlyInAnyOrder(W1, W2);
        assertThat(moved.changes()).extracting(EntityChange::kind)
                .contains(EntityChange.Kind.CREATED, EntityChange.Kind.RECORD_REMOVED);
        assertThat(moved.entitySizes()).containsEntry(id, 2).containsEntry(live.entityOf(W3), 1);
    }

    @Test
    void withdrawing_the_record_that_bridged_two_groups_splits_the_entity_and_the_larger_part_keeps_the_id() {
        // x1 and x2 share only a phone with each other's group; the bridge agrees with both on name and date
        Record x1 = Records.person("S", "x1").given("Teodor").surname("Vasquez").dob("1966-09-12")
                .phone("312 555 0101").id("PASSPORT", "P1111111").record();
        Record x2 = Records.person("T", "x2").given("Teodor").surname("Vasquez").dob("1966-09-12")
                .phone("312 555 0101").id("PASSPORT", "P1111111").record();
        Record y1 = Records.person("U", "y1").given("T").surname("Vasquez")
                .email("teo.vasquez@example.net").address("9 Quay Lane", "Dover", "CT16 1AA").record();
        Record bridge = Records.person("B", "b").given("Teodor").surname("Vasquez").dob("1966-09-12")
                .phone("312 555 0101").email("teo.vasquez@example.net").record();
        List<Record> records = new ArrayList<>(BACKGROUND);
        records.addAll(List.of(x1, x2, y1, bridge));
        LiveResolver live = load(records);
        RecordKey kx1 = new RecordKey("S", "x1"), ky1 = new RecordKey("U", "y1"), kb = new RecordKey("B", "b");
        long id = live.entityOf(kx1);
        assertThat(live.members(id)).contains(kx1, kb, ky1);

        ChangeSet split = live.withdraw(kb);
        assertThat(live.contains(kb)).isFalse();
        assertThat(live.entityOf(kb)).isZero();
        assertThat(live.entityOf(kx1)).isEqualTo(id);
        assertThat(live.members(id)).containsExactlyInAnyOrder(kx1, new RecordKey("T", "x2"));
        assertThat(split.changes()).extracting(EntityChange::kind).contains(EntityChange.Kind.RECORD_REMOVED);
        assertThat(split.changes()).anySatisfy(c -> {
            assertThat(c.kind()).isEqualTo(EntityChange.Kind.SPLIT);
            assertThat(c.entityId()).isEqualTo(id);
            assertThat(c.otherEntity()).isEqualTo(live.entityOf(ky1));
        });
        assertThat(split.entitySizes()).containsEntry(id, 2).containsEntry(live.entityOf(ky1), 1);
        assertThatThrownBy(() -> live.withdraw(kb)).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void rulings_override_the_model_and_hold_when_a_record_is_reloaded() {
        LiveResolver live = load(all());
        live.decide(new MatchDecision(W1, W2, false, "different fathers on the birth records", "ana", Instant.EPOCH));
        assertThat(live.entityOf(W1)).isNotEqualTo(live.entityOf(W2));

        live.decide(new MatchDecision(A1, K1, true, "same person per the case file", "ana", Instant.EPOCH));
        assertThat(live.entityOf(A1)).isEqualTo(live.entityOf(K1));

        live.upsert(Records.standardize(ResolverTest.twelve().get(1))); // reload w2 unchanged
        Record k1Changed = Records.person("S", "k1").given("Kwame").surname("Mensah").dob("1975-02-14")
                .id("A_NUMBER", "A12345678").phone("415 222 9877").record();
        live.upsert(Records.standardize(k1Changed));
        assertThat(live.entityOf(W1)).isNotEqualTo(live.entityOf(W2));
        assertThat(live.entityOf(A1)).isEqualTo(live.entityOf(K1));
    }

    @Test
    void a_forgotten_record_takes_its_rulings_along_and_comes_back_as_a_new_record() {
        LiveResolver live = load(all());
        live.decide(new MatchDecision(W1, W2, false, "different fathers on the birth records", "ana", Instant.EPOCH));
        assertThat(live.entityOf(W1)).isNotEqualTo(live.entityOf(W2));
        assertThatThrownBy(() -> live.forget(W2)).isInstanceOf(IllegalStateException.class);

        live.withdraw(W2);
        live.forget(W2);
        assertThat(live.contains(W2)).isFalse();
        assertThat(live.entityOf(W2)).isZero();
        RecordFeatures w2 = Records.standardize(ResolverTest.twelve().get(1));
        assertThat(live.search(w2, 5)).noneMatch(h -> h.record().equals(W2));

        // the ruling went with it: the same record loaded again joins William as the model says
        live.upsert(w2);
        assertThat(live.entityOf(W2)).isEqualTo(live.entityOf(W1));
    }

    @Test
    void how_lists_the_links_that_hold_an_entity_together_rulings_first() {
        LiveResolver live = load(all());
        EntityExplanation how = live.how(live.entityOf(W1));
        assertThat(how.records()).containsExactly(W3, W1, W2);
        assertThat(how.steps()).hasSize(2).allSatisfy(step -> {
            assertThat(how.records()).contains(step.first(), step.second());
            assertThat(step.matchKey()).startsWith("+");
        });
        assertThat(how.steps().get(0).weight()).isGreaterThanOrEqualTo(how.steps().get(1).weight());

        live.decide(new MatchDecision(A1, K1, true, "same person per the case file", "ana", Instant.EPOCH));
        EntityExplanation ruled = live.how(live.entityOf(A1));
        assertThat(ruled.steps().get(0)).satisfies(step -> {
            assertThat(step.matchKey()).isEqualTo(LiveResolver.RULING_KEY);
            assertThat(step.weight()).isInfinite();
        });
        assertThat(live.how(999_999).records()).isEmpty();
    }

    @Test
    void restores_state_without_resolving_and_hands_out_fresh_ids() {
        LiveResolver live = new LiveResolver(MatchModel.defaults(), 50);
        List<Record> twelve = ResolverTest.twelve();
        live.restore(Records.standardize(twelve.get(0)), 7);
        live.restore(Records.standardize(twelve.get(1)), 7);
        live.reserveEntityIds(40);
        ChangeSet cs = live.upsert(Records.standardize(twelve.get(3)));
        assertThat(live.entityOf(A1)).isEqualTo(41);
        assertThat(cs.entitySizes()).containsEntry(41L, 1);
        assertThat(live.members(7)).containsExactlyInAnyOrder(W1, W2);
    }

    @Test
    void finds_an_entity_from_a_misspelled_description() {
        LiveResolver live = load(all());
        RecordFeatures query = Records.standardize(
                Records.person("QUERY", "q").given("Wiliam").surname("Smyth").dob("1980-05-03").record());
        List<SearchHit> hits = live.search(query, 5);
        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0).entityId()).isEqualTo(live.entityOf(W1));
        assertThat(hits.get(0).matchKey()).contains("+DOB");
        assertThat(hits).extracting(SearchHit::entityId).doesNotHaveDuplicates();
        for (int i = 1; i < hits.size(); i++) assertThat(hits.get(i).weight()).isLessThanOrEqualTo(hits.get(i - 1).weight());
    }

    @Test
    void a_scan_finds_what_no_blocking_key_reaches_even_against_a_conflict_when_asked_for_evidence() {
        List<Record> records = new ArrayList<>(all());
        records.add(Records.person("S", "beto").given("Beto").surname("Diaz Marin").dob("2000-09-07").record());
        LiveResolver live = load(records);
        RecordKey beto = new RecordKey("S", "beto");
        RecordFeatures query = Records.standardize(
                Records.person("QUERY", "q").given("Roberto").surname("Diaz Marin").dob("2000-09-08").record());
        assertThat(live.search(query, 50)).extracting(SearchHit::record).doesNotContain(beto); // no key shared
        // an unknown nickname is a different given name: no match and no review, but more evidence for than against
        assertThat(live.scan(query)).extracting(SearchHit::record).doesNotContain(beto);
        List<SearchHit> hits = live.scan(query, 0);
        assertThat(hits).extracting(SearchHit::record).contains(beto);
        assertThat(hits.size()).isLessThan(records.size() / 10); // a record that shares nothing is not a hit
    }
}
