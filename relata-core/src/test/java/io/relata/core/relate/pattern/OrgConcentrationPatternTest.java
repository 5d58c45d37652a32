package io.relata.core.relate.pattern;

import static io.relata.core.relate.RelateRecords.org;
import static io.relata.core.relate.RelateRecords.person;
import static io.relata.core.relate.pattern.SharedAddressPatternTest.GIVEN;
import static io.relata.core.relate.pattern.SharedAddressPatternTest.SURNAMES;
import static org.assertj.core.api.Assertions.assertThat;

import io.relata.core.model.RecordKey;
import io.relata.core.relate.RelateSettings;
import io.relata.core.relate.RelationGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrgConcentrationPatternTest {
    private static final RecordKey ACME = new RecordKey("O", "acme"), ACME2 = new RecordKey("P", "acme2");

    /**
     * Acme (entity 50, two records) employs 1, 2 and 3, who share a phone (a shared-contact lead), and 4, who
     * is in no lead.
     */
    private static RelationGraph staffing() {
        RelationGraph g = new RelationGraph(RelateSettings.defaults());
        org("O", "acme", "Acme Staffing LLC").in(g, 50);
        org("P", "acme2", "ACME Staffing").in(g, 50);
        for (int i = 0; i < 4; i++) {
            var b = person("S", "e" + i).name(GIVEN[i], SURNAMES[i]).discloses("EMPLOYER", i == 2 ? ACME2 : ACME, null);
            if (i < 3) b.phone("312 444 6001");
            b.in(g, i + 1);
        }
        return g;
    }

    private static List<Lead> earlier(RelationGraph g) {
        List<Lead> leads = SharedContactPattern.defaults().find(g, List.of());
        assertThat(leads).singleElement().satisfies(l -> assertThat(l.members()).containsExactly(1L, 2L, 3L));
        return leads;
    }

    @Test
    void an_org_linked_to_many_people_in_other_leads_is_a_lead() {
        RelationGraph g = staffing();
        assertThat(OrgConcentrationPattern.defaults().find(g, earlier(g))).singleElement().satisfies(l -> {
            assertThat(l.pattern()).isEqualTo(OrgConcentrationPattern.NAME);
            assertThat(l.key()).isEqualTo("org-concentration:O:acme");
            assertThat(l.members()).containsExactly(1L, 2L, 3L, 50L);
            assertThat(l.evidence()).containsExactly("acme staffing is linked to 4 people, 3 of them (75%) in other leads");
            assertThat(l.score()).isEqualTo(3 * 0.75);
        });
        assertThat(OrgConcentrationPattern.defaults().find(g, List.of())).as("no other leads").isEmpty();
    }

    @Test
    void a_big_org_with_a_few_flagged_people_or_too_few_flagged_is_no_lead() {
        RelationGraph g = staffing();
        List<Lead> leads = earlier(g);
        for (int i = 4; i < 16; i++) person("S", "e" + i).name(GIVEN[i], SURNAMES[i]).discloses("EMPLOYER", ACME, null).in(g, i + 1);
        // 3 of 16 is under 20%
        assertThat(OrgConcentrationPattern.defaults().find(g, leads)).isEmpty();
        assertThat(new OrgConcentrationPattern(3, 0.15).find(g, leads)).hasSize(1);
        assertThat(new OrgConcentrationPattern(4, 0.1).find(g, leads)).isEmpty();
    }

    @Test
    void its_own_earlier_leads_do_not_count() {
        RelationGraph g = staffing();
        List<Lead> own = List.of(new Lead(OrgConcentrationPattern.NAME, "org-concentration:O:acme", 1, List.of("x"),
                List.of(1L, 2L, 3L, 50L)));
        assertThat(OrgConcentrationPattern.defaults().find(g, own)).isEmpty();
    }
}
