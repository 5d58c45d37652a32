package io.relata.core.relate.pattern;

import static io.relata.core.relate.RelateRecords.person;
import static io.relata.core.relate.pattern.SharedAddressPatternTest.GIVEN;
import static io.relata.core.relate.pattern.SharedAddressPatternTest.SURNAMES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.relata.core.relate.RelateSettings;
import io.relata.core.relate.RelationGraph;
import io.relata.core.relate.RelationType;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityRingPatternTest {
    private static List<Lead> find(RelationGraph g) {
        return IdentityRingPattern.defaults().find(g, List.of());
    }

    /** Four identities of four surnames: 1-2 an SSN, 2-3 a phone, 3-4 an e-mail, 4-1 another phone. */
    private static RelationGraph ring(RelateSettings settings) {
        RelationGraph g = new RelationGraph(settings);
        person("S", "a").name("Ana", "Perez").id("SSN", "287-65-4321").phone("312 444 5002").in(g, 1);
        person("S", "b").name("Kofi", "Mensah").id("SSN", "287654321").phone("312 444 5001").in(g, 2);
        person("T", "c").name("Lea", "Moreau").phone("(312) 444-5001").email("ring@example.org").in(g, 3);
        person("P", "d").name("Nils", "Jensen").email("RING@example.org").phone("312 444 5002").in(g, 4);
        person("P", "e").name("Eve", "Stone").phone("312 444 5999").in(g, 5);
        return g;
    }

    @Test
    void identities_densely_tied_through_personal_values_are_a_ring() {
        assertThat(find(ring(RelateSettings.defaults()))).singleElement().satisfies(l -> {
            assertThat(l.pattern()).isEqualTo(IdentityRingPattern.NAME);
            assertThat(l.members()).containsExactly(1L, 2L, 3L, 4L);
            assertThat(l.evidence()).containsExactly(
                    "4 identities of different families share 4 values; 4 of 6 pairs are tied (density 0.67)",
                    "e-mail ring@example.org", "identifier SSN 287654321", "phone 3124445001", "phone 3124445002");
            assertThat(l.key()).isEqualTo("identity-ring:Ering@example.org");
            assertThat(l.score()).isCloseTo(4 * (4 / 6.0) * 4, within(1e-9));
        });
    }

    @Test
    void the_same_ties_through_generic_values_make_no_ring() {
        RelateSettings generic = RelateSettings.defaults().withGenericAbove(RelationType.SHARED_PHONE, 1)
                .withGenericAbove(RelationType.SHARED_EMAIL, 1).withGenericAbove(RelationType.SHARED_IDENTIFIER, 1);
        assertThat(find(ring(generic))).isEmpty();
        // with only the phones generic, the SSN pair and the e-mail pair are two groups of two: too small
        assertThat(find(ring(RelateSettings.defaults().withGenericAbove(RelationType.SHARED_PHONE, 1)))).isEmpty();
    }

    @Test
    void a_household_sharing_everything_is_no_ring() {
        RelationGraph g = new RelationGraph(RelateSettings.defaults());
        for (int i = 0; i < 5; i++) {
            person("S", "h" + i).name(GIVEN[i], "Okafor").address("40 Mill Road", "Chicago", "60614")
                    .phone("312 444 5101").email("okafor.family@example.org").in(g, i + 1);
        }
        assertThat(find(g)).isEmpty();
        // a spouse of another surname, disclosed as family by the household, is no ring member either
        person("S", "spouse").name("Ines", "Costa").phone("312 444 5101").email("okafor.family@example.org")
                .discloses("SPOUSE", new io.relata.core.model.RecordKey("S", "h0"), "wife").in(g, 6);
        assertThat(find(g)).isEmpty();
    }

    @Test
    void people_tied_only_by_addresses_are_no_ring() {
        RelationGraph g = new RelationGraph(RelateSettings.defaults());
        for (int i = 0; i < 4; i++) {
            person("S", "f" + i).name(GIVEN[i], SURNAMES[i]).address("40 Mill Road", "Chicago", "60614")
                    .address("7 Canal Street", "Chicago", "60616").in(g, i + 1);
        }
        assertThat(find(g)).isEmpty();
        // one shared phone among them makes them a ring where no identifier is required, not by default
        person("S", "f0").name(GIVEN[0], SURNAMES[0]).address("40 Mill Road", "Chicago", "60614")
                .address("7 Canal Street", "Chicago", "60616").phone("312 444 5201").in(g, 1);
        person("S", "f1").name(GIVEN[1], SURNAMES[1]).address("40 Mill Road", "Chicago", "60614")
                .address("7 Canal Street", "Chicago", "60616").phone("312 444 5201").in(g, 2);
        assertThat(find(g)).isEmpty();
        assertThat(new IdentityRingPattern(3, 30, 2, 0.3, 0).find(g, List.of())).singleElement()
                .satisfies(l -> assertThat(l.members()).containsExactly(1L, 2L, 3L, 4L));
    }

    @Test
    void a_sparse_chain_or_a_pair_is_no_ring() {
        RelationGraph chain = new RelationGraph(RelateSettings.defaults());
        // eight identities, each sharing a phone with the next: 7 of 28 pairs tied (0.25)
        for (int i = 0; i < 8; i++) {
            var b = person("S", "c" + i).name(GIVEN[i], SURNAMES[i]);
            if (i > 0) b.phone("312 444 53" + (10 + i - 1));
            if (i < 7) b.phone("312 444 53" + (10 + i));
            b.in(chain, i + 1);
        }
        assertThat(find(chain)).isEmpty();
        assertThat(new IdentityRingPattern(3, 30, 2, 0.25, 0).find(chain, List.of())).singleElement()
                .satisfies(l -> assertThat(l.members()).hasSize(8));
        assertThat(new IdentityRingPattern(3, 7, 2, 0.25, 0).find(chain, List.of())).as("above max members").isEmpty();

        RelationGraph pair = new RelationGraph(RelateSettings.defaults());
        person("S", "a").name("Ana", "Perez").id("SSN", "287-65-4321").phone("312 444 5401").email("p@example.org").in(pair, 1);
        person("S", "b").name("Kofi", "Mensah").id("SSN", "287-65-4321").phone("312 444 5401").email("p@example.org").in(pair, 2);
        assertThat(find(pair)).isEmpty();
    }
}
