package io.relata.core.resolve;

import static io.relata.core.resolve.IdentifierComparator.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.relata.core.standardize.IdentifierStandardizer.StandardIdentifier;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentifierComparatorTest {
    /** The lifetime types of the shipped model, so the test follows the model rather than a copy of it. */
    private static final Set<String> LIFETIME = MatchModel.defaults().lifetimeIdentifierTypes();

    private static StandardIdentifier[] id(String type, String value) {
        return id(type, value, null);
    }

    private static StandardIdentifier[] id(String type, String value, String country) {
        StandardIdentifier[] ids = Records.person("S", "1").given("Ana").surname("Lopez").id(type, value, country)
                .features().identifiers();
        assertThat(ids).as("valid %s %s", type, value).hasSize(1);
        return ids;
    }

    private static int level(StandardIdentifier[] a, StandardIdentifier[] b) {
        return IdentifierComparator.level(a, b, LIFETIME, new String[1]);
    }

    @Test
    void sameValueIsExactAndReportsTypeAndValue() {
        String[] agreed = new String[1];
        assertThat(IdentifierComparator.level(id("Passport", "x123-4567"), id("PASSPORT", "X1234567"), LIFETIME,
                agreed)).isEqualTo(EXACT);
        assertThat(agreed[0]).isEqualTo("PASSPORT:X1234567");
    }

    @Test
    void oneTypoIsClose() {
        assertThat(level(id("PASSPORT", "X1234567"), id("PASSPORT", "X1234568"))).isEqualTo(CLOSE);
        assertThat(level(id("PASSPORT", "X1234567"), id("PASSPORT", "X1243567"))).isEqualTo(CLOSE);
        // a typo in a lifetime number is still a typo, not a conflict
        assertThat(level(id("A_NUMBER", "A12345678"), id("A_NUMBER", "A12345679"))).isEqualTo(CLOSE);
    }

    @Test
    void anotherPassportIsOnlyDifferent() {
        // people renew passports: a new number says little
        assertThat(LIFETIME).doesNotContain("PASSPORT");
        assertThat(level(id("PASSPORT", "X1234567"), id("PASSPORT", "K9876543"))).isEqualTo(DIFFERENT);
    }

    @Test
    void anotherLifetimeNumberIsAConflict() {
        assertThat(LIFETIME).contains("A_NUMBER");
        assertThat(level(id("A_NUMBER", "A12345678"), id("A-Number", "087654321"))).isEqualTo(CONFLICT);
    }

    @Test
    void identifiersOfDifferentTypesDoNotCompare() {
        assertThat(level(id("PASSPORT", "X1234567"), id("A_NUMBER", "A12345678"))).isEqualTo(MISSING);
        // even with the same characters
        assertThat(level(id("PASSPORT", "12345678"), id("DRIVERS_LICENSE", "12345678"))).isEqualTo(MISSING);
    }

    @Test
    void countriesMustBeCompatible() {
        assertThat(level(id("PASSPORT", "X1234567", "US"), id("PASSPORT", "X1234567", "United States")))
                .isEqualTo(EXACT);
        // an unknown country is compatible with any
        assertThat(level(id("PASSPORT", "X1234567", "US"), id("PASSPORT", "X1234567"))).isEqualTo(EXACT);
        // two countries' passports are different documents, even with the same number
        assertThat(level(id("PASSPORT", "X1234567", "US"), id("PASSPORT", "X1234567", "MX"))).isEqualTo(MISSING);
    }

    @Test
    void closeWinsOverAConflictingSecondNumber() {
        StandardIdentifier[] a = id("A_NUMBER", "A12345678");
        StandardIdentifier[] b = Records.person("S", "1").given("Ana").surname("Lopez")
                .id("A_NUMBER", "A87654321").id("A_NUMBER", "A12345679").features().identifiers();
        assertThat(level(a, b)).isEqualTo(CLOSE);
    }

    @Test
    void noIdentifierIsMissing() {
        StandardIdentifier[] none = Records.person("S", "1").given("Ana").surname("Lopez").features().identifiers();
        assertThat(level(none, id("PASSPORT", "X1234567"))).isEqualTo(MISSING);
        // a placeholder value is dropped in standardization
        StandardIdentifier[] placeholder = Records.person("S", "1").given("Ana").surname("Lopez")
                .id("PASSPORT", "UNKNOWN").features().identifiers();
        assertThat(placeholder).isEmpty();
    }
}
