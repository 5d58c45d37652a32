package io.relata.core.relate.pattern;

import io.relata.core.relate.RelateSettings;
import io.relata.core.relate.RelationGraph;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import it.unimi.dsi.fastutil.longs.LongSet;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.relata.core.relate.RelateRecords.org;
import static io.relata.core.relate.RelateRecords.person;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A re-scan of some entities finds exactly the leads of a full scan that involve them: the property that lets
 * leads follow a change without scanning everything.
 */
class ScopedScanTest {
    private static final String[] GIVEN = {"Ana", "Kofi", "Lea", "Nils", "Omar", "Priya", "Jun", "Sven", "Zola", "Ivo"};
    private static final String[] SURNAME = {"Perez", "Mensah", "Moreau", "Jensen", "Haddad", "Rao", "Chen", "Berg",
            "Dube", "Horvat"};

    /** A ring of four (1-4) tied to an org (20), a co-travelling pair (5, 6), six strangers at one flat (7-12). */
    private static RelationGraph planted() {
        RelationGraph g = new RelationGraph(RelateSettings.defaults());
        var orgKey = org("S", "org", "Harbor Staffing LLC").in(g, 20);
        person("S", "r1").name(GIVEN[0], SURNAME[0]).id("SSN", "287-65-4321").phone("312 444 5002")
                .discloses("EMPLOYER", orgKey, null).in(g, 1);
        person("S", "r2").name(GIVEN[1], SURNAME[1]).id("SSN", "287654321").phone("312 444 5001")
                .discloses("EMPLOYER", orgKey, null).in(g, 2);
        person("S", "r3").name(GIVEN[2], SURNAME[2]).phone("(312) 444-5001").email("ring@example.org")
                .discloses("EMPLOYER", orgKey, null).in(g, 3);
        person("S", "r4").name(GIVEN[3], SURNAME[3]).email("ring@example.org").phone("312 444 5002").in(g, 4);
        person("S", "t1").name(GIVEN[4], SURNAME[4]).trip("BA117", "2024-03-01").trip("BA118", "2024-03-09").in(g, 5);
        person("S", "t2").name(GIVEN[5], SURNAME[5]).trip("BA117", "2024-03-01").trip("BA118", "2024-03-09").in(g, 6);
        for (int i = 0; i < 6; i++) {
            person("S", "f" + i).name(GIVEN[(i + 4) % 10], SURNAME[(i + 4) % 10]).address("40 Mill Road", "Chicago", "60614")
                    .in(g, 7 + i);
        }
        return g;
    }

    @Test
    void a_scan_of_any_entities_finds_exactly_the_full_scan_leads_that_involve_them() {
        RelationGraph g = planted();
        PatternCatalog catalog = PatternCatalog.defaults();
        List<Lead> full = catalog.scan(g, null);
        assertThat(full).extracting(Lead::pattern).contains(IdentityRingPattern.NAME, CoTravelPattern.NAME,
                SharedAddressPattern.NAME, SharedContactPattern.NAME, OrgConcentrationPattern.NAME);
        for (long e : new long[] {1, 2, 3, 4, 5, 6, 7, 12, 20}) {
            LongSet scope = new LongOpenHashSet(new long[] {e});
            Set<String> expected = new HashSet<>();
            for (Lead l : full) if (l.members().contains(e)) expected.add(l.key());
            Set<String> scoped = new HashSet<>();
            List<Lead> others = full.stream().filter(l -> !l.members().contains(e)).toList();
            for (Lead l : catalog.scan(g, null, scope, others)) {
                scoped.add(l.key());
                assertThat(full).as("every scoped lead is a lead of the full scan").contains(l);
            }
            assertThat(scoped).as("scope %d", e).containsAll(expected);
        }
    }
}
