package io.relata.core.relate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PathFinderTest {
    private static final int NO_HUBS = 1_000;

    /**
     * 1 and 2 are tied directly but weakly (0.5); 1-3-4-2 is a longer chain of strong ties (0.9^3 = 0.729) and
     * 1-5-2 a middle one (0.8^2 = 0.64).
     */
    private static Edges sample() {
        return new Edges().edge(1, 2, 5).edge(1, 3, 9).edge(3, 4, 9).edge(4, 2, 9).edge(1, 5, 8).edge(5, 2, 8).node(99);
    }

    /** Every hop joins consecutive entities in the path's order, through records of those entities. */
    static void assertWellFormed(RelationGraph g, GraphPath p, long a, long b) {
        List<Long> e = p.entities();
        assertThat(e.get(0)).isEqualTo(a);
        assertThat(e.get(e.size() - 1)).isEqualTo(b);
        assertThat(new HashSet<>(e)).as("a simple path").hasSize(e.size());
        assertThat(p.hops()).hasSize(e.size() - 1);
        assertThat(p.length()).isEqualTo(e.size() - 1);
        double product = 1;
        for (int i = 0; i < p.hops().size(); i++) {
            Relation hop = p.hops().get(i);
            assertThat(hop.from()).as("hop %d of %s starts at its entity", i, e).isEqualTo(e.get(i));
            assertThat(hop.to()).as("hop %d of %s ends at the next entity", i, e).isEqualTo(e.get(i + 1));
            for (Evidence ev : hop.evidence()) {
                assertThat(g.entityOf(ev.from())).as("evidence of hop %d from a record of %d", i, e.get(i)).isEqualTo(e.get(i));
                assertThat(g.entityOf(ev.to())).as("evidence of hop %d to a record of %d", i, e.get(i + 1)).isEqualTo(e.get(i + 1));
            }
            product *= hop.strength();
        }
        assertThat(p.strength()).isCloseTo(product, within(1e-12));
    }

    @Test
    void a_longer_chain_of_strong_ties_beats_a_short_weak_one() {
        RelationGraph g = sample().build();
        PathFinder f = new PathFinder(g);
        List<GraphPath> best = f.strongest(1, 2, 1, 4, NO_HUBS, RelationFilter.ALL);
        assertThat(best).singleElement().satisfies(p -> {
            assertThat(p.entities()).containsExactly(1L, 3L, 4L, 2L);
            assertThat(p.strength()).isCloseTo(0.729, within(1e-9));
            assertWellFormed(g, p, 1, 2);
        });

        List<GraphPath> three = f.strongest(1, 2, 3, 4, NO_HUBS, RelationFilter.ALL);
        assertThat(three).extracting(GraphPath::entities)
                .containsExactly(List.of(1L, 3L, 4L, 2L), List.of(1L, 5L, 2L), List.of(1L, 2L));
        assertThat(three).extracting(GraphPath::strength).isSortedAccordingTo(Comparator.reverseOrder());
        three.forEach(p -> assertWellFormed(g, p, 1, 2));

        // asked the other way round, the same paths turned around, each hop turned around too
        List<GraphPath> back = f.strongest(2, 1, 3, 4, NO_HUBS, RelationFilter.ALL);
        assertThat(back).extracting(GraphPath::entities)
                .containsExactly(List.of(2L, 4L, 3L, 1L), List.of(2L, 5L, 1L), List.of(2L, 1L));
        back.forEach(p -> assertWellFormed(g, p, 2, 1));

        // more paths asked for than there are
        assertThat(f.strongest(1, 2, 10, 4, NO_HUBS, RelationFilter.ALL)).hasSize(3);
    }

    @Test
    void paths_longer_than_max_hops_are_not_taken() {
        RelationGraph g = sample().build();
        PathFinder f = new PathFinder(g);
        assertThat(f.strongest(1, 2, 3, 2, NO_HUBS, RelationFilter.ALL)).extracting(GraphPath::entities)
                .containsExactly(List.of(1L, 5L, 2L), List.of(1L, 2L));
        assertThat(f.strongest(1, 2, 3, 1, NO_HUBS, RelationFilter.ALL)).extracting(GraphPath::entities)
                .containsExactly(List.of(1L, 2L));
        assertThat(f.strongest(3, 5, 3, 2, NO_HUBS, RelationFilter.ALL)).extracting(GraphPath::entities)
                .containsExactly(List.of(3L, 1L, 5L));
        assertThat(f.strongest(3, 5, 5, 3, NO_HUBS, RelationFilter.ALL)).extracting(GraphPath::entities)
                .containsExactly(List.of(3L, 1L, 5L), List.of(3L, 4L, 2L, 5L), List.of(3L, 1L, 2L, 5L));
        assertThat(f.strongest(1, 99, 3, 6, NO_HUBS, RelationFilter.ALL)).isEmpty();
    }

    @Test
    void the_filter_decides_which_relations_a_path_may_use() {
        RelationGraph g = sample().build();
        PathFinder f = new PathFinder(g);
        assertThat(f.strongest(1, 2, 3, 4, NO_HUBS, new RelationFilter(0.6, null))).extracting(GraphPath::entities)
                .containsExactly(List.of(1L, 3L, 4L, 2L), List.of(1L, 5L, 2L));
        assertThat(f.strongest(1, 2, 3, 4, NO_HUBS, new RelationFilter(0.85, null))).extracting(GraphPath::entities)
                .containsExactly(List.of(1L, 3L, 4L, 2L));
        assertThat(f.strongest(1, 2, 3, 4, NO_HUBS, new RelationFilter(0, java.util.Set.of(RelationType.SHARED_PHONE))))
                .isEmpty();
    }

    @Test
    void a_hub_is_never_passed_through_but_may_end_a_path() {
        // 5 also ties to three others: four or five relations, a hub above a degree of 4
        Edges e = sample().edge(5, 11, 1).edge(5, 12, 1).edge(5, 13, 1);
        RelationGraph g = e.build();
        PathFinder f = new PathFinder(g);
        assertThat(g.relations(5)).hasSize(5);

        assertThat(f.strongest(1, 2, 3, 4, 4, RelationFilter.ALL)).extracting(GraphPath::entities)
                .containsExactly(List.of(1L, 3L, 4L, 2L), List.of(1L, 2L));
        assertThat(f.strongest(1, 2, 3, 4, 5, RelationFilter.ALL)).extracting(GraphPath::entities)
                .containsExactly(List.of(1L, 3L, 4L, 2L), List.of(1L, 5L, 2L), List.of(1L, 2L));

        // as either end the hub is fine
        List<GraphPath> from = f.strongest(5, 4, 5, 3, 4, RelationFilter.ALL);
        assertThat(from).extracting(GraphPath::entities)
                .containsExactly(List.of(5L, 2L, 4L), List.of(5L, 1L, 3L, 4L), List.of(5L, 1L, 2L, 4L));
        from.forEach(p -> assertWellFormed(g, p, 5, 4));
        List<GraphPath> to = f.strongest(4, 5, 5, 3, 4, RelationFilter.ALL);
        assertThat(to).extracting(GraphPath::entities)
                .containsExactly(List.of(4L, 2L, 5L), List.of(4L, 3L, 1L, 5L), List.of(4L, 2L, 1L, 5L));
        to.forEach(p -> assertWellFormed(g, p, 4, 5));
        assertThat(f.strongest(5, 11, 1, 3, 0, RelationFilter.ALL)).extracting(GraphPath::entities)
                .containsExactly(List.of(5L, 11L));
        // 11 and 12 meet only through the hub
        assertThat(f.strongest(11, 12, 3, 4, 4, RelationFilter.ALL)).isEmpty();
        assertThat(f.strongest(11, 12, 3, 4, 5, RelationFilter.ALL)).extracting(GraphPath::entities)
                .containsExactly(List.of(11L, 5L, 12L));
    }

    @Test
    void the_arguments_are_checked() {
        PathFinder f = new PathFinder(sample().build());
        assertThatThrownBy(() -> f.strongest(1, 1, 3, 4, NO_HUBS, RelationFilter.ALL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two different entities");
        assertThatThrownBy(() -> f.strongest(1, 2, 0, 4, NO_HUBS, RelationFilter.ALL)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.strongest(1, 2, 3, 0, NO_HUBS, RelationFilter.ALL)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.strongest(1, 2, 3, 13, NO_HUBS, RelationFilter.ALL)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- against brute force ------------------------------------------------------------------------------

    /** Every simple path from a to b of at most maxHops hops whose inner entities are not hubs, strongest first. */
    static List<GraphPath> allPaths(RelationGraph g, long a, long b, int maxHops, int maxDegree, RelationFilter filter) {
        List<GraphPath> out = new ArrayList<>();
        List<Long> nodes = new ArrayList<>(List.of(a));
        walk(g, b, maxHops, maxDegree, filter, nodes, new ArrayList<>(), out);
        out.sort(Comparator.comparingDouble(GraphPath::strength).reversed());
        return out;
    }

    private static void walk(RelationGraph g, long b, int maxHops, int maxDegree, RelationFilter filter,
                             List<Long> nodes, List<Relation> hops, List<GraphPath> out) {
        long at = nodes.get(nodes.size() - 1);
        if (at == b) {
            double s = 1;
            for (Relation r : hops) s *= r.strength();
            out.add(new GraphPath(nodes, hops, s));
            return;
        }
        if (hops.size() == maxHops) return;
        List<Relation> rs = filter.apply(g.relations(at));
        if (nodes.size() > 1 && rs.size() > maxDegree) return; // a hub ends nothing but the path's own ends
        for (Relation r : rs) {
            if (nodes.contains(r.to())) continue;
            nodes.add(r.to());
            hops.add(r);
            walk(g, b, maxHops, maxDegree, filter, nodes, hops, out);
            hops.remove(hops.size() - 1);
            nodes.remove(nodes.size() - 1);
        }
    }

    @Test
    void on_random_graphs_the_paths_are_the_k_strongest_that_brute_force_finds() {
        List<String> failures = new ArrayList<>();
        for (int seed = 0; seed < 400; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int n = 6 + random.nextInt(5);
            Edges edges = new Edges();
            for (long i = 1; i <= n; i++) edges.node(i);
            for (long i = 1; i <= n; i++) {
                for (long j = i + 1; j <= n; j++) if (random.nextInt(100) < 35) edges.edge(i, j, 1 + random.nextInt(9));
            }
            RelationGraph g = edges.build();
            long a = 1 + random.nextInt(n), b = 1 + random.nextInt(n - 1);
            if (b >= a) b++;
            int k = 1 + random.nextInt(4), maxHops = 1 + random.nextInt(7);
            int maxDegree = random.nextBoolean() ? NO_HUBS : 2 + random.nextInt(3);
            RelationFilter filter = random.nextInt(4) == 0 ? new RelationFilter(0.35, null) : RelationFilter.ALL;

            List<GraphPath> found = new PathFinder(g).strongest(a, b, k, maxHops, maxDegree, filter);
            List<GraphPath> all = allPaths(g, a, b, maxHops, maxDegree, filter);
            for (GraphPath p : found) {
                assertWellFormed(g, p, a, b);
                assertThat(p.length()).isLessThanOrEqualTo(maxHops);
                assertThat(all).as("seed %d: %s is a legal path", seed, p.entities())
                        .extracting(GraphPath::entities).contains(p.entities());
            }
            assertThat(found).extracting(GraphPath::entities).doesNotHaveDuplicates();
            assertThat(found).extracting(GraphPath::strength).isSortedAccordingTo(Comparator.reverseOrder());
            double[] expected = all.stream().limit(k).mapToDouble(GraphPath::strength).toArray();
            double[] actual = found.stream().mapToDouble(GraphPath::strength).toArray();
            boolean same = expected.length == actual.length;
            for (int i = 0; same && i < expected.length; i++) same = Math.abs(expected[i] - actual[i]) < 1e-9;
            if (!same) {
                failures.add(String.format("seed %d (a=%d b=%d k=%d maxHops=%d maxDegree=%d): expected %s got %s", seed, a, b,
                        k, maxHops, maxDegree, all.stream().limit(k).map(p -> p.entities() + "=" + round(p.strength())).toList(),
                        found.stream().map(p -> p.entities() + "=" + round(p.strength())).toList()));
            }
        }
        assertThat(failures).isEmpty();
    }

    private static String round(double d) {
        return String.format(java.util.Locale.ROOT, "%.4f", d);
    }
}
