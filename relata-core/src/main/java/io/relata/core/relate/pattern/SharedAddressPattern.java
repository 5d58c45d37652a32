package io.relata.core.relate.pattern;

import io.relata.core.relate.RelationGraph;
import io.relata.core.relate.RelationType;
import it.unimi.dsi.fastutil.longs.LongSet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code shared-address}: many unrelated people at one address, more than a household. People count when they
 * have at least {@code minPeople} entities there with at least {@code minSurnames} different surnames; an
 * address held by more entities than the generic limit (a shelter, a lawyer's office) is left out.
 */
public record SharedAddressPattern(int minPeople, int minSurnames) implements LeadPattern {
    public static final String NAME = "shared-address";

    public static SharedAddressPattern defaults() {
        return new SharedAddressPattern(5, 3);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "at least " + minPeople + " people with " + minSurnames + "+ surnames at one address that is not generic";
    }

    @Override
    public List<Lead> find(RelationGraph graph, List<Lead> earlier, LongSet scope) {
        int cap = graph.settings().genericAbove(RelationType.SHARED_ADDRESS);
        List<Lead> out = new ArrayList<>();
        graph.forEachValue(RelationType.SHARED_ADDRESS, cap, scope, (key, display, holders) -> {
            if (holders.size() > cap) return;
            List<Long> people = people(graph, holders);
            if (people.size() < minPeople) return;
            int distinct = distinctSurnameGroups(graph, people);
            if (distinct < minSurnames) return;
            out.add(new Lead(NAME, NAME + ":" + key.substring(1), distinct * Math.log1p(people.size()),
                    List.of(people.size() + " people with " + distinct + " different surnames give the address " + display),
                    people));
        });
        return out;
    }

    static List<Long> people(RelationGraph graph, LongSet holders) {
        List<Long> out = new ArrayList<>(holders.size());
        for (long e : holders) if (Households.isPerson(graph, e)) out.add(e);
        return out;
    }

    /**
     * How many families the people make: people who share a surname (or a part of a compound one) are one
     * family, also through others (Lopez, Garcia and their children Garcia Lopez), whatever order they come
     * in; people without a surname are counted in none.
     */
    static int distinctSurnameGroups(RelationGraph graph, List<Long> people) {
        Map<String, Integer> firstWith = new HashMap<>();
        int[] parent = new int[people.size()];
        int groups = 0;
        for (int i = 0; i < people.size(); i++) {
            parent[i] = i;
            Set<String> s = Households.surnames(graph.records(people.get(i)));
            if (!s.isEmpty()) groups++;
            for (String x : s) {
                Integer j = firstWith.putIfAbsent(x, i);
                if (j == null) continue;
                int ri = root(parent, i), rj = root(parent, j);
                if (ri != rj) {
                    parent[ri] = rj;
                    groups--;
                }
            }
        }
        return groups;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }
}
