package io.relata.core.relate.pattern;

import static io.relata.core.relate.RelateRecords.org;
import static io.relata.core.relate.RelateRecords.person;
import static org.assertj.core.api.Assertions.assertThat;

import io.relata.core.model.RecordKey;
import io.relata.core.relate.RelateSettings;
import io.relata.core.relate.RelationGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoTravelPatternTest {
    private static List<Lead> find(RelationGraph g) {
        return CoTravelPattern.defaults().find(g, List.of());
    }

    private static RelationGraph graph() {
        return new RelationGraph(RelateSettings.defaults());
    }

    @Test
    void people_of_different_families_on_the_same_two_trips_are_a_group() {
        RelationGraph g = graph();
        person("S", "a").name("Ana", "Perez").trip("BA 117", "2023-01-05").trip("LH400", "2023-03-01").in(g, 1);
        person("S", "b").name("Kofi", "Mensah").trip("ba117", "2023-01-05").trip("LH 400", "2023-03-01").in(g, 2);
        person("T", "c").name("Lea", "Moreau").trip("BA117", "2023-01-05").trip("LH400", "2023-03-01")
                .trip("AF22", "2023-04-09").in(g, 3);
        person("T", "d").name("Nils", "Jensen").trip("BA117", "2023-01-05").trip("AF22", "2023-04-10").in(g, 4);

        assertThat(find(g)).singleElement().satisfies(l -> {
            assertThat(l.pattern()).isEqualTo(CoTravelPattern.NAME);
            assertThat(l.members()).containsExactly(1L, 2L, 3L);
            assertThat(l.key()).isEqualTo("co-travel:TBA117|2023-01-05");
            assertThat(l.evidence()).containsExactly("3 people of different families travelled together; 3 pairs shared 2+ trips",
                    "trip BA117 on 2023-01-05", "trip LH400 on 2023-03-01");
            assertThat(l.score()).isEqualTo(6.0);
        });
        assertThat(new CoTravelPattern(3).find(g, List.of())).isEmpty();
    }

    @Test
    void one_shared_flight_is_chance() {
        RelationGraph g = graph();
        person("S", "a").name("Ana", "Perez").trip("BA117", "2023-01-05").trip("LH400", "2023-03-01").in(g, 1);
        person("S", "b").name("Kofi", "Mensah").trip("BA117", "2023-01-05").trip("LH400", "2023-03-02").in(g, 2);
        person("S", "c").name("Lea", "Moreau").trip("BA117", "2023-01-06").trip("LH400", "2023-03-01").in(g, 3);
        assertThat(find(g)).isEmpty();
    }

    @Test
    void a_family_travelling_together_is_no_lead() {
        RelationGraph g = graph();
        for (String given : new String[] {"Omar", "Sami", "Lina"}) {
            person("S", given).name(given, "Haddad").trip("BA117", "2023-01-05").trip("LH400", "2023-03-01").in(g, g.entityCount() + 1);
        }
        assertThat(find(g)).isEmpty();
        // the mother keeps her own surname and names the father as her spouse: one family with the children too
        person("S", "wife").name("Ines", "Costa").trip("BA117", "2023-01-05").trip("LH400", "2023-03-01")
                .discloses("SPOUSE", new RecordKey("S", "Omar"), "husband").in(g, 4);
        assertThat(find(g)).isEmpty();
        // someone of no family on both flights is
        person("S", "x").name("Ana", "Perez").trip("BA117", "2023-01-05").trip("LH400", "2023-03-01").in(g, 5);
        assertThat(find(g)).singleElement().satisfies(l -> assertThat(l.members()).contains(5L));
    }

    @Test
    void organizations_do_not_travel() {
        RelationGraph g = graph();
        person("S", "a").name("Ana", "Perez").trip("BA117", "2023-01-05").trip("LH400", "2023-03-01").in(g, 1);
        org("O", "x", "Acme Travel LLC").trip("BA117", "2023-01-05").trip("LH400", "2023-03-01").in(g, 2);
        assertThat(find(g)).isEmpty();
    }
}
