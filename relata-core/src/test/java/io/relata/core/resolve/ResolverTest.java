package io.relata.core.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.relata.core.model.Record;
import io.relata.core.model.RecordKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResolverTest {
    private static final List<Record> BACKGROUND = Records.background(300, 21);

    private static Resolution resolve(List<Record> records) {
        // u is estimated on fewer random pairs than the default to stay fast; the fixed seed keeps it repeatable
        return new Resolver(MatchModel.defaults(), new ResolverSettings(50, true, false, 20_000, 42, 2_000_000), Records.STANDARDIZER)
                .resolve(records);
    }

    private static List<Record> withBackground(List<Record> records) {
        List<Record> all = new ArrayList<>(BACKGROUND);
        all.addAll(records);
        return all;
    }

    /** Four people, three records each, written differently by different sources. */
    static List<Record> twelve() {
        return List.of(
                Records.person("S", "w1").given("William").surname("Smith").dob("1980-05-03").phone("312 867 4411")
                        .id("PASSPORT", "X1234567").record(),
                Records.person("T", "w2").given("Bill").surname("Smith").dob("03/05/1980").phone("(312) 867-4411")
                        .email("bill.smith@example.com").record(),
                Records.person("P", "w3").given("William").surname("Smith").dob("1980-05-03")
                        .email("bill.smith@example.com").id("Passport", "X123 4567").record(),
                Records.person("S", "a1").given("Ana").surname("Lopez").dob("1990-07-21").gender("F")
                        .address("40 Elm St", "Springfield", "62704").phone("312 867 5522").record(),
                Records.person("T", "a2").given("Ana").surname("Lopes").dob("1990-07-21").gender("F")
                        .address("40 Elm Street", "Springfield", "62704").email("ana.lopez@example.com").record(),
                Records.person("P", "a3").given("Ana").surname("Lopez").dob("21/07/1990")
                        .email("ana.lopez@example.com").phone("312-867-5522").record(),
                Records.person("S", "m1").given("Maria").surname("Lopez").dob("1990-07-21").gender("F")
                        .address("40 Elm St", "Springfield", "62704").phone("312 867 6633").record(),
                Records.person("T", "m2").given("Maria").surname("Lopez").dob("1990-07-21")
                        .email("maria.lopez@example.org").phone("312 867 6633").record(),
                Records.person("P", "m3").given("Mary").surname("Lopez").dob("1990-07-21")
                        .email("maria.lopez@example.org").id("A_NUMBER", "A87654321").record(),
                Records.person("S", "k1").given("Kwame").surname("Mensah").dob("1975-02-14")
                        .id("A_NUMBER", "A12345678").phone("415 222 9876").record(),
                Records.person("T", "k2").given("Kwame").surname("Mensah").dob("1975-02-14")
                        .id("A-Number", "012345678").address("7 Harbour Rd", "Portland", "97201").record(),
                Records.person("P", "k3").given("Kwame").surname("Mensa").dob("14 Feb 1975")
                        .address("7 Harbour Road", "Portland", "97201").phone("+1 415 222 9876").record());
    }

    /** The entities as sets of record keys, for records of the given sources' ids only. */
    private static Set<Set<RecordKey>> partition(Resolution r, Set<RecordKey> of) {
        Map<Integer, Set<RecordKey>> byEntity = new HashMap<>();
        for (int i = 0; i < r.size(); i++) {
            if (of.contains(r.key(i))) byEntity.computeIfAbsent(r.entityOf()[i], e -> new HashSet<>()).add(r.key(i));
        }
        return new HashSet<>(byEntity.values());
    }

    private static Set<RecordKey> keys(List<Record> records) {
        Set<RecordKey> keys = new HashSet<>();
        records.forEach(r -> keys.add(r.key()));
        return keys;
    }

    private static Set<RecordKey> set(String... keys) {
        Set<RecordKey> s = new HashSet<>();
        for (String k : keys) s.add(RecordKey.parse(k));
        return s;
    }

    @Test
    void fourPeopleBecomeFourEntities() {
        Resolution r = resolve(withBackground(twelve()));

        assertThat(partition(r, keys(twelve()))).containsExactlyInAnyOrder(
                set("S:w1", "T:w2", "P:w3"), set("S:a1", "T:a2", "P:a3"), set("S:m1", "T:m2", "P:m3"),
                set("S:k1", "T:k2", "P:k3"));
        // the background people stay apart
        assertThat(r.stats().entities()).isEqualTo(BACKGROUND.size() + 4);
        assertThat(r.stats().records()).isEqualTo(BACKGROUND.size() + 12);
    }

    @Test
    void aSmallFileIsComparedPairByPairNotBlocked() {
        Resolution r = resolve(withBackground(twelve()));
        int n = BACKGROUND.size() + 12;
        assertThat(r.stats().candidatePairs()).isEqualTo((long) n * (n - 1) / 2);
        assertThat(r.candidatePairs()).hasSize(n * (n - 1) / 2);
    }

    @Test
    void partitionDoesNotDependOnInputOrder() {
        Set<RecordKey> keys = keys(twelve());
        Set<Set<RecordKey>> expected = partition(resolve(withBackground(twelve())), keys);
        Random random = new Random(1);
        for (int round = 0; round < 3; round++) {
            List<Record> shuffled = new ArrayList<>(withBackground(twelve()));
            Collections.shuffle(shuffled, random);
            assertThat(partition(resolve(shuffled), keys)).as("shuffle %d", round).isEqualTo(expected);
        }
    }

    @Test
    void resolutionIsDeterministic() {
        List<Record> records = withBackground(twelve());
        assertThat(resolve(records).entityOf()).isEqualTo(resolve(records).entityOf());
    }

    @Test
    void whyExplainsAPair() {
        Resolution r = resolve(withBackground(twelve()));

        Explanation same = r.why(RecordKey.parse("S:w1"), RecordKey.parse("T:w2"));
        assertThat(same.sameEntity()).isTrue();
        assertThat(same.outcome()).isEqualTo(Outcome.MATCH);
        assertThat(same.total()).isPositive();
        assertThat(same.features()).extracting(FeatureEvidence::feature)
                .contains(Feature.GIVEN_NAME, Feature.SURNAME, Feature.DOB, Feature.PHONE)
                .doesNotContain(Feature.ADDRESS); // neither has an address: no evidence, not listed
        assertThat(same.features()).filteredOn(e -> e.feature() == Feature.GIVEN_NAME).singleElement()
                .satisfies(e -> assertThat(e.level()).isEqualTo("NICKNAME"));
        assertThat(same.total()).isCloseTo(same.features().stream().mapToDouble(FeatureEvidence::weight).sum(),
                org.assertj.core.api.Assertions.within(1e-9));
        assertThat(same.format()).contains("S:w1", "T:w2", "MATCH", "DOB", "same entity");

        // the twins: one household, two people
        Explanation twins = r.why(RecordKey.parse("S:a1"), RecordKey.parse("S:m1"));
        assertThat(twins.sameEntity()).isFalse();
        assertThat(twins.outcome()).isNotEqualTo(Outcome.MATCH);
        assertThat(twins.conflict()).isTrue();
        assertThat(twins.features()).filteredOn(FeatureEvidence::conflict).extracting(FeatureEvidence::feature)
                .contains(Feature.GIVEN_NAME);
        assertThat(twins.format()).contains("different entities");
    }

    @Test
    void howListsTheLinksThatBuiltAnEntity() {
        Resolution r = resolve(withBackground(twelve()));

        EntityExplanation how = r.how(RecordKey.parse("T:k2"));

        assertThat(how.records()).containsExactlyInAnyOrderElementsOf(set("S:k1", "T:k2", "P:k3"));
        // three records need exactly two joins, each between members, strongest first
        assertThat(how.steps()).hasSize(2);
        for (EntityExplanation.Step step : how.steps()) {
            assertThat(how.records()).contains(step.first(), step.second());
            assertThat(step.weight()).isGreaterThanOrEqualTo(r.model().matchThreshold());
            assertThat(step.matchKey()).contains("+NAME").doesNotContain("!");
        }
        assertThat(how.steps().get(0).weight()).isGreaterThanOrEqualTo(how.steps().get(1).weight());
        assertThat(how.format()).contains("entity of 3 records");
        // a background person is an entity of one, built by no link
        assertThat(r.how(BACKGROUND.get(0).key()).steps()).isEmpty();
    }

    @Test
    void aSmallBatchAloneResolvesTheSame() {
        Resolution r = new Resolver(MatchModel.defaults(), ResolverSettings.defaults(), Records.STANDARDIZER)
                .resolve(twelve());
        assertThat(partition(r, keys(twelve()))).containsExactlyInAnyOrder(
                set("S:w1", "T:w2", "P:w3"), set("S:a1", "T:a2", "P:a3"), set("S:m1", "T:m2", "P:m3"),
                set("S:k1", "T:k2", "P:k3"));
    }
}
