package io.relata.core.relate;

import static io.relata.core.relate.RelateRecords.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RelationFilterTest {
    /** Entity 1 shares a phone (0.6) and an address (0.5) with entity 2: strength 0.8. */
    private static Relation phoneAndAddress() {
        RelationGraph g = new RelationGraph(RelateSettings.defaults());
        person("S", "a").name("Ana", "Perez").phone("312 444 1001").address("14 Elm Street", "Chicago", "60614").in(g, 1);
        person("S", "b").name("Ben", "Okafor").phone("312 444 1001").address("14 Elm Street", "Chicago", "60614").in(g, 2);
        person("S", "c").name("Cy", "Dunn").address("14 Elm Street", "Chicago", "60614").in(g, 3);
        List<Relation> rs = g.relations(1);
        assertThat(rs).extracting(Relation::to).containsExactly(2L, 3L);
        return rs.get(0);
    }

    @Test
    void a_type_filter_keeps_only_that_evidence_and_recomputes_the_strength() {
        Relation r = phoneAndAddress();
        // the address is shared by three entities: 0.5 * specificity(3) = 0.25; 1 - 0.4 * 0.75 = 0.7
        assertThat(r.strength()).isCloseTo(0.7, within(1e-9));

        Relation address = new RelationFilter(0, Set.of(RelationType.SHARED_ADDRESS)).apply(r);
        assertThat(address.evidence()).extracting(Evidence::type).containsExactly(RelationType.SHARED_ADDRESS);
        assertThat(address.strength()).isCloseTo(0.25, within(1e-9));
        assertThat(address.from()).isEqualTo(1);
        assertThat(address.to()).isEqualTo(2);

        assertThat(new RelationFilter(0, Set.of(RelationType.CO_TRAVEL, RelationType.DISCLOSED)).apply(r)).isNull();
        assertThat(RelationFilter.ALL.apply(r)).isSameAs(r);
    }

    @Test
    void a_minimum_strength_applies_to_the_filtered_strength() {
        Relation r = phoneAndAddress();
        assertThat(new RelationFilter(0.7, null).apply(r)).isSameAs(r);
        assertThat(new RelationFilter(0.71, null).apply(r)).isNull();
        assertThat(new RelationFilter(0.5, EnumSet.of(RelationType.SHARED_PHONE)).apply(r).strength()).isCloseTo(0.6, within(1e-9));
        assertThat(new RelationFilter(0.5, EnumSet.of(RelationType.SHARED_ADDRESS)).apply(r)).isNull();
        assertThat(new RelationFilter(0.65, null).apply(List.of(r, r.reversed()))).hasSize(2);
        assertThat(new RelationFilter(0.65, Set.of(RelationType.SHARED_PHONE)).apply(List.of(r, r.reversed()))).isEmpty();
    }

    @Test
    void no_types_means_every_type_and_the_bounds_are_checked() {
        assertThat(new RelationFilter(0, null).types()).isEqualTo(EnumSet.allOf(RelationType.class));
        assertThat(new RelationFilter(0, Set.of()).types()).isEqualTo(EnumSet.allOf(RelationType.class));
        EnumSet<RelationType> mine = EnumSet.of(RelationType.SHARED_PHONE);
        RelationFilter f = new RelationFilter(0, mine);
        mine.add(RelationType.SHARED_EMAIL);
        assertThat(f.types()).containsExactly(RelationType.SHARED_PHONE);
        assertThatThrownBy(() -> new RelationFilter(-0.1, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RelationFilter(1.1, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_reversed_relation_swaps_ends_and_records_and_keeps_the_rest() {
        Relation r = phoneAndAddress();
        Relation back = r.reversed();
        assertThat(back.from()).isEqualTo(2);
        assertThat(back.to()).isEqualTo(1);
        assertThat(back.strength()).isEqualTo(r.strength());
        for (int i = 0; i < r.evidence().size(); i++) {
            Evidence e = r.evidence().get(i), b = back.evidence().get(i);
            assertThat(b.from()).isEqualTo(e.to());
            assertThat(b.to()).isEqualTo(e.from());
            assertThat(b.type()).isEqualTo(e.type());
            assertThat(b.detail()).isEqualTo(e.detail());
            assertThat(b.sharedBy()).isEqualTo(e.sharedBy());
            assertThat(b.strength()).isEqualTo(e.strength());
        }
        assertThat(back.reversed()).isEqualTo(r);
    }
}
