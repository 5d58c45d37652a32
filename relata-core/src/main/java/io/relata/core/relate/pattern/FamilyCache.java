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
}
