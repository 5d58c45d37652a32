package io.relata.core.relate;

import static io.relata.core.relate.RelateRecords.key;
import static io.relata.core.relate.RelateRecords.org;
import static io.relata.core.relate.RelateRecords.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.relata.core.model.RecordKey;
import io.relata.core.resolve.live.Assignment;
import io.relata.core.resolve.live.ChangeSet;
import io.relata.core.resolve.live.ReviewPair;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RelationGraphTest {
    private static final double EPS = 1e-9;

    private static RelationGraph graph() {
        return new RelationGraph(RelateSettings.defaults());
    }

    /** The relation from {@code from} to {@code to}, if the graph sees one. */
    static Optional<Relation> relation(RelationGraph g, long from, long to) {
        return g.relations(from).stream().filter(r -> r.to() == to).findFirst();
    }

    static Relation only(RelationGraph g, long from, long to) {
        Optional<Relation> r = relation(g, from, to);
        assertThat(r).as("relation %d -> %d", from, to).isPresent();
        return r.get();
    }

    static List<Evidence> evidence(Relation r, RelationType type) {
        return r.evidence().stream().filter(e -> e.type() == type).toList();
    }

    // ---- shared values ------------------------------------------------------------------------------------

    @Test
    void each_shared_value_is_evidence_naming_both_records_the_value_and_how_many_share_it() {
        RelationGraph g = graph();
        RecordKey a = person("S", "a").name("Ana", "Perez").address("14 Elm Street", "Chicago", "60614")
                .phone("312 444 0101").email("Ana.Perez@Example.com").id("passport", "x123-4567", "NG").in(g, 1);
        RecordKey b = person("T", "b").name("Ben", "Okafor").address("14 Elm St", "Chicago", "60614")
                .phone("(312) 444-0101").email("ana.perez@example.com").id("PASSPORT", "X1234567", "Nigeria").in(g, 2);
        person("P", "c").name("Cy", "Dunn").address("99 Oak Avenue", "Chicago", "60601").phone("312 444 0999").in(g, 3);

        Relation r = only(g, 1, 2);
        assertThat(r.from()).isEqualTo(1);
        assertThat(r.to()).isEqualTo(2);
        assertThat(r.evidence()).extracting(Evidence::type).containsExactly(RelationType.SHARED_IDENTIFIER,
                RelationType.SHARED_EMAIL, RelationType.SHARED_PHONE, RelationType.SHARED_ADDRESS);
        assertThat(r.evidence()).allSatisfy(e -> {
            assertThat(e.from()).isEqualTo(a);
            assertThat(e.to()).isEqualTo(b);
            assertThat(e.sharedBy()).isEqualTo(2);
        });
        assertThat(r.evidence()).extracting(Evidence::detail).containsExactly("PASSPORT X1234567 (NG)",
                "ana.perez@example.com", "3124440101", "14 elm street chicago 60614 us");
        assertThat(r.evidence()).extracting(Evidence::strength).containsExactly(0.9, 0.7, 0.6, 0.5);
        // independent signals: 1 - (0.1 * 0.3 * 0.4 * 0.5)
        assertThat(r.strength()).isCloseTo(0.994, within(EPS));
        assertThat(r.has(RelationType.SHARED_PHONE)).isTrue();
        assertThat(r.has(RelationType.DISCLOSED)).isFalse();

        // the other end sees the same relation, records swapped
        Relation back = only(g, 2, 1);
        assertThat(back.strength()).isCloseTo(r.strength(), within(EPS));
        assertThat(back.evidence()).allSatisfy(e -> {
            assertThat(e.from()).isEqualTo(b);
            assertThat(e.to()).isEqualTo(a);
        });
        assertThat(g.relations(3)).isEmpty();
    }

    @Test
    void a_forgotten_record_leaves_its_values_and_its_possible_matches() {
        RelationGraph g = graph();
        RecordKey a = person("S", "a").name("Ana", "Perez").phone("312 444 0101").in(g, 1);
        person("T", "b").name("Ana", "Peres").phone("312 444 0101").in(g, 2);
        RecordKey c = person("P", "c").name("Cy", "Dunn").in(g, 3);
        g.possiblySame(a, c, 0.4);
        assertThat(g.relations(3)).extracting(Relation::to).containsExactly(1L);

        g.forget(a);
        assertThat(g.entityOf(a)).isZero();
        assertThat(g.relations(2)).isEmpty();
        assertThat(g.relations(3)).isEmpty();
        // back again, it is a new record: the old possible match does not return with it
        person("S", "a").name("Ana", "Perez").phone("312 444 0101").in(g, 1);
        assertThat(g.relations(3)).isEmpty();
        assertThat(g.relations(2)).extracting(Relation::to).containsExactly(1L);
    }

    @Test
    void relations_are_sorted_strongest_first_and_never_point_at_the_entity_itself() {
        RelationGraph g = graph();
        person("S", "a1").name("Ana", "Perez").phone("312 444 0101").address("14 Elm Street", "Chicago", "60614").in(g, 1);
        person("S", "a2").name("Ana", "Perez").phone("312 444 0101").in(g, 1); // a second record, same phone
        person("T", "b").name("Ben", "Okafor").phone("312 444 0101").in(g, 2);
        person("T", "c").name("Cy", "Dunn").address("14 Elm Street", "Chicago", "60614").in(g, 3);

        List<Relation> rs = g.relations(1);
        assertThat(rs).extracting(Relation::to).containsExactly(2L, 3L);
        assertThat(rs).extracting(Relation::strength).containsExactly(0.6, 0.5);
        // the phone seen through two records of entity 1 counts once, shared by two entities
        assertThat(rs.get(0).evidence()).singleElement().satisfies(e -> assertThat(e.sharedBy()).isEqualTo(2));
    }

    @Test
    void a_value_listed_twice_on_one_record_is_shared_once() {
        RecordLinks l = person("S", "a").name("Ana", "Perez").phone("312 444 0101").phone("+1 312 444 0101")
                .trip("BA 117", "2023-01-05").trip("ba117", "2023-01-05").links();
        assertThat(l.values()).containsExactly("P3124440101", "TBA117|2023-01-05");
        assertThat(l.displays()).containsExactly("3124440101", "BA117 on 2023-01-05");
    }

    @Test
    void a_value_shared_by_five_entities_relates_them_more_weakly_than_one_shared_by_two() {
        RelationGraph g = graph();
        person("S", "a").name("Ana", "Perez").phone("312 444 0102").email("pair@example.org").in(g, 1);
        person("S", "b").name("Ben", "Okafor").email("pair@example.org").in(g, 2);
        for (int i = 3; i <= 6; i++) person("S", "p" + i).name("Cy" + (char) ('a' + i), "Dunn" + (char) ('a' + i)).phone("312 444 0102").in(g, i);

        Relation two = only(g, 1, 2);
        Relation five = only(g, 1, 3);
        assertThat(two.evidence()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(RelationType.SHARED_EMAIL);
            assertThat(e.sharedBy()).isEqualTo(2);
            assertThat(e.strength()).isEqualTo(0.7);
        });
        assertThat(five.evidence()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(RelationType.SHARED_PHONE);
            assertThat(e.sharedBy()).isEqualTo(5);
            // 0.6 * 1 / (1 + log2(4))
            assertThat(e.strength()).isCloseTo(0.2, within(EPS));
        });

        // the same kind of value, shared by 2 and by 5
        RelationGraph h = graph();
        person("S", "x").name("Xia", "Lin").phone("312 444 0201").phone("312 444 0202").in(h, 1);
        person("S", "y").name("Yuri", "Ivanov").phone("312 444 0201").in(h, 2);
        for (int i = 3; i <= 6; i++) person("S", "q" + i).name("Zed" + (char) ('a' + i), "Quin" + (char) ('a' + i)).phone("312 444 0202").in(h, i);
        assertThat(only(h, 1, 2).strength()).isEqualTo(0.6);
        assertThat(only(h, 1, 3).strength()).isLessThan(only(h, 1, 2).strength()).isCloseTo(0.2, within(EPS));
        assertThat(RelateSettings.specificity(2)).isEqualTo(1.0);
        assertThat(RelateSettings.specificity(3)).isEqualTo(0.5);
    }

    @Test
    void a_value_held_by_more_entities_than_generic_above_links_nobody_and_is_reported_with_its_true_count() {
        RelationGraph g = new RelationGraph(RelateSettings.defaults().withGenericAbove(RelationType.SHARED_ADDRESS, 3));
        for (int i = 1; i <= 6; i++) {
            person("S", "s" + i).name("Name" + (char) ('a' + i), "Family" + (char) ('a' + i))
                    .address("1 Shelter Way", "Chicago", "60601").in(g, i);
        }
        person("S", "x").name("Xia", "Lin").address("2 Quiet Lane", "Chicago", "60602").phone("312 444 0301").in(g, 7);
        person("S", "y").name("Yuri", "Ivanov").address("2 Quiet Lane", "Chicago", "60602").in(g, 8);

        for (int i = 1; i <= 6; i++) assertThat(g.relations(i)).as("entity %d", i).isEmpty();
        assertThat(g.genericValues(1)).containsExactly(Map.entry("1 shelter way chicago 60601 us", 6));
        assertThat(g.genericValues(7)).isEmpty();
        assertThat(only(g, 7, 8).evidence()).singleElement()
                .satisfies(e -> assertThat(e.type()).isEqualTo(RelationType.SHARED_ADDRESS));

        Network n = new NetworkExplorer(g).network(1, 2, RelationFilter.ALL, 50);
        assertThat(n.hiddenGeneric()).isEqualTo(g.genericValues(1));
        assertThat(n.nodes()).extracting(Network.Node::entity).containsExactly(1L);
        assertThat(n.edges()).isEmpty();

        // at the threshold the value is specific enough again
        g.remove(key("S", "s6"));
        g.remove(key("S", "s5"));
        assertThat(g.genericValues(1)).containsExactly(Map.entry("1 shelter way chicago 60601 us", 4));
        g.remove(key("S", "s4"));
        assertThat(g.genericValues(1)).isEmpty();
        assertThat(g.relations(1)).extracting(Relation::to).containsExactlyInAnyOrder(2L, 3L);
        assertThat(g.relations(1).get(0).evidence()).singleElement().satisfies(e -> assertThat(e.sharedBy()).isEqualTo(3));
    }

    @Test
    void generic_thresholds_come_from_the_settings_per_type() {
        RelateSettings s = RelateSettings.defaults();
        assertThat(s.genericAbove(RelationType.SHARED_PHONE)).isEqualTo(10);
        assertThat(s.withGenericAbove(RelationType.SHARED_PHONE, 2).genericAbove(RelationType.SHARED_PHONE)).isEqualTo(2);
        assertThat(s.genericAbove(RelationType.SHARED_PHONE)).as("settings are immutable").isEqualTo(10);
        assertThatThrownBy(() -> new RelateSettings(Map.of(), Map.of(), Map.of(), 0.5, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minSharedTrips");

        RelationGraph g = new RelationGraph(s.withGenericAbove(RelationType.SHARED_PHONE, 2));
        person("S", "a").name("Ana", "Perez").phone("312 444 0401").email("shared@example.org").in(g, 1);
        person("S", "b").name("Ben", "Okafor").phone("312 444 0401").email("shared@example.org").in(g, 2);
        person("S", "c").name("Cy", "Dunn").phone("312 444 0401").email("shared@example.org").in(g, 3);
        // three share the phone (generic above 2) but the e-mail is still specific (generic above 6)
        assertThat(only(g, 1, 2).evidence()).extracting(Evidence::type).containsExactly(RelationType.SHARED_EMAIL);
        assertThat(g.genericValues(1)).containsExactly(Map.entry("3124440401", 3));
    }

    // ---- disclosed links ----------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"FAMILY, brother, 0.9", "family, , 0.9", "EMPLOYER, driver, 0.6", "SCHOOL, student, 0.5",
            "SPONSOR, visa sponsor, 0.6", "ASSOCIATE, business partner, 0.7", "LANDLORD, , 0.5"})
    void a_disclosed_link_relates_both_ends_with_its_type_and_role(String type, String role, double weight) {
        RelationGraph g = graph();
        RecordKey target = type.equals("EMPLOYER") || type.equals("SCHOOL")
                ? org("O", "t", "Target Holdings Inc").in(g, 2)
                : person("T", "t").name("Tomas", "Berg").in(g, 2);
        RecordKey by = person("S", "d").name("Dana", "Ruiz").discloses(type, target, role).in(g, 1);

        String detail = type.toUpperCase(java.util.Locale.ROOT) + (role == null ? "" : " (" + role + ")");
        Relation out = only(g, 1, 2);
        assertThat(out.strength()).isEqualTo(weight);
        assertThat(out.evidence()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(RelationType.DISCLOSED);
            assertThat(e.detail()).isEqualTo(detail);
            assertThat(e.from()).isEqualTo(by);
            assertThat(e.to()).isEqualTo(target);
            assertThat(e.sharedBy()).isEqualTo(2);
        });
        Relation in = only(g, 2, 1);
        assertThat(in.strength()).isEqualTo(weight);
        assertThat(in.evidence()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(RelationType.DISCLOSED);
            assertThat(e.detail()).isEqualTo(detail + " (disclosed by S:d)");
            assertThat(e.from()).isEqualTo(target);
            assertThat(e.to()).isEqualTo(by);
        });
        assertThat(g.disclosers(2)).containsExactly(Map.entry(1L, type.toUpperCase(java.util.Locale.ROOT)));
    }

    @Test
    void a_disclosed_link_counts_once_its_target_arrives_and_goes_when_either_end_goes() {
        RelationGraph g = graph();
        RecordKey son = key("T", "son");
        RecordKey father = person("S", "father").name("Omar", "Haddad").discloses("FAMILY", son, "son").in(g, 1);
        assertThat(g.relations(1)).isEmpty();
        assertThat(g.disclosers(1)).isEmpty();

        person("T", "son").name("Sami", "Haddad").in(g, 2);
        assertThat(only(g, 1, 2).evidence()).singleElement().satisfies(e -> {
            assertThat(e.detail()).isEqualTo("FAMILY (son)");
            assertThat(e.from()).isEqualTo(father);
            assertThat(e.to()).isEqualTo(son);
        });
        assertThat(only(g, 2, 1).evidence()).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("FAMILY (son) (disclosed by S:father)"));

        // the target withdrawn: nothing left on either side; back again: the link is back
        g.remove(son);
        assertThat(g.relations(1)).isEmpty();
        person("T", "son").name("Sami", "Haddad").in(g, 2);
        assertThat(relation(g, 1, 2)).isPresent();

        // the discloser's new version no longer names the son
        person("S", "father").name("Omar", "Haddad").in(g, 1);
        assertThat(g.relations(1)).isEmpty();
        assertThat(g.relations(2)).isEmpty();
        assertThat(g.disclosers(2)).isEmpty();

        // a disclosure to a record of the discloser's own entity is no relation
        person("S", "father").name("Omar", "Haddad").discloses("FAMILY", son, "son").in(g, 2);
        assertThat(g.relations(2)).isEmpty();
    }

    @Test
    void two_records_disclosing_each_other_give_both_links_as_evidence() {
        RelationGraph g = graph();
        person("S", "h").name("Hana", "Sato").discloses("SPOUSE", key("T", "w"), "husband").in(g, 1);
        person("T", "w").name("Wen", "Sato").discloses("SPOUSE", key("S", "h"), "wife").in(g, 2);
        Relation r = only(g, 1, 2);
        assertThat(r.evidence()).extracting(Evidence::detail)
                .containsExactlyInAnyOrder("SPOUSE (husband)", "SPOUSE (wife) (disclosed by T:w)");
        assertThat(r.strength()).isCloseTo(1 - 0.1 * 0.1, within(EPS));
    }

    // ---- shared organizations -----------------------------------------------------------------------------

    @Test
    void people_disclosing_the_same_employer_share_it_and_each_relates_to_the_org() {
        RelationGraph g = graph();
        RecordKey acme = org("O", "acme", "Acme Logistics LLC").in(g, 10);
        RecordKey a = person("S", "a").name("Ana", "Perez").discloses("EMPLOYER", acme, "driver").in(g, 1);
        RecordKey b = person("S", "b").name("Ben", "Okafor").discloses("employer", acme, null).in(g, 2);
        person("S", "c").name("Cy", "Dunn").discloses("ASSOCIATE", acme, null).in(g, 3);

        Relation ab = only(g, 1, 2);
        assertThat(ab.evidence()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(RelationType.SHARED_EMPLOYER);
            assertThat(e.detail()).isEqualTo("acme logistics (O:acme)");
            assertThat(e.from()).isEqualTo(a);
            assertThat(e.to()).isEqualTo(b);
            assertThat(e.sharedBy()).isEqualTo(2);
            assertThat(e.strength()).isEqualTo(0.3);
        });
        // an associate of the org does not share it as employer
        assertThat(relation(g, 1, 3)).isEmpty();
        assertThat(g.relations(10)).extracting(Relation::to).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(only(g, 1, 10).evidence()).extracting(Evidence::type).containsExactly(RelationType.DISCLOSED);
        assertThat(g.disclosers(10)).containsOnly(Map.entry(1L, "EMPLOYER"), Map.entry(2L, "EMPLOYER"),
                Map.entry(3L, "ASSOCIATE"));
    }

    @Test
    void an_org_entity_with_two_records_is_one_employer_and_sponsor_and_school_are_shared_too() {
        RelationGraph g = graph();
        RecordKey acme1 = org("O", "acme1", "Acme Logistics LLC").in(g, 10);
        RecordKey acme2 = org("P", "acme2", "ACME Logistics").in(g, 10);
        RecordKey uni = org("O", "uni", "Lakeside University").in(g, 11);
        person("S", "a").name("Ana", "Perez").discloses("EMPLOYER", acme1, null).discloses("SPONSOR", acme1, null)
                .discloses("SCHOOL", uni, "student").in(g, 1);
        person("S", "b").name("Ben", "Okafor").discloses("EMPLOYER", acme2, null).discloses("SPONSOR", acme2, null)
                .discloses("SCHOOL", uni, "student").in(g, 2);

        Relation r = only(g, 1, 2);
        assertThat(r.evidence()).extracting(Evidence::type).containsExactly(RelationType.SHARED_SPONSOR,
                RelationType.SHARED_EMPLOYER, RelationType.SHARED_SCHOOL);
        assertThat(evidence(r, RelationType.SHARED_EMPLOYER)).singleElement().satisfies(e -> {
            assertThat(e.sharedBy()).isEqualTo(2);
            assertThat(e.to()).isEqualTo(key("S", "b"));
        });
        assertThat(r.strength()).isCloseTo(1 - 0.6 * 0.7 * 0.8, within(EPS));
        assertThat(g.relations(10)).extracting(Relation::to).containsExactlyInAnyOrder(1L, 2L);

        // the org split into two entities: no longer one employer
        g.assign(acme2, 12);
        assertThat(only(g, 1, 2).evidence()).extracting(Evidence::type).containsExactly(RelationType.SHARED_SCHOOL);
    }

    @Test
    void an_employer_named_by_key_before_its_record_arrives_is_already_shared_and_a_big_one_is_generic() {
        RelationGraph g = new RelationGraph(RelateSettings.defaults().withGenericAbove(RelationType.SHARED_EMPLOYER, 2));
        RecordKey acme = key("O", "acme");
        person("S", "a").name("Ana", "Perez").discloses("EMPLOYER", acme, null).in(g, 1);
        person("S", "b").name("Ben", "Okafor").discloses("EMPLOYER", acme, null).in(g, 2);
        assertThat(only(g, 1, 2).evidence()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(RelationType.SHARED_EMPLOYER);
            assertThat(e.detail()).isEqualTo("O:acme");
        });
        person("S", "c").name("Cy", "Dunn").discloses("EMPLOYER", acme, null).in(g, 3);
        assertThat(g.relations(1)).as("three employees, generic above two").isEmpty();
    }

    // ---- co-travel ----------------------------------------------------------------------------------------

    @Test
    void one_shared_trip_is_chance_two_make_co_travel() {
        RelationGraph g = graph();
        RecordKey a = person("S", "a").name("Ana", "Perez").trip("BA 117", "2023-01-05").trip("LH 400", "2023-03-01")
                .trip("AF 22", "2023-04-09").in(g, 1);
        person("S", "b").name("Ben", "Okafor").trip("ba117", "2023-01-05").trip("LH 400", "2023-03-02").in(g, 2);
        assertThat(g.relations(1)).as("one trip in common, one the next day").isEmpty();

        RecordKey c = person("S", "c").name("Cy", "Dunn").trip("BA117", "2023-01-05").trip("LH400", "2023-03-01").in(g, 3);
        Relation r = only(g, 1, 3);
        assertThat(r.evidence()).extracting(Evidence::detail)
                .containsExactlyInAnyOrder("BA117 on 2023-01-05", "LH400 on 2023-03-01");
        assertThat(r.evidence()).allSatisfy(e -> {
            assertThat(e.type()).isEqualTo(RelationType.CO_TRAVEL);
            assertThat(e.from()).isEqualTo(a);
            assertThat(e.to()).isEqualTo(c);
        });
        // BA117 is held by three entities, LH400 by two
        assertThat(r.evidence()).extracting(Evidence::sharedBy).containsExactlyInAnyOrder(3, 2);
        assertThat(r.strength()).isCloseTo(1 - (1 - 0.35) * (1 - 0.35 * 0.5), within(EPS));
        assertThat(relation(g, 2, 3)).isEmpty();
    }

    @Test
    void the_same_trip_in_two_records_of_one_entity_is_still_one_trip() {
        RelationGraph g = graph();
        person("S", "a1").name("Ana", "Perez").trip("BA117", "2023-01-05").in(g, 1);
        person("T", "a2").name("Ana", "Perez").trip("BA 117", "2023-01-05").in(g, 1);
        person("S", "b").name("Ben", "Okafor").trip("BA117", "2023-01-05").in(g, 2);
        assertThat(g.relations(1)).isEmpty();
        assertThat(g.relations(2)).isEmpty();
    }

    @Test
    void one_trip_beside_other_evidence_is_dropped_from_the_relation_and_min_trips_is_a_setting() {
        RelationGraph g = graph();
        person("S", "a").name("Ana", "Perez").phone("312 444 0501").trip("BA117", "2023-01-05").in(g, 1);
        person("S", "b").name("Ben", "Okafor").phone("312 444 0501").trip("BA117", "2023-01-05").in(g, 2);
        assertThat(only(g, 1, 2).evidence()).extracting(Evidence::type).containsExactly(RelationType.SHARED_PHONE);

        RelateSettings d = RelateSettings.defaults();
        RelationGraph three = new RelationGraph(new RelateSettings(d.weight(), d.genericAbove(), d.disclosedWeight(),
                d.otherDisclosed(), 3));
        person("S", "a").name("Ana", "Perez").trip("BA117", "2023-01-05").trip("LH400", "2023-03-01").in(three, 1);
        person("S", "b").name("Ben", "Okafor").trip("BA117", "2023-01-05").trip("LH400", "2023-03-01").in(three, 2);
        assertThat(three.relations(1)).isEmpty();
        person("S", "b").name("Ben", "Okafor").trip("BA117", "2023-01-05").trip("LH400", "2023-03-01")
                .trip("AF22", "2023-04-09").in(three, 2);
        person("S", "a").name("Ana", "Perez").trip("BA117", "2023-01-05").trip("LH400", "2023-03-01")
                .trip("AF22", "2023-04-09").in(three, 1);
        assertThat(only(three, 1, 2).evidence()).hasSize(3);
    }

    // ---- possibly the same --------------------------------------------------------------------------------

    @Test
    void a_possible_match_is_a_relation_until_an_analyst_settles_it() {
        RelationGraph g = graph();
        RecordKey a = person("S", "a").name("Ana", "Perez").in(g, 1);
        RecordKey b = person("T", "b").name("Anna", "Peres").in(g, 2);
        g.possiblySame(a, b, 0.8);
        assertThat(only(g, 1, 2).evidence()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(RelationType.POSSIBLY_SAME);
            assertThat(e.detail()).isEqualTo("match probability 0.80");
            assertThat(e.from()).isEqualTo(a);
            assertThat(e.to()).isEqualTo(b);
            assertThat(e.strength()).isCloseTo(0.9 * 0.8, within(EPS));
        });
        assertThat(only(g, 2, 1).evidence()).singleElement().satisfies(e -> assertThat(e.from()).isEqualTo(b));

        g.settled(b, a);
        assertThat(g.relations(1)).isEmpty();
        assertThat(g.relations(2)).isEmpty();

        // a review pair from the resolver: its weight is log2 odds
        g.apply(new ChangeSet(List.of(), List.of(), List.of(new ReviewPair(b, a, 2.0, "+NAME")), Map.of()));
        assertThat(only(g, 1, 2).evidence()).singleElement()
                .satisfies(e -> assertThat(e.strength()).isCloseTo(0.9 * 0.8, within(EPS)));
        assertThat(RelationGraph.probability(0)).isEqualTo(0.5);

        // a possible match with a record not (yet) in the graph relates nobody
        g.possiblySame(a, key("P", "ghost"), 0.7);
        assertThat(g.relations(1)).extracting(Relation::to).containsExactly(2L);
    }

    // ---- upkeep -------------------------------------------------------------------------------------------

    @Test
    void a_merge_moves_the_relations_to_the_surviving_entity_and_makes_shared_values_more_specific() {
        RelationGraph g = graph();
        RecordKey a = person("S", "a").name("Ana", "Perez").phone("312 444 0601").in(g, 1);
        RecordKey b = person("T", "b").name("Ana", "Perez").phone("312 444 0601").email("ana@example.org").in(g, 2);
        person("S", "c").name("Cy", "Dunn").phone("312 444 0601").in(g, 3);
        person("S", "d").name("Dee", "Moss").email("ana@example.org").in(g, 4);
        assertThat(only(g, 3, 1).evidence()).singleElement().satisfies(e -> assertThat(e.sharedBy()).isEqualTo(3));
        assertThat(relation(g, 1, 2)).isPresent();

        g.assign(b, 1); // the resolver merged entity 2 into 1
        assertThat(g.entityOf(b)).isEqualTo(1);
        assertThat(g.containsEntity(2)).isFalse();
        assertThat(g.relations(2)).isEmpty();
        assertThat(g.records(1)).extracting(RecordLinks::key).containsExactly(a, b);
        assertThat(g.relations(1)).extracting(Relation::to).containsExactlyInAnyOrder(3L, 4L);
        assertThat(only(g, 3, 1).evidence()).singleElement().satisfies(e -> {
            assertThat(e.sharedBy()).isEqualTo(2);
            assertThat(e.strength()).isEqualTo(0.6);
        });
        assertThat(only(g, 4, 1).evidence()).singleElement().satisfies(e -> assertThat(e.to()).isEqualTo(b));
        assertThat(g.relations(3)).extracting(Relation::to).containsExactly(1L);
        assertThat(g.entityCount()).isEqualTo(3);
        assertThat(g.entities()).containsExactlyInAnyOrder(1L, 3L, 4L);

        g.assign(b, 5); // and split it off again, to a new entity
        assertThat(g.relations(4)).extracting(Relation::to).containsExactly(5L);
        assertThat(only(g, 1, 5).evidence()).singleElement()
                .satisfies(e -> assertThat(e.type()).isEqualTo(RelationType.SHARED_PHONE));
    }

    @Test
    void apply_follows_the_resolvers_assignments_and_withdrawals() {
        RelationGraph g = graph();
        RecordKey a = person("S", "a").name("Ana", "Perez").address("14 Elm Street", "Chicago", "60614").in(g, 1);
        RecordKey b = person("T", "b").name("Ana", "Perez").phone("312 444 0701").in(g, 2);
        RecordKey c = person("S", "c").name("Cy", "Dunn").address("14 Elm Street", "Chicago", "60614")
                .phone("312 444 0701").in(g, 3);
        assertThat(g.relations(3)).extracting(Relation::to).containsExactlyInAnyOrder(1L, 2L);

        g.apply(new ChangeSet(List.of(new Assignment(b, 1, 2)), List.of(), List.of(), Map.of(1L, 2, 2L, 0)));
        Relation r = only(g, 3, 1);
        assertThat(g.relations(3)).hasSize(1);
        assertThat(r.evidence()).extracting(Evidence::type)
                .containsExactly(RelationType.SHARED_PHONE, RelationType.SHARED_ADDRESS);
        assertThat(r.strength()).isCloseTo(0.8, within(EPS));

        g.apply(new ChangeSet(List.of(new Assignment(a, 0, 1)), List.of(), List.of(), Map.of(1L, 1)));
        assertThat(g.entityOf(a)).isZero();
        assertThat(only(g, 3, 1).evidence()).extracting(Evidence::type).containsExactly(RelationType.SHARED_PHONE);
        assertThat(g.records(1)).extracting(RecordLinks::key).containsExactly(b);
    }

    @Test
    void withdrawn_records_take_their_values_with_them_and_their_slots_are_reused_cleanly() {
        RelationGraph g = graph();
        RecordKey a = person("S", "a").name("Ana", "Perez").phone("312 444 0801").email("a@example.org").in(g, 1);
        person("S", "b").name("Ben", "Okafor").phone("312 444 0801").in(g, 2);
        person("S", "c").name("Cy", "Dunn").email("a@example.org").in(g, 3);
        g.remove(a);
        g.remove(a); // twice is harmless
        g.remove(key("S", "never-there"));
        assertThat(g.containsEntity(1)).isFalse();
        assertThat(g.relations(2)).isEmpty();
        assertThat(g.relations(3)).isEmpty();

        // a new record takes the freed slot and must not inherit anything from the old one
        person("S", "d").name("Dee", "Moss").phone("312 444 0802").in(g, 4);
        person("S", "e").name("Eve", "Stone").phone("312 444 0802").in(g, 5);
        assertThat(g.relations(4)).extracting(Relation::to).containsExactly(5L);
        assertThat(g.relations(2)).isEmpty();
        assertThat(g.entityOf(a)).isZero();
        assertThat(g.entityOf(key("S", "d"))).isEqualTo(4);
    }

    @Test
    void a_new_version_of_a_record_replaces_its_values() {
        RelationGraph g = graph();
        person("S", "a").name("Ana", "Perez").phone("312 444 0901").in(g, 1);
        person("S", "b").name("Ben", "Okafor").phone("312 444 0901").in(g, 2);
        person("S", "c").name("Cy", "Dunn").phone("312 444 0902").in(g, 3);
        assertThat(g.relations(1)).extracting(Relation::to).containsExactly(2L);
        person("S", "a").name("Ana", "Perez").phone("312 444 0902").in(g, 1);
        assertThat(g.relations(1)).extracting(Relation::to).containsExactly(3L);
        assertThat(g.relations(2)).isEmpty();
        assertThat(g.records(1)).hasSize(1);
    }

    @Test
    void a_record_needs_an_entity_and_unknown_records_or_entities_are_quietly_empty() {
        RelationGraph g = graph();
        assertThatThrownBy(() -> person("S", "a").name("Ana", "Perez").in(g, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("entity");
        g.assign(key("S", "none"), 3);
        assertThat(g.entityCount()).isZero();
        assertThat(g.relations(42)).isEmpty();
        assertThat(g.records(42)).isEmpty();
        assertThat(g.genericValues(42)).isEmpty();
        assertThat(g.disclosers(42)).isEmpty();
        assertThat(g.entityOf(key("S", "none"))).isZero();
    }
}
