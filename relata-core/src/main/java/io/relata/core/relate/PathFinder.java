package io.relata.core.relate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The strongest chains of relations between two entities. A path's strength is the product of its hops'
 * strengths, so searching for the strongest path is searching for the shortest one with hop cost -ln(strength).
 * The search runs from both ends at once (bidirectional Dijkstra, each side at most half the hops deep) and
 * stops once no unexplored path can beat the k-th best found; paths meet at an entity or across a relation.
 * Hubs (entities with more relations than {@code maxDegree}) may end a path but are never passed through:
 * a path through a big employer says little.
 */
public final class PathFinder {
    private final RelationGraph graph;

    public PathFinder(RelationGraph graph) {
        this.graph = graph;
    }

    public List<GraphPath> strongest(long a, long b, int k, int maxHops, int maxDegree, RelationFilter filter) {
        if (k < 1) throw new IllegalArgumentException("k must be at least 1");
        if (maxHops < 1 || maxHops > 12) throw new IllegalArgumentException("max hops must be between 1 and 12");
        if (a == b) throw new IllegalArgumentException("a path needs two different entities");
        Search s = new Search(a, b, k, maxHops, maxDegree, filter);
        return s.run();
    }

    private record Label(long node, double cost, int hops, Label parent, Relation via) {}

    private final class Search {
        final long a, b;
        final int k, maxHops, maxDegree;
        final RelationFilter filter;
        final Map<Long, List<Relation>> relations = new HashMap<>();
        final Side forward, backward;
        final Map<List<Long>, GraphPath> found = new LinkedHashMap<>();

        Search(long a, long b, int k, int maxHops, int maxDegree, RelationFilter filter) {
            this.a = a;
            this.b = b;
            this.k = k;
            this.maxHops = maxHops;
            this.maxDegree = maxDegree;
            this.filter = filter;
            forward = new Side(a, (maxHops + 1) / 2);
            backward = new Side(b, maxHops / 2);
        }

        List<GraphPath> run() {
            while (!forward.queue.isEmpty() || !backward.queue.isEmpty()) {
                double bound = forward.top() + backward.top();
                if (found.size() >= k && kthCost() <= bound) break;
                Side side = forward.top() <= backward.top() ? forward : backward;
                Side other = side == forward ? backward : forward;
                Label u = side.queue.poll();
                if (side.settled.containsKey(u.node())) continue;
                side.settled.put(u.node(), u);
                Label meet = other.settled.get(u.node());
                if (meet != null) offer(side == forward ? u : meet, side == forward ? meet : u, null);
                if (u.hops() >= side.depth || (u.node() != side.origin && isHub(u.node()))) continue;
                for (Relation r : relationsOf(u.node())) {
                    Label there = other.settled.get(r.to());
                    if (there != null && u.hops() + 1 + there.hops() <= maxHops && (!isHub(r.to()) || r.to() == other.origin)) {
                        if (side == forward) offer(u, there, r);
                        else offer(there, u, r.reversed());
                    }
                    if (side.settled.containsKey(r.to())) continue;
                    side.queue.add(new Label(r.to(), u.cost() + cost(r), u.hops() + 1, u, r));
                }
            }
            List<GraphPath> out = new ArrayList<>(found.values());
            out.sort(Comparator.comparingDouble(GraphPath::strength).reversed().thenComparingInt(GraphPath::length));
            return out.subList(0, Math.min(k, out.size()));
        }

        /** A path from a to {@code f}, then {@code bridge} if any, then from {@code g} back to b. */
        void offer(Label f, Label g, Relation bridge) {
            if (f.hops() + g.hops() + (bridge == null ? 0 : 1) > maxHops) return;
            if (bridge == null && f.node() != a && f.node() != b && isHub(f.node())) return;
            List<Long> nodes = new ArrayList<>();
            List<Relation> hops = new ArrayList<>();
            for (Label l = f; l != null; l = l.parent()) {
                nodes.add(l.node());
                if (l.via() != null) hops.add(l.via());
            }
            Collections.reverse(nodes);
            Collections.reverse(hops);
            if (bridge != null) hops.add(bridge);
            for (Label l = bridge == null ? g.parent() : g; l != null; l = l.parent()) {
                nodes.add(l.node());
            }
            for (Label l = g; l.parent() != null; l = l.parent()) hops.add(l.via().reversed());
            Set<Long> distinct = new HashSet<>(nodes);
            if (distinct.size() != nodes.size() || found.containsKey(nodes)) return;
            double strength = 1;
            for (Relation r : hops) strength *= r.strength();
            found.put(nodes, new GraphPath(nodes, hops, strength));
        }

        double kthCost() {
            double[] costs = found.values().stream().mapToDouble(p -> -Math.log(p.strength())).sorted().toArray();
            return costs[k - 1];
        }

        boolean isHub(long node) {
            return relationsOf(node).size() > maxDegree;
        }

        List<Relation> relationsOf(long node) {
            return relations.computeIfAbsent(node, n -> filter.apply(graph.relations(n)));
        }

        final class Side {
            final long origin;
            final int depth;
            final PriorityQueue<Label> queue = new PriorityQueue<>(Comparator.comparingDouble(Label::cost));
            final Map<Long, Label> settled = new HashMap<>();

            Side(long origin, int depth) {
                this.origin = origin;
                this.depth = depth;
                queue.add(new Label(origin, 0, 0, null, null));
            }

            double top() {
                return queue.isEmpty() ? Double.POSITIVE_INFINITY : queue.peek().cost();
            }
        }
    }

    private static double cost(Relation r) {
        return -Math.log(Math.max(r.strength(), 1e-9));
    }
}
