package io.relata.bench.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The planted relationship patterns are in the raw records as patterns.csv says, and nowhere else: what a
 * detector of rings, co-travel and organization concentration will be graded against.
 */
class PlantedPatternsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RECORDS = 100_000;
    private static final String RING = "identity-ring", TRAVEL = "co-travel", ORG = "org-concentration";

    private static GeneratorConfig config;
    private static GeneratedOutput out;
    /** "SOURCE,ID" to the record. */
    private static final Map<String, JsonNode> records = new HashMap<>();
    /** Entity to its records' keys. */
    private static final Map<String, List<String>> recordsOf = new HashMap<>();
    /** Pattern to group to the keys of its records, in file order. */
    private static final Map<String, Map<String, List<String>>> groups = new TreeMap<>();

    @BeforeAll
    static void generate() throws Exception {
        config = GeneratorConfig.defaults(17, RECORDS);
        out = GeneratedOutput.run(config);
        for (String line : out.lines()) {
            JsonNode r = JSON.readTree(line);
            records.put(key(r.get("source").asText(), r.get("id").asText()), r);
        }
        out.entityOf().forEach((k, e) -> recordsOf.computeIfAbsent(e, x -> new ArrayList<>()).add(k));
        assertThat(out.patternLines().get(0)).isEqualTo("pattern,group,source,id");
        for (String line : out.patternLines().subList(1, out.patternLines().size())) {
            String[] f = line.split(",", -1);
            assertThat(f).as(line).hasSize(4);
            groups.computeIfAbsent(f[0], p -> new LinkedHashMap<>()).computeIfAbsent(f[1], g -> new ArrayList<>()).add(key(f[2], f[3]));
        }
    }

    @Test
    void everyPatternRecordIsInTheRecordsAndTheTruthWithAllItsEntitysRecords() {
        assertThat(groups.keySet()).containsExactly(TRAVEL, RING, ORG);
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, Map<String, List<String>>> pattern : groups.entrySet()) {
            for (Map.Entry<String, List<String>> group : pattern.getValue().entrySet()) {
                assertThat(group.getKey()).matches(switch (pattern.getKey()) {
                    case RING -> "ring-\\d+";
                    case TRAVEL -> "cotravel-\\d+";
                    default -> "org-\\d+";
                });
                Set<String> entities = new HashSet<>();
                for (String k : group.getValue()) {
                    assertThat(records).as(k).containsKey(k);
                    assertThat(out.entityOf()).as(k).containsKey(k);
                    assertThat(seen.add(k)).as("%s is in one group only", k).isTrue();
                    entities.add(out.entityOf().get(k));
                }
                // One line per record of every member entity, so a grader can map any detected record.
                for (String e : entities) assertThat(group.getValue()).as(group.getKey()).containsAll(recordsOf.get(e));
                boolean organization = pattern.getKey().equals(ORG);
                assertThat(entities).as(group.getKey()).hasSize(organization ? 1 : entities.size());
                for (String k : group.getValue()) {
                    assertThat(records.get(k).path("type").asText("PERSON")).isEqualTo(organization ? "ORGANIZATION" : "PERSON");
                }
            }
        }
    }

    @Test
    void ringMembersAreDistinctEntitiesWithoutFamilyLinks() {
        Set<String> ringRecords = new HashSet<>();
        for (List<String> keys : groups.get(RING).values()) {
            assertThat(members(keys)).hasSizeBetween(3, 8);
            ringRecords.addAll(keys);
        }
        for (Map.Entry<String, JsonNode> r : records.entrySet()) {
            for (JsonNode rel : r.getValue().path("relationships")) {
                if (!rel.get("type").asText().equals("FAMILY")) continue;
                assertThat(ringRecords).as("family link from %s", r.getKey()).doesNotContain(r.getKey());
                assertThat(ringRecords).as("family link to a ring member").doesNotContain(key(rel.get("source").asText(), rel.get("id").asText()));
            }
        }
        // Distinct fabricated identities: no two members of a ring carry the same birth date or passport.
        for (List<String> keys : groups.get(RING).values()) {
            Map<String, String> ownerOfDocument = new HashMap<>();
            for (String k : keys) {
                for (JsonNode id : records.get(k).path("identifiers")) {
                    if (!id.get("type").asText().equals("PASSPORT")) continue;
                    String owner = ownerOfDocument.putIfAbsent(id.get("value").asText(), out.entityOf().get(k));
                    assertThat(owner == null || owner.equals(out.entityOf().get(k))).as("passport shared in " + keys).isTrue();
                }
            }
        }
    }

    @Test
    void everyRingIsConnectedAndDenseThroughValuesInTheRawRecords() {
        long pairs = 0, linked = 0;
        for (Map.Entry<String, List<String>> ring : groups.get(RING).entrySet()) {
            Map<String, Set<String>> valuesOf = valuesByMember(ring.getValue());
            List<String> members = new ArrayList<>(valuesOf.keySet());
            Set<String> reached = new HashSet<>(List.of(members.get(0)));
            Deque<String> todo = new ArrayDeque<>(reached);
            while (!todo.isEmpty()) {
                String m = todo.pop();
                for (String other : members) {
                    if (!reached.contains(other) && shares(valuesOf.get(m), valuesOf.get(other)) && reached.add(other)) todo.push(other);
                }
            }
            assertThat(reached).as("%s is connected: %s", ring.getKey(), valuesOf).hasSameSizeAs(members);
            for (int i = 0; i < members.size(); i++) {
                for (int j = i + 1; j < members.size(); j++) {
                    pairs++;
                    if (shares(valuesOf.get(members.get(i)), valuesOf.get(members.get(j)))) linked++;
                }
            }
            Set<String> shared = sharedValues(valuesOf);
            assertThat(shared).as(ring.getKey()).anyMatch(v -> v.startsWith("SSN ") || v.startsWith("A_NUMBER "))
                    .anyMatch(v -> v.startsWith("PHONE ")).anyMatch(v -> v.startsWith("ADDRESS "));
        }
        assertThat((double) linked / pairs).as("share of member pairs that share a value").isGreaterThan(0.5);
    }

    @Test
    void ringValuesAppearOnlyInTheirRingAndAreNeverGeneric() {
        Map<String, Set<String>> holders = new HashMap<>();
        records.forEach((k, r) -> {
            for (String v : values(r)) holders.computeIfAbsent(v, x -> new HashSet<>()).add(out.entityOf().get(k));
        });
        Set<String> generic = new HashSet<>();
        for (PostalAddress a : GenericValues.SHELTERS) generic.add("ADDRESS " + RingValueSpace.addressKey(a));
        for (PostalAddress a : GenericValues.LAWYER_OFFICES) generic.add("ADDRESS " + RingValueSpace.addressKey(a));
        for (String p : GenericValues.PLACEHOLDER_PHONES) generic.add("PHONE " + p);
        int checked = 0;
        for (Map.Entry<String, List<String>> ring : groups.get(RING).entrySet()) {
            Set<String> members = members(ring.getValue());
            for (String v : sharedValues(valuesByMember(ring.getValue()))) {
                assertThat(members).as("%s of %s is held by no one else", v, ring.getKey()).containsAll(holders.get(v));
                assertThat(generic).doesNotContain(v);
                checked++;
            }
            for (String k : ring.getValue()) assertThat(records.get(k).path("dob").asText()).isNotEqualTo(GenericValues.PLACEHOLDER_DOB);
        }
        assertThat(checked).isGreaterThan(3 * groups.get(RING).size());
    }

    @Test
    void coTravelGroupsShareTwoOrMoreFlightsThatUnrelatedPeopleDoNot() {
        Map<String, String> groupOf = new HashMap<>();
        for (Map.Entry<String, List<String>> g : groups.get(TRAVEL).entrySet()) {
            Set<String> members = members(g.getValue());
            assertThat(members).hasSizeBetween(2, 5);
            members.forEach(m -> groupOf.put(m, g.getKey()));
            Set<String> common = null;
            for (String m : members) {
                Set<String> trips = new HashSet<>();
                for (String k : recordsOf.get(m)) trips.addAll(flights(records.get(k)));
                if (common == null) common = trips; else common.retainAll(trips);
                for (String k : recordsOf.get(m)) {
                    for (JsonNode rel : records.get(k).path("relationships")) {
                        assertThat(rel.get("type").asText()).as("co-travellers are not family").isNotEqualTo("FAMILY");
                    }
                }
            }
            assertThat(common).as("flights all of %s took", g.getKey()).hasSizeGreaterThanOrEqualTo(2);
        }
        // Unrelated people: a few share one flight, as real passengers do, but hardly any share two.
        Map<String, Set<String>> travellersOn = new HashMap<>();
        records.forEach((k, r) -> {
            for (String f : flights(r)) travellersOn.computeIfAbsent(f, x -> new HashSet<>()).add(out.entityOf().get(k));
        });
        Map<String, Integer> sharedFlights = new HashMap<>();
        for (Set<String> travellers : travellersOn.values()) {
            if (travellers.size() < 2) continue;
            List<String> t = new ArrayList<>(travellers);
            for (int i = 0; i < t.size(); i++) {
                for (int j = i + 1; j < t.size(); j++) {
                    String a = t.get(i), b = t.get(j);
                    if (groupOf.containsKey(a) && groupOf.get(a).equals(groupOf.get(b))) continue;
                    sharedFlights.merge(a.compareTo(b) < 0 ? a + " " + b : b + " " + a, 1, Integer::sum);
                }
            }
        }
        assertThat(sharedFlights.values().stream().filter(n -> n >= 2).count()).as("unrelated pairs on 2+ same flights").isLessThanOrEqualTo(1);
    }

    @Test
    void concentrationOrgsEmployOrSponsorAnUnusualShareOfRingMembers() {
        Map<String, String> ringOf = new HashMap<>();
        groups.get(RING).forEach((g, keys) -> members(keys).forEach(m -> ringOf.put(m, g)));
        Map<String, Set<String>> ringMembersOf = new HashMap<>(), peopleOf = new HashMap<>();
        Map<String, Set<String>> ringsOf = new HashMap<>();
        records.forEach((k, r) -> {
            String person = out.entityOf().get(k);
            for (JsonNode rel : r.path("relationships")) {
                String type = rel.get("type").asText();
                if (!type.equals("EMPLOYER") && !type.equals("SPONSOR")) continue;
                String org = out.entityOf().get(key(rel.get("source").asText(), rel.get("id").asText()));
                peopleOf.computeIfAbsent(org, x -> new HashSet<>()).add(person);
                if (!ringOf.containsKey(person)) continue;
                ringMembersOf.computeIfAbsent(org, x -> new HashSet<>()).add(person);
                ringsOf.computeIfAbsent(org, x -> new HashSet<>()).add(ringOf.get(person));
            }
        });
        Set<String> concentration = new HashSet<>();
        for (List<String> keys : groups.get(ORG).values()) concentration.add(out.entityOf().get(keys.get(0)));
        assertThat(concentration).hasSize((int) out.summary().patterns().concentrationOrgs());
        int ordinaryMax = 0, tiedRings = 0;
        for (Map.Entry<String, Set<String>> e : ringMembersOf.entrySet()) {
            if (!concentration.contains(e.getKey())) ordinaryMax = Math.max(ordinaryMax, e.getValue().size());
        }
        for (String org : concentration) {
            Set<String> members = ringMembersOf.getOrDefault(org, Set.of());
            assertThat(members.size()).as("ring members at %s", org).isGreaterThanOrEqualTo(3).isGreaterThan(ordinaryMax);
            assertThat((double) members.size() / peopleOf.get(org).size()).as("share of ring members among its people").isGreaterThan(0.5);
            tiedRings += ringsOf.get(org).size();
        }
        assertThat(tiedRings).isEqualTo(out.summary().patterns().ringsAtConcentrationOrgs());
    }

    @Test
    void countsMatchTheFileAndTheConfiguredRates() {
        PlantedPatterns p = out.summary().patterns();
        assertThat(p.identityRings()).isEqualTo(groups.get(RING).size());
        assertThat(p.coTravelGroups()).isEqualTo(groups.get(TRAVEL).size());
        assertThat(p.concentrationOrgs()).isEqualTo(groups.get(ORG).size());
        assertThat(p.ringMembers()).isEqualTo(groups.get(RING).values().stream().mapToLong(k -> members(k).size()).sum());
        assertThat(p.coTravellers()).isEqualTo(groups.get(TRAVEL).values().stream().mapToLong(k -> members(k).size()).sum());
        double thousands = out.summary().persons() / 1000.0;
        // Poisson counts of about 27 and 36 at 100k records: a wide band that still catches a wrong rate.
        assertThat(p.identityRings() / thousands).isCloseTo(config.ringRate(), within(config.ringRate() * 0.5));
        assertThat(p.coTravelGroups() / thousands).isCloseTo(config.coTravelRate(), within(config.coTravelRate() * 0.45));
        assertThat(p.concentrationOrgs()).isBetween(1L, (long) Math.ceil((double) RECORDS / ConcentrationOrgs.RECORDS_PER_ORG));
        assertThat((double) p.ringsAtConcentrationOrgs() / p.identityRings()).isBetween(0.03, 0.4);
    }

    @Test
    void genericValuesAreStillPlantedButNotOnRingRecords() {
        long personRecords = records.values().stream().filter(r -> r.path("type").asText("PERSON").equals("PERSON")).count();
        long generic = out.summary().genericValues().values().stream().mapToLong(Long::longValue).sum();
        assertThat((double) generic / personRecords).isCloseTo(config.genericValueRate(), within(0.004));
        assertThat(records.values().stream().filter(r -> r.path("dob").asText().equals(GenericValues.PLACEHOLDER_DOB)).count())
                .isGreaterThan(personRecords / 500);
    }

    @Test
    void noPatternsWhenTheirRatesAreZero() {
        GeneratedOutput plain = GeneratedOutput.run(GeneratorConfig.defaults(3, 20_000).withoutPatterns());
        assertThat(plain.patternLines()).containsExactly("pattern,group,source,id");
        assertThat(plain.summary().patterns()).isEqualTo(new PlantedPatterns(0, 0, 0, 0, 0, 0));
        assertThat(plain.lines()).hasSize(20_000);
    }

    private static String key(String source, String id) {
        return source + "," + id;
    }

    private static Set<String> members(List<String> keys) {
        Set<String> m = new HashSet<>();
        for (String k : keys) m.add(out.entityOf().get(k));
        return m;
    }

    private static Map<String, Set<String>> valuesByMember(List<String> keys) {
        Map<String, Set<String>> valuesOf = new TreeMap<>();
        for (String k : keys) valuesOf.computeIfAbsent(out.entityOf().get(k), e -> new HashSet<>()).addAll(values(records.get(k)));
        return valuesOf;
    }

    /** Values held by two or more members. */
    private static Set<String> sharedValues(Map<String, Set<String>> valuesOf) {
        Map<String, Integer> holders = new HashMap<>();
        valuesOf.values().forEach(vs -> vs.forEach(v -> holders.merge(v, 1, Integer::sum)));
        Set<String> shared = new HashSet<>();
        holders.forEach((v, n) -> { if (n >= 2) shared.add(v); });
        return shared;
    }

    private static boolean shares(Set<String> a, Set<String> b) {
        for (String v : a) if (b.contains(v)) return true;
        return false;
    }

    /**
     * A record's linkable values as a detector would compare them, whatever style the source wrote them in:
     * phone digits (without the +1), SSN and A-number digits, e-mail in lower case, house number and postcode.
     */
    private static Set<String> values(JsonNode r) {
        Set<String> v = new HashSet<>();
        for (JsonNode p : r.path("phones")) {
            String d = p.asText().replaceAll("\\D", "");
            v.add("PHONE " + (d.length() == 11 && d.startsWith("1") ? d.substring(1) : d));
        }
        for (JsonNode id : r.path("identifiers")) {
            String type = id.get("type").asText();
            if (type.equals("SSN") || type.equals("A_NUMBER")) v.add(type + " " + id.get("value").asText().replaceAll("\\D", ""));
        }
        for (JsonNode e : r.path("emails")) v.add("EMAIL " + e.asText().toLowerCase(java.util.Locale.ROOT));
        for (JsonNode a : r.path("addresses")) {
            String text = a.has("full") ? a.get("full").asText() : a.path("line1").asText();
            String[] words = text.trim().split("\\s+");
            String postcode = a.has("postcode") ? a.get("postcode").asText() : a.has("full") ? words[words.length - 1] : "";
            if (words[0].matches("\\d+") && postcode.matches("\\d{5}")) v.add("ADDRESS " + words[0] + " " + postcode);
        }
        return v;
    }

    private static Set<String> flights(JsonNode r) {
        Set<String> f = new HashSet<>();
        for (JsonNode e : r.path("events")) {
            String type = e.get("type").asText();
            if ((type.equals("ENTRY") || type.equals("EXIT")) && e.has("ref")) f.add(e.get("ref").asText() + " " + e.get("date").asText());
        }
        return f;
    }
}
