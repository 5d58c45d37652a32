package io.relata.core.relate.pattern;

import io.relata.core.relate.RelationGraph;
import io.relata.core.relate.RelationType;

import it.unimi.dsi.fastutil.longs.LongSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code co-travel}: people of different families who were on the same trip (the same flight or crossing
 * reference on the same date) at least {@code minTrips} times, grouped; one shared flight is chance.
 */
public record CoTravelPattern(int minTrips) implements LeadPattern {
    public static final String NAME = "co-travel";

    public static CoTravelPattern defaults() {
        return new CoTravelPattern(2);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "people of different families on the same " + minTrips + "+ trips (reference and date)";
    }

    @Override
    public List<Lead> find(RelationGraph graph, List<Lead> earlier, LongSet scope) {
        PairGroups trips = new PairGroups();
        FamilyCache families = new FamilyCache(graph);
        int cap = graph.settings().genericAbove(RelationType.CO_TRAVEL);
        LongSet reach = scope == null ? null
                : graph.reachable(scope, java.util.EnumSet.of(RelationType.CO_TRAVEL), IdentityRingPattern.REACH_LIMIT);
        graph.forEachValue(RelationType.CO_TRAVEL, cap, reach, (key, display, holders) -> {
            if (holders.size() > cap) return;
            long[] people = holders.longStream().filter(families::isPerson).sorted().toArray();
            int[] family = families.families(people);
            for (int i = 0; i < people.length; i++) {
                for (int j = i + 1; j < people.length; j++) {
                    if (family[i] != family[j]) trips.add(people[i], people[j], key, "trip " + display);
                }
            }
        });
        List<Lead> out = new ArrayList<>();
        for (PairGroups.Group g : trips.groups(minTrips)) {
            List<String> evidence = new ArrayList<>();
            evidence.add(g.members().size() + " people of different families travelled together; "
                    + g.pairs() + " pairs shared " + minTrips + "+ trips");
            for (Map.Entry<String, String> v : g.values().entrySet()) evidence.add(v.getValue());
            out.add(new Lead(NAME, NAME + ":" + g.values().firstKey(), g.members().size() * g.values().size(), evidence,
                    g.members()));
        }
        return out;
    }
}
