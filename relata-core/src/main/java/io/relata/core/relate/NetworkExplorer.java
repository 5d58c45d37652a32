package io.relata.core.relate;

import it.unimi.dsi.fastutil.longs.Long2IntLinkedOpenHashMap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The analyst's graph questions that start from entities: a network around one, the connections two share. */
public final class NetworkExplorer {
    private final RelationGraph graph;

    public NetworkExplorer(RelationGraph graph) {
        this.graph = graph;
    }

    /**
     * The entities within {@code hops} of {@code center}, breadth first, strongest relations first, until
     * {@code nodeLimit} entities are in.
     */
    public Network network(long center, int hops, RelationFilter filter, int nodeLimit) {
        if (hops < 0 || hops > 6) throw new IllegalArgumentException("hops must be between 0 and 6");
        if (nodeLimit < 1) throw new IllegalArgumentException("the node limit must be at least 1");
        Long2IntLinkedOpenHashMap depth = new Long2IntLinkedOpenHashMap();
        depth.put(center, 0);
        List<Relation> edges = new ArrayList<>();
        List<Long> frontier = List.of(center);
        boolean truncated = false;
        for (int h = 1; h <= hops && !frontier.isEmpty() && !truncated; h++) {
            List<Long> next = new ArrayList<>();
            for (long e : frontier) {
                for (Relation r : filter.apply(graph.relations(e))) {
                    if (depth.containsKey(r.to())) { // an edge between two entities already in
                        edges.add(r);
                        continue;
                    }
                    if (depth.size() >= nodeLimit) {
                        truncated = true;
                        break;
                    }
                    depth.put(r.to(), h);
                    next.add(r.to());
                    edges.add(r);
                }
                if (truncated) break;
            }
            frontier = next;
        }
        List<Network.Node> nodes = new ArrayList<>(depth.size());
        depth.long2IntEntrySet().forEach(en -> nodes.add(new Network.Node(en.getLongKey(), en.getIntValue())));
        return new Network(center, nodes, dedupe(edges), graph.genericValues(center), truncated);
    }

    private static List<Relation> dedupe(List<Relation> edges) {
        Map<String, Relation> seen = new java.util.LinkedHashMap<>();
        for (Relation r : edges) {
            String key = Math.min(r.from(), r.to()) + "-" + Math.max(r.from(), r.to());
            seen.putIfAbsent(key, r);
        }
        return new ArrayList<>(seen.values());
    }

    /** The entities related to both {@code a} and {@code b}, strongest (product of both relations) first. */
    public List<CommonConnection> common(long a, long b, RelationFilter filter) {
        Map<Long, Relation> ofA = new java.util.HashMap<>();
        for (Relation r : filter.apply(graph.relations(a))) ofA.put(r.to(), r);
        List<CommonConnection> out = new ArrayList<>();
        for (Relation r : filter.apply(graph.relations(b))) {
            Relation viaA = ofA.get(r.to());
            if (viaA != null) out.add(new CommonConnection(r.to(), viaA, r));
        }
        out.sort(Comparator.comparingDouble(CommonConnection::strength).reversed()
                .thenComparingLong(CommonConnection::entity));
        return out;
    }
}
