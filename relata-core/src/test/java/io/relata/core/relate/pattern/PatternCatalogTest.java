package io.relata.core.relate.pattern;

import static io.relata.core.relate.RelateRecords.org;
import static io.relata.core.relate.RelateRecords.person;
import static io.relata.core.relate.pattern.SharedAddressPatternTest.GIVEN;
import static io.relata.core.relate.pattern.SharedAddressPatternTest.SURNAMES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relata.core.model.RecordKey;
import io.relata.core.relate.RelateSettings;
import io.relata.core.relate.RelationGraph;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatternCatalogTest {
    private static final List<String> NAMES = List.of("shared-address", "shared-contact", "identity-conflict",
            "identity-ring", "co-travel", "org-concentration");

    /** One planted case of every pattern, apart from each other, and an ordinary family. */
    private static RelationGraph world() {
        RelationGraph g = new RelationGraph(RelateSettings.defaults());
        for (int i = 0; i < 6; i++) { // shared-address: 1-6
            person("S", "m" + i).name(GIVEN[i], SURNAMES[i]).address("40 Mill Road", "Chicago", "60614").in(g, 1 + i);
        }
        person("S", "p10").name("Rui", "Silva").id("PASSPORT", "X7654321").in(g, 10); // shared-contact: 10, 11
        person("S", "p11").name("Luca", "Rossi").id("PASSPORT", "X7654321").in(g, 11);
        person("S", "c20").name("Yuki", "Tanaka").dob("1980-05-12").in(g, 20); // identity-conflict: 20
        person("T", "c20").name("Yuki", "Tanaka").dob("1970-05-12").in(g, 20);
        RecordKey acme = new RecordKey("O", "acme"); // identity-ring 30-33, all working for Acme
        org("O", "acme", "Acme Staffing LLC").in(g, 50);
        person("S", "r30").name("Minh", "Nguyen").id("SSN", "287-65-4321").phone("312 444 7002").discloses("EMPLOYER", acme, null).in(g, 30);
        person("S", "r31").name("Ines", "Costa").id("SSN", "287654321").phone("312 444 7001").discloses("EMPLOYER", acme, null).in(g, 31);
        person("S", "r32").name("Otto", "Weber").phone("312 444 7001").email("ring@example.org").discloses("EMPLOYER", acme, null).in(g, 32);
        person("S", "r33").name("Greta", "Fischer").email("ring@example.org").phone("312 444 7002").in(g, 33);
        person("S", "r34").name("Eve", "Stone").discloses("EMPLOYER", acme, null).in(g, 34);
        for (int i = 0; i < 3; i++) { // co-travel: 40-42
            person("S", "t" + i).name(GIVEN[10 + i], SURNAMES[10 + i] + "ova").trip("BA117", "2023-01-05").trip("LH400", "2023-03-01").in(g, 40 + i);
        }
        for (int i = 0; i < 4; i++) { // a family sharing everything: no lead
            person("S", "f" + i).name(GIVEN[i], "Okafor").address("9 Oak Avenue", "Chicago", "60601").phone("312 444 7101")
                    .email("okafor@example.org").trip("AF22", "2023-04-09").trip("AF23", "2023-04-19").in(g, 60 + i);
        }
        return g;
    }

    @Test
    void the_default_catalog_names_its_patterns_in_running_order() {
        PatternCatalog c = PatternCatalog.defaults();
        assertThat(c.patterns()).extracting(LeadPattern::name).containsExactlyElementsOf(NAMES);
        assertThat(c.patterns()).allSatisfy(p -> assertThat(p.description()).isNotBlank());
        assertThat(c.pattern("identity-ring")).containsInstanceOf(IdentityRingPattern.class);
        assertThat(c.pattern("no-such")).isEmpty();
    }

    @Test
    void a_full_scan_finds_each_planted_case_highest_score_first() {
        List<Lead> leads = PatternCatalog.defaults().scan(world(), null);
        assertThat(leads).extracting(Lead::pattern).containsOnlyElementsOf(NAMES).containsAll(NAMES);
        assertThat(leads).isSortedAccordingTo(Comparator.comparingDouble(Lead::score).reversed().thenComparing(Lead::key));
        assertThat(leads).filteredOn(l -> l.pattern().equals("shared-address")).singleElement()
                .satisfies(l -> assertThat(l.members()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L));
        assertThat(leads).filteredOn(l -> l.pattern().equals("identity-conflict")).singleElement()
                .satisfies(l -> assertThat(l.members()).containsExactly(20L));
        assertThat(leads).filteredOn(l -> l.pattern().equals("identity-ring")).singleElement()
                .satisfies(l -> assertThat(l.members()).containsExactly(30L, 31L, 32L, 33L));
        assertThat(leads).filteredOn(l -> l.pattern().equals("co-travel")).singleElement()
                .satisfies(l -> assertThat(l.members()).containsExactly(40L, 41L, 42L));
        assertThat(leads).filteredOn(l -> l.pattern().equals("org-concentration")).singleElement()
                .satisfies(l -> assertThat(l.members()).containsExactly(30L, 31L, 32L, 50L));
        assertThat(leads).filteredOn(l -> l.pattern().equals("shared-contact")).extracting(Lead::members)
                .containsExactlyInAnyOrder(List.of(10L, 11L), List.of(30L, 31L));
        assertThat(leads).allSatisfy(l -> assertThat(l.members()).doesNotContain(60L, 61L, 62L, 63L));
    }

    @Test
    void a_scan_for_one_pattern_returns_only_its_leads_and_runs_what_it_reads() {
        PatternCatalog c = PatternCatalog.defaults();
        RelationGraph g = world();
        assertThat(c.scan(g, "co-travel")).extracting(Lead::pattern).containsExactly("co-travel");
        assertThat(c.scan(g, "identity-conflict")).extracting(Lead::pattern).containsExactly("identity-conflict");
        assertThat(c.scan(g, "org-concentration")).singleElement()
                .satisfies(l -> assertThat(l.pattern()).isEqualTo("org-concentration"));
    }

    @Test
    void an_unknown_pattern_is_refused_with_the_names_it_knows() {
        assertThatThrownBy(() -> PatternCatalog.defaults().scan(world(), "money-laundering"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown pattern 'money-laundering'")
                .hasMessageContaining("shared-address").hasMessageContaining("org-concentration");
    }

    @Test
    void an_ordinary_population_gives_no_leads() {
        RelationGraph g = new RelationGraph(RelateSettings.defaults());
        for (int i = 0; i < 4; i++) {
            person("S", "f" + i).name(GIVEN[i], "Okafor").address("9 Oak Avenue", "Chicago", "60601").phone("312 444 7101")
                    .email("okafor@example.org").id("SSN", "287-65-4321").trip("AF22", "2023-04-09").trip("AF23", "2023-04-19")
                    .in(g, 1 + i);
        }
        for (int i = 4; i < 12; i++) {
            person("S", "n" + i).name(GIVEN[i], SURNAMES[i]).address((10 + i) + " Lake Street", "Chicago", "60601")
                    .phone("312 444 72" + (10 + i)).trip("AF22", "2023-04-09").in(g, 1 + i);
        }
        assertThat(PatternCatalog.defaults().scan(g, null)).isEmpty();
    }
}
