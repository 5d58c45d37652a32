package io.relata.core.relate;

import static io.relata.core.relate.RelateRecords.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NetworkExplorerTest {
    /**
     * A triangle 1-2-3, a tail 3-4-5, a weak 1-6, and 2 and 3 both weakly tied to 8:
     * <pre>
     *   6 .2 1 .9 2
     *        .8  .7  (2-8 .3, 3-8 .3)
     *          3 .6 4 .5 5
     * </pre>
     */
    private static RelationGraph sample() {
        return new Edges().edge(1, 2, 9).edge(1, 3, 8).edge(2, 3, 7).edge(3, 4, 6).edge(4, 5, 5).edge(1, 6, 2)
                .edge(2, 8, 3).edge(3, 8, 3).node(99).build();
    }

    private static List<Object> pairs(Network n) {
        return n.edges().stream().map(r -> (Object) Set.of(r.from(), r.to())).toList();
    }

    private static void assertWellFormed(Network n) {
        Set<Long> nodes = new HashSet<>();
        n.nodes().forEach(x -> nodes.add(x.entity()));
        assertThat(nodes).as("no entity twice").hasSize(n.nodes().size());
        assertThat(pairs(n)).as("no edge twice, in either direction").doesNotHaveDuplicates();
        assertThat(n.edges()).allSatisfy(r -> assertThat(nodes).contains(r.from(), r.to()));
    }

    @Test
    void the_network_grows_one_hop_at_a_time_strongest_first() {
        NetworkExplorer x = new NetworkExplorer(sample());

        Network zero = x.network(1, 0, RelationFilter.ALL, 50);
        assertThat(zero.nodes()).extracting(Network.Node::entity, Network.Node::hops).containsExactly(tuple(1L, 0));
        assertThat(zero.edges()).isEmpty();

        Network one = x.network(1, 1, RelationFilter.ALL, 50);
        assertThat(one.center()).isEqualTo(1);
        assertThat(one.nodes()).extracting(Network.Node::entity, Network.Node::hops)
                .containsExactly(tuple(1L, 0), tuple(2L, 1), tuple(3L, 1), tuple(6L, 1));
        assertThat(pairs(one)).containsExactly(Set.of(1L, 2L), Set.of(1L, 3L), Set.of(1L, 6L));
        assertThat(one.truncated()).isFalse();
        assertWellFormed(one);

        Network two = x.network(1, 2, RelationFilter.ALL, 50);
        assertThat(two.nodes()).extracting(Network.Node::entity, Network.Node::hops)
                .containsExactly(tuple(1L, 0), tuple(2L, 1), tuple(3L, 1), tuple(6L, 1), tuple(8L, 2), tuple(4L, 2));
        // the triangle's third side and both ties to 8 are in, each once
        assertThat(pairs(two)).containsExactlyInAnyOrder(Set.of(1L, 2L), Set.of(1L, 3L), Set.of(1L, 6L),
                Set.of(2L, 3L), Set.of(2L, 8L), Set.of(3L, 8L), Set.of(3L, 4L));
        assertWellFormed(two);

        Network three = x.network(1, 3, RelationFilter.ALL, 50);
        assertThat(three.nodes()).extracting(Network.Node::entity).contains(5L).doesNotContain(99L);
        assertThat(three.nodes()).filteredOn(n -> n.entity() == 5L).extracting(Network.Node::hops).containsExactly(3);
        assertWellFormed(three);
        assertThat(three.edges()).allSatisfy(r -> assertThat(r.strength()).isGreaterThan(0));
    }

    @Test
    void filters_limit_what_the_network_follows() {
        NetworkExplorer x = new NetworkExplorer(sample());
        Network strong = x.network(1, 3, new RelationFilter(0.55, null), 50);
        assertThat(strong.nodes()).extracting(Network.Node::entity).containsExactly(1L, 2L, 3L, 4L);
        assertThat(strong.edges()).allSatisfy(r -> assertThat(r.strength()).isGreaterThanOrEqualTo(0.55));
        assertWellFormed(strong);

        RelationGraph g = sample();
        person("S", "p7").name("Seven", "Phone").phone("312 444 1101").in(g, 7);
        person("S", "p1").name("One", "Phone").phone("312 444 1101").in(g, 1);
        Network all = new NetworkExplorer(g).network(1, 1, RelationFilter.ALL, 50);
        assertThat(all.nodes()).extracting(Network.Node::entity).contains(7L);
        Network disclosed = new NetworkExplorer(g).network(1, 1, new RelationFilter(0, Set.of(RelationType.DISCLOSED)), 50);
        assertThat(disclosed.nodes()).extracting(Network.Node::entity).containsExactly(1L, 2L, 3L, 6L);
        Network phones = new NetworkExplorer(g).network(1, 3, new RelationFilter(0, Set.of(RelationType.SHARED_PHONE)), 50);
        assertThat(phones.nodes()).extracting(Network.Node::entity).containsExactly(1L, 7L);
        assertThat(phones.edges()).singleElement().satisfies(r -> {
            assertThat(r.evidence()).extracting(Evidence::type).containsOnly(RelationType.SHARED_PHONE);
            assertThat(r.strength()).isEqualTo(0.6);
        });
    }

    @Test
    void the_node_limit_cuts_the_network_short_and_says_so() {
        NetworkExplorer x = new NetworkExplorer(sample());
        Network cut = x.network(1, 2, RelationFilter.ALL, 3);
        assertThat(cut.nodes()).extracting(Network.Node::entity).containsExactly(1L, 2L, 3L);
        assertThat(cut.truncated()).isTrue();
        assertWellFormed(cut);

        Network exact = x.network(1, 1, RelationFilter.ALL, 4);
        assertThat(exact.nodes()).hasSize(4);
        assertThat(exact.truncated()).as("everything within one hop fits").isFalse();

        Network next = x.network(1, 2, RelationFilter.ALL, 4);
        assertThat(next.nodes()).hasSize(4);
        assertThat(next.truncated()).isTrue();

        Network alone = x.network(99, 3, RelationFilter.ALL, 1);
        assertThat(alone.nodes()).extracting(Network.Node::entity).containsExactly(99L);
        assertThat(alone.truncated()).isFalse();
        assertThat(x.network(1, 1, RelationFilter.ALL, 1).truncated()).isTrue();
    }

    @Test
    void hops_and_node_limit_are_checked() {
        NetworkExplorer x = new NetworkExplorer(sample());
        assertThatThrownBy(() -> x.network(1, -1, RelationFilter.ALL, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> x.network(1, 7, RelationFilter.ALL, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> x.network(1, 2, RelationFilter.ALL, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(x.network(1, 6, RelationFilter.ALL, 100).nodes()).hasSize(7);
    }

    @Test
    void common_connections_are_related_to_both_strongest_first() {
        NetworkExplorer x = new NetworkExplorer(sample());
        List<CommonConnection> c = x.common(2, 3, RelationFilter.ALL);
        assertThat(c).extracting(CommonConnection::entity).containsExactly(1L, 8L);
        CommonConnection first = c.get(0);
        assertThat(first.toFirst().from()).isEqualTo(2);
        assertThat(first.toFirst().to()).isEqualTo(1);
        assertThat(first.toSecond().from()).isEqualTo(3);
        assertThat(first.toSecond().to()).isEqualTo(1);
        assertThat(first.strength()).isCloseTo(0.9 * 0.8, within(1e-9));
        assertThat(c.get(1).strength()).isCloseTo(0.3 * 0.3, within(1e-9));

        // the two themselves are never a common connection, even when related directly
        assertThat(x.common(1, 4, RelationFilter.ALL)).extracting(CommonConnection::entity).containsExactly(3L);
        assertThat(x.common(2, 3, new RelationFilter(0.5, null))).extracting(CommonConnection::entity).containsExactly(1L);
        assertThat(x.common(5, 6, RelationFilter.ALL)).isEmpty();
        assertThat(x.common(1, 99, RelationFilter.ALL)).isEmpty();
    }
}
