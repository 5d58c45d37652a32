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
 * The search runs from both ends at once, each side at most half the hops deep, taking the cheapest partial
 * path of either side next; a partial path is a simple path from its side's end, and an entity may be reached
 * by several of them (the second-best way there may be part of the second-best path). Paths meet at an
 * entity. It stops once no unexplored path can beat the k-th best found: every path not found yet still has
 * its first half (up to half the hops) or its second half unexplored, so it costs at least the cheaper of
 * the two sides' next partial paths.
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

    /** A simple path from a side's origin to {@code node}; {@code via} is the relation from the parent's node. */
    private record Label(long node, double cost, int hops, Label parent, Relation via) {
        boolean visits(long entity) {
            for (Label l = this; l != null; l = l.parent()) if (l.node() == entity) return true;
            return false;
        }
    }

    private final class Search {
        final long a, b;
        final int k, maxHops, maxDegree;
        final RelationFilter filter;
        final Map<Long, List<Relation>> relations = new HashMap<>();
        final Side forward, backward;
        final Map<List<Long>, GraphPath> found = new LinkedHashMap<>();
        /** The costs of the k best paths found so far, the worst on top. */
        final PriorityQueue<Double> best = new PriorityQueue<>(Comparator.reverseOrder());

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
                if (best.size() >= k && best.peek() <= Math.min(forward.top(), backward.top())) break;
                Side side = forward.top() <= backward.top() ? forward : backward;
                Side other = side == forward ? backward : forward;
                Label u = side.queue.poll();
                side.popped.computeIfAbsent(u.node(), n -> new ArrayList<>(2)).add(u);
                for (Label meet : other.popped.getOrDefault(u.node(), List.of())) {
                    if (side == forward) offer(u, meet);
                    else offer(meet, u);
                }
                if (u.hops() >= side.depth || u.node() == other.origin) continue;
                if (u.node() != side.origin && isHub(u.node())) continue;
                for (Relation r : relationsOf(u.node())) {
                    if (u.visits(r.to())) continue;
                    side.queue.add(new Label(r.to(), u.cost() + cost(r), u.hops() + 1, u, r));
                }
            }
            List<GraphPath> out = new ArrayList<>(found.values());
            out.sort(Comparator.comparingDouble(GraphPath::strength).reversed().thenComparingInt(GraphPath::length));
            return out.subList(0, Math.min(k, out.size()));
        }

        /** The path from a to the entity where {@code f} (from a) and {@code g} (from b) meet, then on to b. */
        void offer(Label f, Label g) {
            if (f.hops() + g.hops() > maxHops) return;
            if (f.node() != a && f.node() != b && isHub(f.node())) return;
            List<Long> nodes = new ArrayList<>();
            List<Relation> hops = new ArrayList<>();
            for (Label l = f; l != null; l = l.parent()) {
                nodes.add(l.node());
                if (l.via() != null) hops.add(l.via());
            }
            Collections.reverse(nodes);
            Collections.reverse(hops);
            for (Label l = g.parent(); l != null; l = l.parent()) nodes.add(l.node());
            for (Label l = g; l.parent() != null; l = l.parent()) hops.add(l.via().reversed());
            Set<Long> distinct = new HashSet<>(nodes);
            if (distinct.size() != nodes.size() || found.containsKey(nodes)) return;
            double strength = 1;
            for (Relation r : hops) strength *= r.strength();
            found.put(nodes, new GraphPath(nodes, hops, strength));
            best.add(f.cost() + g.cost());
            if (best.size() > k) best.poll();
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
            /** The partial paths taken so far, by the entity they reach. */
            final Map<Long, List<Label>> popped = new HashMap<>();

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
