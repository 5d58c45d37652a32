package io.relata.bench.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The planted difficulties are there, at the configured rates. */
class HardCasesTest {
    private static GeneratedOutput out;
    private static GeneratorConfig config;

    @BeforeAll
    static void generate() {
        config = GeneratorConfig.defaults(99, 60_000).withJuniorRate(0.10).withTwinRate(0.10).withGenericValueRate(0.03);
        out = GeneratedOutput.run(config);
    }

    @Test
    void recordsPerEntityHaveALongTail() {
        Map<String, Integer> perEntity = new HashMap<>();
        out.entityOf().values().forEach(e -> perEntity.merge(e, 1, Integer::sum));
        double mean = (double) out.lines().size() / perEntity.size();
        long singles = perEntity.values().stream().filter(n -> n == 1).count();
        assertThat(mean).isBetween(1.9, 2.6);
        assertThat((double) singles / perEntity.size()).isBetween(0.35, 0.6);
        assertThat(perEntity.values().stream().filter(n -> n >= 2 && n <= 4).count()).isGreaterThan(perEntity.size() / 4);
        assertThat(perEntity.values().stream().mapToInt(Integer::intValue).max().orElseThrow()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void householdsJuniorsTwinsAndOrganizationsAtConfiguredRates() {
        GenerationSummary s = out.summary();
        assertThat((double) s.personsInHouseholds() / s.persons()).isCloseTo(config.householdShare(), within(0.06));
        assertThat((double) s.juniorPairs() / s.households()).isCloseTo(config.juniorRate(), within(0.03));
        assertThat((double) s.twinPairs() / s.households()).isCloseTo(config.twinRate(), within(0.03));
        assertThat((double) s.organizations() / s.entities()).isCloseTo(config.orgShare(), within(0.005));
        assertThat(s.relationships().get("FAMILY")).isGreaterThan(1_000);
        assertThat(String.join("\n", out.lines())).contains(" Jr\"");
    }

    @Test
    void genericValuesAreSharedByManyUnrelatedPeople() {
        long personRecords = out.lines().stream().filter(l -> !l.contains("\"type\":\"ORGANIZATION\"")).count();
        long generic = out.summary().genericValues().values().stream().mapToLong(Long::longValue).sum();
        assertThat((double) generic / personRecords).isCloseTo(config.genericValueRate(), within(0.006));
        assertThat(entitiesWith("350 Broadway")).hasSizeGreaterThan(30);
        assertThat(entitiesWith("\"dob\":\"1900-01-01\"")).hasSizeGreaterThan(100);
        Set<String> placeholderPhone = entitiesWith("555-5555");
        placeholderPhone.addAll(entitiesWith("5555555555"));
        placeholderPhone.addAll(entitiesWith("555.5555"));
        assertThat(placeholderPhone).hasSizeGreaterThan(30);
    }

    @Test
    void commonNamesCollideAcrossDifferentPeople() {
        assertThat(entitiesWith("\"given\":\"John\",\"surname\":\"Smith\"")).hasSizeGreaterThan(0);
        assertThat(entitiesWith("\"given\":\"Wei\",\"surname\":\"Wang\"")).hasSizeGreaterThanOrEqualTo(3);
        Set<String> mohammed = entitiesWith("Mohammed");
        mohammed.addAll(entitiesWith("Muhammad"));
        assertThat(mohammed).hasSizeGreaterThan(50);
        assertThat(entitiesWith("\"surname\":\"Garcia")).hasSizeGreaterThan(30);
    }

    @Test
    void surnamesAreAsCommonAsInACensus() {
        // US Census 2010: Smith is 0.83% of all people; a population 38% of Anglo culture has about 0.4%.
        long people = out.entityOf().values().stream().distinct().count();
        Set<String> smiths = entitiesWith("\"surname\":\"Smith\"");
        smiths.addAll(entitiesWith("\"surname\":\"SMITH\""));
        double smith = (double) smiths.size() / people;
        assertThat(smith).isBetween(0.002, 0.006);
    }

    @Test
    void everyKindOfErrorIsPlanted() {
        assertThat(out.summary().plantedErrors()).allSatisfy((kind, n) -> assertThat(n).as(kind).isPositive());
    }

    @Test
    void noErrorsWhenRatesAreZero() {
        GenerationSummary clean = GeneratedOutput.run(GeneratorConfig.defaults(5, 5_000).withErrorRates(ErrorRates.none())).summary();
        for (ErrorKind k : ErrorKind.values()) {
            if (k == ErrorKind.OLD_ADDRESS || k == ErrorKind.PHONE_CHANGED) continue; // real moves, not errors
            assertThat(clean.plantedErrors().get(k.name())).as(k.name()).isZero();
        }
    }

    private static Set<String> entitiesWith(String fragment) {
        Set<String> entities = new HashSet<>();
        for (String line : out.lines()) {
            if (!line.contains(fragment)) continue;
            int idStart = line.indexOf("\"id\":\"") + 6;
            String source = line.substring(11, line.indexOf('"', 11));
            String id = line.substring(idStart, line.indexOf('"', idStart));
            entities.add(out.entityOf().get(source + "," + id));
        }
        return entities;
    }
}
