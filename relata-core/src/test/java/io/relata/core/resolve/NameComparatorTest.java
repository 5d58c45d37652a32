package io.relata.core.resolve;

import static io.relata.core.resolve.NameComparator.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.relata.core.standardize.PersonNameFeatures;
import org.junit.jupiter.api.Test;

class NameComparatorTest {

    private static PersonNameFeatures name(String given, String surname) {
        return name(given, null, surname);
    }

    private static PersonNameFeatures name(String given, String middle, String surname) {
        var f = Records.person("S", "1").given(given).middle(middle).surname(surname).features();
        assertThat(f.names()).as("standardized names of %s %s", given, surname).hasSize(1);
        return f.names()[0];
    }

    @Test
    void sameGivenNameIsExact() {
        assertThat(given(name("William", "Smith"), name("WILLIAM", "smith"))).isEqualTo(G_EXACT);
        assertThat(surname(name("William", "Smith"), name("WILLIAM", "smith"))).isEqualTo(S_EXACT);
    }

    @Test
    void nicknameFromTheVariantTable() {
        assertThat(given(name("Bill", "Smith"), name("William", "Smith"))).isEqualTo(G_NICKNAME);
        assertThat(given(name("William", "Smith"), name("Bill", "Smith"))).isEqualTo(G_NICKNAME);
        assertThat(given(name("Bob", "Smith"), name("Robert", "Smith"))).isEqualTo(G_NICKNAME);
    }

    @Test
    void typoIsFuzzy() {
        // "reginlad" is not in the variant table: only string similarity can bring it to reginald
        assertThat(given(name("Reginald", "Smith"), name("Reginlad", "Smith"))).isEqualTo(G_FUZZY);
        assertThat(surname(name("Ana", "Johnson"), name("Ana", "Jonson"))).isEqualTo(S_FUZZY);
    }

    @Test
    void soundsAlikeIsPhonetic() {
        // different first letter keeps Jaro-Winkler below the fuzzy bar; Double Metaphone hears the same
        assertThat(given(name("Zoltan", "Kovacs"), name("Soltan", "Kovacs"))).isEqualTo(G_PHONETIC);
        assertThat(surname(name("John", "Smith"), name("John", "Smyth"))).isEqualTo(S_PHONETIC);
    }

    @Test
    void initialAgreesOnlyWithTheSameFirstLetter() {
        assertThat(given(name("W", "Smith"), name("William", "Smith"))).isEqualTo(G_INITIAL);
        assertThat(given(name("William", "Smith"), name("W.", "Smith"))).isEqualTo(G_INITIAL);
        assertThat(given(name("J", "Smith"), name("William", "Smith"))).isEqualTo(G_DIFFERENT);
    }

    @Test
    void givenNameFoundAmongTheOtherGivenNamesIsMiddle() {
        // one source writes John Henry Smith, another uses his middle name
        assertThat(given(name("John", "Henry", "Smith"), name("Henry", "Smith"))).isEqualTo(G_MIDDLE);
        assertThat(given(name("Henry", "Smith"), name("John", "Henry", "Smith"))).isEqualTo(G_MIDDLE);
    }

    @Test
    void unrelatedNamesAreDifferent() {
        assertThat(given(name("Ana", "Lopez"), name("Maria", "Lopez"))).isEqualTo(G_DIFFERENT);
        assertThat(surname(name("John", "Smith"), name("John", "Nakamura"))).isEqualTo(S_DIFFERENT);
    }

    @Test
    void compoundSurnameSharingAPartIsPartial() {
        assertThat(surname(name("Ana", "Garcia Lopez"), name("Ana", "Garcia"))).isEqualTo(S_PARTIAL);
    }

    @Test
    void absentPartIsMissing() {
        PersonNameFeatures surnameOnly = name(null, "Smith");
        assertThat(given(surnameOnly, name("William", "Smith"))).isEqualTo(G_MISSING);
        assertThat(given(name("William", "Smith"), surnameOnly)).isEqualTo(G_MISSING);
        assertThat(surname(name("William", null), surnameOnly)).isEqualTo(S_MISSING);
    }

    @Test
    void generationalSuffixes() {
        PersonNameFeatures junior = name("William", "Smith Jr"), senior = name("William", "Smith Sr."),
                plain = name("William", "Smith");
        assertThat(junior.surname()).isEqualTo("smith");
        assertThat(suffix(junior, senior)).isEqualTo(X_CONFLICT);
        assertThat(suffix(junior, name("William", "Smith Junior"))).isEqualTo(X_SAME);
        // only one side names a generation: no evidence either way
        assertThat(suffix(junior, plain)).isEqualTo(X_MISSING);
        assertThat(given(junior, senior)).isEqualTo(G_EXACT);
        assertThat(surname(junior, senior)).isEqualTo(S_EXACT);
    }

    @Test
    void swappedOrderComparesGivenAgainstSurname() {
        PersonNameFeatures a = name("Wei", "Zhang"), b = name("Zhang", "Wei");
        assertThat(givenAgainstSurname(a, b)).isEqualTo(S_EXACT);
        assertThat(asGivenLevel(tokenLevel(a.given(), b.surname()))).isEqualTo(G_EXACT);
        assertThat(asGivenLevel(S_PARTIAL)).isEqualTo(G_WEAK);
        assertThat(asGivenLevel(S_MISSING)).isEqualTo(G_MISSING);
    }

    @Test
    void levelConstantsMatchTheFeatureLevels() {
        assertThat(Feature.GIVEN_NAME.levels().get(G_MIDDLE)).isEqualTo("MIDDLE");
        assertThat(Feature.GIVEN_NAME.missing()).isEqualTo(G_MISSING);
        assertThat(Feature.SURNAME.levels().get(S_PARTIAL)).isEqualTo("PARTIAL");
        assertThat(Feature.SURNAME.missing()).isEqualTo(S_MISSING);
        assertThat(Feature.NAME_SUFFIX.levels().get(X_CONFLICT)).isEqualTo("CONFLICT");
        assertThat(Feature.MIDDLE_NAME.levels().get(M_COMPATIBLE)).isEqualTo("COMPATIBLE");
        assertThat(Feature.MIDDLE_NAME.missing()).isEqualTo(M_MISSING);
    }

    @Test
    void middleNames() {
        assertThat(middle(name("Amit", "Gaurav", "Srinivasan"), name("Amit", "Gaurav", "Srinivasan"))).isEqualTo(M_EXACT);
        assertThat(middle(name("AMIT GAURAV", "SRINIVASAN"), name("Amit", "Gaurav", "Srinivasan"))).isEqualTo(M_EXACT);
        assertThat(middle(name("Amit", "G", "Srinivasan"), name("Amit", "Gaurav", "Srinivasan"))).isEqualTo(M_COMPATIBLE);
        assertThat(middle(name("Maria", "Jose", "Lopez"), name("Maria", "Jose Luisa", "Lopez"))).isEqualTo(M_COMPATIBLE);
        assertThat(middle(name("Ana", "G R", "Lopez"), name("Ana", "Gloria Rosa", "Lopez"))).isEqualTo(M_COMPATIBLE);
        assertThat(middle(name("Jennifer", "Helen", "Wilson"), name("Jennifer", "Helene", "Wilson"))).isEqualTo(M_COMPATIBLE);
        assertThat(middle(name("John", "Allen", "Smith"), name("John", "Robert", "Smith"))).isEqualTo(M_DIFFERENT);
        assertThat(middle(name("John", "A", "Smith"), name("John", "Robert", "Smith"))).isEqualTo(M_DIFFERENT);
        assertThat(middle(name("John", "Smith"), name("John", "Robert", "Smith"))).isEqualTo(M_MISSING);
    }
}
