package io.relata.core.relate.pattern;

import io.relata.core.relate.RelationGraph;
import it.unimi.dsi.fastutil.longs.Long2BooleanOpenHashMap;

import java.util.HashMap;
import java.util.Map;

/** Remembers, during one scan, which entities are people and which pairs look like one family. */
final class FamilyCache {
    private final RelationGraph graph;
    private final Long2BooleanOpenHashMap person = new Long2BooleanOpenHashMap();
    private final Map<PairGroups.Pair, Boolean> family = new HashMap<>();

    FamilyCache(RelationGraph graph) {
        this.graph = graph;
    }

    boolean isPerson(long entity) {
        return person.computeIfAbsent(entity, e -> Households.isPerson(graph, e));
    }

    boolean related(long a, long b) {
        return family.computeIfAbsent(PairGroups.Pair.of(a, b), p -> Households.family(graph, p.a(), p.b()));
    }

    /**
     * The family of each of these people, as the index of one of its members: people are one family when
     * related directly or through others among them (a mother of another surname who names the father as
     * her spouse is one family with their children, though she and the children share no surname).
     */
    int[] families(long[] people) {
        int[] root = new int[people.length];
        for (int i = 0; i < people.length; i++) root[i] = i;
        for (int i = 0; i < people.length; i++) {
            for (int j = i + 1; j < people.length; j++) {
                int ri = root(root, i), rj = root(root, j);
                if (ri != rj && related(people[i], people[j])) root[Math.max(ri, rj)] = Math.min(ri, rj);
            }
        }
        for (int i = 0; i < people.length; i++) root[i] = root(root, i);
        return root;
    }

    private static int root(int[] root, int i) {
        while (root[i] != i) i = root[i] = root[root[i]];
        return i;
    }
}
