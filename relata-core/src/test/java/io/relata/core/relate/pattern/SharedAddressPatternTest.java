package io.relata.core.relate.pattern;

import static io.relata.core.relate.RelateRecords.org;
import static io.relata.core.relate.RelateRecords.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.relata.core.relate.RelateSettings;
import io.relata.core.relate.RelationGraph;
import io.relata.core.relate.RelationType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedAddressPatternTest {
    static final String[] SURNAMES = {"Perez", "Okafor", "Dunn", "Ivanov", "Lin", "Haddad", "Berg", "Sato", "Novak",
            "Kowalski", "Mensah", "Silva", "Moreau", "Jensen", "Rossi", "Tanaka", "Nguyen", "Costa", "Weber", "Fischer"};
    static final String[] GIVEN = {"Ana", "Ben", "Cara", "Dmitri", "Mei", "Omar", "Tove", "Hana", "Petr", "Jan",
            "Kofi", "Rui", "Lea", "Nils", "Luca", "Yuki", "Minh", "Ines", "Otto", "Greta"};

    private static List<Lead> find(RelationGraph g) {
        return SharedAddressPattern.defaults().find(g, List.of());
    }

    /** {@code n} people of different surnames at 40 Mill Road, entities first, first + 1, ... */
    static void unrelatedAt(RelationGraph g, int n, long first) {
        for (int i = 0; i < n; i++) {
            person("S", "m" + (first + i)).name(GIVEN[i % GIVEN.length], SURNAMES[i % SURNAMES.length] + (i < 20 ? "" : "son"))
                    .address("40 Mill Road", "Chicago", "60614").in(g, first + i);
        }
    }

    @Test
    void many_unrelated_people_at_one_address_are_a_lead() {
        RelationGraph g = new RelationGraph(RelateSettings.defaults());
        unrelatedAt(g, 6, 1);
        org("O", "shop", "Mill Road Grocery LLC").address("40 Mill Road", "Chicago", "60614").in(g, 50);
        person("S", "elsewhere").name("Eve", "Stone").address("2 Quiet Lane", "Chicago", "60602").in(g, 60);

        assertThat(find(g)).singleElement().satisfies(l -> {
            assertThat(l.pattern()).isEqualTo(SharedAddressPattern.NAME);
            assertThat(l.key()).startsWith("shared-address:").contains("40").contains("mill");
            assertThat(l.members()).as("people only, not the shop").containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            assertThat(l.evidence()).containsExactly("6 people with 6 different surnames give the address 40 mill road chicago 60614 us");
            assertThat(l.score()).isCloseTo(6 * Math.log(7), within(1e-9));
        });
    }

    @Test
    void a_household_is_no_lead_even_with_a_lodger() {
        RelationGraph g = new RelationGraph(RelateSettings.defaults());
        for (int i = 0; i < 6; i++) {
            person("S", "h" + i).name(GIVEN[i], "Okafor").address("40 Mill Road", "Chicago", "60614").phone("312 444 3001").in(g, i + 1);
        }
        assertThat(find(g)).isEmpty();
        person("S", "lodger").name("Petr", "Novak").address("40 Mill Road", "Chicago", "60614").in(g, 7);
        assertThat(find(g)).as("two surnames").isEmpty();
    }

    @Test
    void a_family_whose_children_carry_both_parents_surnames_counts_once_whatever_the_entity_ids() {
        // father Lopez, mother Garcia, children Garcia Lopez, and one lodger: two families, never three
        String[][] people = {{"Juan", "Lopez"}, {"Maria", "Garcia"}, {"Ana", "Garcia Lopez"}, {"Luis", "Garcia Lopez"},
                {"Petr", "Novak"}};
        for (int rotation = 0; rotation < people.length; rotation++) {
            for (long base : new long[] {1, 100, 7_000}) {
                RelationGraph g = new RelationGraph(RelateSettings.defaults());
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < people.length; i++) {
                    String[] p = people[(i + rotation) % people.length];
                    long id = base + i * 37L;
                    person("S", "p" + i).name(p[0], p[1]).address("40 Mill Road", "Chicago", "60614").in(g, id);
                    ids.add(id);
                }
                assertThat(SharedAddressPattern.distinctSurnameGroups(g, ids)).as("rotation %d, ids from %d", rotation, base)
                        .isEqualTo(2);
                List<Long> reversed = new ArrayList<>(ids);
                java.util.Collections.reverse(reversed);
                assertThat(SharedAddressPattern.distinctSurnameGroups(g, reversed)).isEqualTo(2);
                assertThat(find(g)).isEmpty();
            }
        }
    }

    @Test
    void too_few_people_or_too_few_surnames_are_no_lead_and_the_thresholds_are_parameters() {
        RelationGraph g = new RelationGraph(RelateSettings.defaults());
        unrelatedAt(g, 4, 1);
        assertThat(find(g)).isEmpty();
        assertThat(new SharedAddressPattern(4, 4).find(g, List.of())).hasSize(1);
        assertThat(new SharedAddressPattern(4, 5).find(g, List.of())).isEmpty();
    }

    @Test
    void a_generic_address_is_left_out() {
        RelationGraph g = new RelationGraph(RelateSettings.defaults());
        unrelatedAt(g, 13, 1); // more than 12: a shelter, say
        assertThat(find(g)).isEmpty();

        RelationGraph wider = new RelationGraph(RelateSettings.defaults().withGenericAbove(RelationType.SHARED_ADDRESS, 13));
        unrelatedAt(wider, 13, 1);
        assertThat(find(wider)).singleElement().satisfies(l -> assertThat(l.members()).hasSize(13));
    }
}
