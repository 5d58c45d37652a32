package io.relata.core.relate;

import static io.relata.core.relate.RelateRecords.org;
import static io.relata.core.relate.RelateRecords.person;
import static org.assertj.core.api.Assertions.assertThat;

import io.relata.core.model.RecordKey;
import io.relata.core.resolve.live.Assignment;
import io.relata.core.resolve.live.ChangeSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The graph kept up to date one operation at a time (records put, replaced, moved between entities,
 * withdrawn; possible matches raised and settled) answers exactly as a graph built at once from the end state.
 */
class RelationGraphUpkeepPropertiesTest {
    private static final String[] PHONES = {"312 444 2001", "312 444 2002", "312 444 2003", "312 444 2004"};
    private static final String[] EMAILS = {"one@example.org", "two@example.org", "three@example.org"};
    private static final String[] STREETS = {"14 Elm Street", "9 Oak Avenue", "1 Shelter Way"};
    private static final String[] FLIGHTS = {"BA117", "LH400", "AF22"};
    private static final String[] DATES = {"2023-01-05", "2023-03-01"};
    private static final String[] TYPES = {"FAMILY", "EMPLOYER", "SPONSOR", "ASSOCIATE"};
    private static final int RECORDS = 14, ENTITIES = 7;

    private static RecordKey keyOf(int i) {
        return i < 3 ? new RecordKey("O", "org" + i) : new RecordKey("S", "r" + i);
    }

    private static RecordLinks randomRecord(SplittableRandom random, int i) {
        RelateRecords.Builder b = i < 3 ? org("O", "org" + i, "Company Number " + (char) ('A' + i) + " LLC")
                : person("S", "r" + i).name("Given" + (char) ('A' + i), "Family" + (char) ('A' + random.nextInt(5)));
        if (random.nextInt(3) == 0) b.phone(PHONES[random.nextInt(PHONES.length)]);
        if (random.nextInt(3) == 0) b.email(EMAILS[random.nextInt(EMAILS.length)]);
        if (random.nextInt(3) == 0) b.address(STREETS[random.nextInt(STREETS.length)], "Chicago", "60614");
        if (random.nextInt(4) == 0) b.id("PASSPORT", "X100000" + random.nextInt(3));
        for (int t = random.nextInt(4); t > 0; t--) b.trip(FLIGHTS[random.nextInt(FLIGHTS.length)], DATES[random.nextInt(DATES.length)]);
        for (int d = random.nextInt(3); d > 0; d--) {
            b.discloses(TYPES[random.nextInt(TYPES.length)], keyOf(random.nextInt(RECORDS)), random.nextBoolean() ? "role" : null);
        }
        return b.links();
    }

    /** A relation as comparable between two graphs: evidence by entity, not by which record was seen first. */
    private static Object normalized(RelationGraph g, Relation r) {
        Set<String> evidence = r.evidence().stream().map(e -> String.join("|", e.type().name(), e.detail(),
                String.valueOf(e.sharedBy()), String.format("%.9f", e.strength()), String.valueOf(g.entityOf(e.from())),
                String.valueOf(g.entityOf(e.to())))).collect(Collectors.toSet());
        return List.of(r.from(), r.to(), String.format("%.9f", r.strength()), evidence);
    }

    private static Map<Long, List<Object>> answers(RelationGraph g) {
        Map<Long, List<Object>> out = new TreeMap<>();
        for (long e = 1; e <= ENTITIES; e++) {
            out.put(e, g.relations(e).stream().map(r -> normalized(g, r)).toList());
            assertThat(g.relations(e)).extracting(Relation::strength).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        }
        return out;
    }

    @Property(tries = 60)
    void upkeep_one_step_at_a_time_ends_where_a_fresh_build_starts(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        RelationGraph live = new RelationGraph(RelateSettings.defaults().withGenericAbove(RelationType.SHARED_PHONE, 3));
        Map<RecordKey, RecordLinks> content = new HashMap<>();
        Map<RecordKey, Long> entity = new HashMap<>();
        Map<List<RecordKey>, Double> possibly = new HashMap<>();

        for (int step = 0; step < 60; step++) {
            int op = random.nextInt(10);
            RecordKey k = keyOf(random.nextInt(RECORDS));
            long to = 1 + random.nextInt(ENTITIES);
            if (op < 4 || !entity.containsKey(k)) {
                RecordLinks r = randomRecord(random, Integer.parseInt(k.id().replaceAll("\\D", "")));
                live.put(r, to);
                content.put(k, r);
                entity.put(k, to);
            } else if (op < 6) {
                live.assign(k, to);
                entity.put(k, to);
            } else if (op == 6) {
                // the resolver's view: a merge (or split) and a withdrawal in one change set
                RecordKey gone = keyOf(random.nextInt(RECORDS));
                List<Assignment> moves = new ArrayList<>(List.of(new Assignment(k, to, entity.get(k))));
                if (!gone.equals(k)) moves.add(new Assignment(gone, 0, entity.getOrDefault(gone, 0L)));
                live.apply(new ChangeSet(moves, List.of(), List.of(), Map.of()));
                entity.put(k, to);
                if (!gone.equals(k)) {
                    entity.remove(gone);
                    content.remove(gone);
                }
            } else if (op == 7) {
                live.remove(k);
                entity.remove(k);
                content.remove(k);
            } else {
                RecordKey other = keyOf(random.nextInt(RECORDS));
                if (other.equals(k)) continue;
                List<RecordKey> pair = k.compareTo(other) < 0 ? List.of(k, other) : List.of(other, k);
                if (op == 8) {
                    double p = 0.5 + random.nextInt(5) / 10.0;
                    live.possiblySame(k, other, p);
                    possibly.put(pair, p);
                } else {
                    live.settled(other, k);
                    possibly.remove(pair);
                }
            }
        }

        RelationGraph fresh = new RelationGraph(live.settings());
        new TreeMap<>(content).forEach((k, r) -> fresh.put(r, entity.get(k)));
        possibly.forEach((pair, p) -> fresh.possiblySame(pair.get(0), pair.get(1), p));

        assertThat(live.entities()).isEqualTo(fresh.entities());
        for (RecordKey k : entity.keySet()) assertThat(live.entityOf(k)).isEqualTo(entity.get(k));
        assertThat(answers(live)).isEqualTo(answers(fresh));
        for (long e = 1; e <= ENTITIES; e++) {
            assertThat(live.genericValues(e)).as("entity %d", e).isEqualTo(fresh.genericValues(e));
            assertThat(live.disclosers(e).keySet()).as("entity %d", e).isEqualTo(fresh.disclosers(e).keySet());
            assertThat(live.records(e)).extracting(RecordLinks::key)
                    .isEqualTo(fresh.records(e).stream().map(RecordLinks::key).toList());
        }
    }
}
