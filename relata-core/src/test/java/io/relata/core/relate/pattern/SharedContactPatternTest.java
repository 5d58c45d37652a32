package io.relata.core.relate.pattern;

import static io.relata.core.relate.RelateRecords.person;
import static io.relata.core.relate.pattern.SharedAddressPatternTest.GIVEN;
import static io.relata.core.relate.pattern.SharedAddressPatternTest.SURNAMES;
import static org.assertj.core.api.Assertions.assertThat;

import io.relata.core.relate.RelateSettings;
import io.relata.core.relate.RelationGraph;
import io.relata.core.relate.RelationType;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedContactPatternTest {
    private static List<Lead> find(RelationGraph g) {
        return SharedContactPattern.defaults().find(g, List.of());
    }

    private static RelationGraph graph() {
        return new RelationGraph(RelateSettings.defaults());
    }

    @Test
    void one_passport_held_by_two_unrelated_identities_is_a_lead() {
        RelationGraph g = graph();
        person("S", "a").name("Ana", "Perez").id("PASSPORT", "X7654321").in(g, 1);
        person("T", "b").name("Kofi", "Mensah").id("passport", "x765-4321").in(g, 2);
        person("T", "c").name("Lea", "Moreau").id("PASSPORT", "Y1111111").in(g, 3);
        assertThat(find(g)).singleElement().satisfies(l -> {
            assertThat(l.pattern()).isEqualTo(SharedContactPattern.NAME);
            assertThat(l.key()).isEqualTo("shared-contact:IPASSPORT||X7654321");
            assertThat(l.members()).containsExactly(1L, 2L);
            assertThat(l.score()).isEqualTo(6.0);
            assertThat(l.evidence()).containsExactly("2 identities of 2 families use the identifier PASSPORT X7654321");
        });
    }

    @Test
    void a_phone_or_email_counts_from_three_identities_of_different_families() {
        RelationGraph g = graph();
        for (int i = 0; i < 3; i++) {
            person("S", "p" + i).name(GIVEN[i], SURNAMES[i]).phone("312 444 4001").email("drop@example.org").in(g, i + 1);
        }
        person("S", "x").name("Otto", "Weber").phone("312 444 4002").in(g, 4);
        person("S", "y").name("Greta", "Fischer").phone("312 444 4002").in(g, 5);

        List<Lead> leads = find(g);
        assertThat(leads).extracting(Lead::key)
                .containsExactlyInAnyOrder("shared-contact:P3124444001", "shared-contact:Edrop@example.org");
        assertThat(leads).allSatisfy(l -> assertThat(l.members()).containsExactly(1L, 2L, 3L));
        assertThat(leads).filteredOn(l -> l.key().contains("P312")).singleElement().satisfies(l -> {
            assertThat(l.score()).isEqualTo(4.5);
            assertThat(l.evidence()).containsExactly("3 identities of 3 families use the phone 3124444001");
        });
        assertThat(leads).filteredOn(l -> l.key().contains("drop")).singleElement()
                .satisfies(l -> assertThat(l.score()).isEqualTo(6.0));
        assertThat(new SharedContactPattern(2, 2).find(g, List.of())).extracting(Lead::key)
                .contains("shared-contact:P3124444002");
    }

    @Test
    void a_household_sharing_its_phone_email_and_even_an_identifier_is_no_lead() {
        RelationGraph g = graph();
        for (int i = 0; i < 5; i++) {
            person("S", "h" + i).name(GIVEN[i], "Okafor").phone("312 444 4101").email("okafor.family@example.org")
                    .id("SSN", "287-65-4321").address("40 Mill Road", "Chicago", "60614").in(g, i + 1);
        }
        assertThat(find(g)).isEmpty();
        // and a family phone used by one outsider too is still fewer than three families
        person("S", "nanny").name("Ines", "Costa").phone("312 444 4101").in(g, 6);
        assertThat(find(g)).isEmpty();
    }

    @Test
    void generic_values_are_left_out() {
        RelationGraph g = graph();
        for (int i = 0; i < 11; i++) person("S", "g" + i).name(GIVEN[i], SURNAMES[i]).phone("312 444 4201").in(g, i + 1);
        assertThat(find(g)).as("a phone held by 11 (generic above 10)").isEmpty();

        RelationGraph h = new RelationGraph(RelateSettings.defaults().withGenericAbove(RelationType.SHARED_IDENTIFIER, 1));
        person("S", "a").name("Ana", "Perez").id("PASSPORT", "X7654321").in(h, 1);
        person("T", "b").name("Kofi", "Mensah").id("PASSPORT", "X7654321").in(h, 2);
        assertThat(find(h)).isEmpty();
    }
}
