package io.relata.core.relate.pattern;

import static io.relata.core.relate.RelateRecords.org;
import static io.relata.core.relate.RelateRecords.person;
import static org.assertj.core.api.Assertions.assertThat;

import io.relata.core.relate.RelateRecords;
import io.relata.core.relate.RelateSettings;
import io.relata.core.relate.RelationGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityConflictPatternTest {
    private static List<Lead> find(RelationGraph g) {
        return IdentityConflictPattern.defaults().find(g, List.of());
    }

    /** One person as two sources have it: entity 1 with records S:a and T:b. */
    private static RelationGraph identity(RelateRecords.Builder a, RelateRecords.Builder b) {
        RelationGraph g = new RelationGraph(RelateSettings.defaults());
        a.in(g, 1);
        b.in(g, 1);
        return g;
    }

    private static RelateRecords.Builder a() {
        return person("S", "a").name("Ana", "Perez");
    }

    private static RelateRecords.Builder b() {
        return person("T", "b").name("Ana", "Perez");
    }

    @Test
    void birth_dates_years_apart_are_a_conflict() {
        RelationGraph g = identity(a().dob("1980-05-12"), b().dob("1975-05-12"));
        assertThat(find(g)).singleElement().satisfies(l -> {
            assertThat(l.pattern()).isEqualTo(IdentityConflictPattern.NAME);
            assertThat(l.key()).isEqualTo("identity-conflict:S:a");
            assertThat(l.members()).containsExactly(1L);
            assertThat(l.evidence()).containsExactly("birth year: 1975 (T:b) vs 1980 (S:a)");
            assertThat(l.score()).isEqualTo(1.0);
        });
    }

    @Test
    void nationalities_with_nothing_in_common_are_a_conflict() {
        RelationGraph g = identity(a().nationality("Nigeria"), b().nationality("GH"));
        assertThat(find(g)).singleElement()
                .satisfies(l -> assertThat(l.evidence()).containsExactly("nationality: GH (T:b) vs NG (S:a)"));
    }

    @Test
    void two_values_of_one_lifetime_identifier_are_a_conflict_and_conflicts_add_up() {
        RelationGraph g = identity(a().id("A_NUMBER", "A123456789").dob("1980-05-12"),
                b().id("A_NUMBER", "A987654321").dob("1970-01-01"));
        assertThat(find(g)).singleElement().satisfies(l -> {
            assertThat(l.evidence()).containsExactlyInAnyOrder("birth year: 1970 (T:b) vs 1980 (S:a)",
                    "A_NUMBER: A123456789 (S:a) vs A987654321 (T:b)");
            assertThat(l.score()).isEqualTo(2.0);
        });
        RelationGraph ssn = identity(a().id("SSN", "287-65-4321"), b().id("SSN", "412-55-1234"));
        assertThat(find(ssn)).singleElement()
                .satisfies(l -> assertThat(l.evidence()).containsExactly("SSN: 287654321 (S:a) vs 412551234 (T:b)"));
        // a passport is renewed under a new number: two of one country are no conflict
        assertThat(find(identity(a().id("PASSPORT", "X1234567", "NG"), b().id("PASSPORT", "Y7654321", "Nigeria")))).isEmpty();
    }

    @Test
    void what_a_typist_gets_wrong_is_no_conflict() {
        // one digit wrong in the passport number
        assertThat(find(identity(a().id("PASSPORT", "X1234567"), b().id("PASSPORT", "X1234568")))).isEmpty();
        // day and month swapped
        assertThat(find(identity(a().dob("1980-05-12"), b().dob("1980-12-05")))).isEmpty();
        // a year out
        assertThat(find(identity(a().dob("1980-05-12"), b().dob("1981-05-12")))).isEmpty();
    }

    @Test
    void what_can_be_true_of_one_person_is_no_conflict() {
        // dual nationality in one source, one of them in the other
        assertThat(find(identity(a().nationality("NG").nationality("GB"), b().nationality("United Kingdom")))).isEmpty();
        // passports of two countries
        assertThat(find(identity(a().id("PASSPORT", "X1234567", "NG"), b().id("PASSPORT", "Y7654321", "GB")))).isEmpty();
        // a record that does not say
        assertThat(find(identity(a().dob("1980-05-12").nationality("NG"), b()))).isEmpty();
        // the same everything
        assertThat(find(identity(a().dob("1980-05-12").id("PASSPORT", "X1234567"),
                b().dob("12 May 1980").id("PASSPORT", "X 123 4567")))).isEmpty();
    }

    @Test
    void only_people_with_two_or_more_records_are_looked_at() {
        RelationGraph g = new RelationGraph(RelateSettings.defaults());
        person("S", "a").name("Ana", "Perez").dob("1980-05-12").in(g, 1);
        person("T", "b").name("Ana", "Perez").dob("1950-05-12").in(g, 2); // another entity: no conflict
        org("O", "x", "Acme Logistics LLC").id("TAX_ID", "12-3456789").in(g, 3);
        org("O", "y", "Acme Logistics").id("TAX_ID", "98-7654321").in(g, 3); // organizations are not looked at
        assertThat(find(g)).isEmpty();
    }
}
