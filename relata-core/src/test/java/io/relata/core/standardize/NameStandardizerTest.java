package io.relata.core.standardize;

import static org.assertj.core.api.Assertions.assertThat;

import io.relata.core.model.Name;
import io.relata.core.model.NameUse;
import io.relata.core.standardize.NameStandardizer.StandardName;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class NameStandardizerTest {
    private final NameStandardizer names = new NameStandardizer();

    private StandardName full(String s) {
        return names.standardize(Name.full(s));
    }

    @Test
    void titleAndSuffixAreTakenOut() {
        StandardName n = full("Dr. William Smith Jr.");
        assertThat(n.title()).isEqualTo("dr");
        assertThat(n.suffix()).isEqualTo("jr");
        assertThat(n.given()).containsExactly("william");
        assertThat(n.surname()).containsExactly("smith");
        assertThat(n.orderKnown()).isFalse();
    }

    @Test
    void suffixesNormalized() {
        assertThat(full("John Smith Junior").suffix()).isEqualTo("jr");
        assertThat(full("John Smith Senior").suffix()).isEqualTo("sr");
        assertThat(full("John Smith III").suffix()).isEqualTo("iii");
        assertThat(full("William Smith, Jr.").suffix()).isEqualTo("jr");
        assertThat(full("William Smith, Jr.").surname()).containsExactly("smith");
        assertThat(names.standardize(Name.of("John", null, "Smith Sr")).suffix()).isEqualTo("sr");
    }

    @Test
    void commaMeansSurnameFirst() {
        StandardName n = full("García López, José Antonio");
        assertThat(n.surname()).containsExactly("garcia", "lopez");
        assertThat(n.given()).containsExactly("jose", "antonio");
        assertThat(n.orderKnown()).isTrue();
        StandardName m = full("SMITH, Mr John A.");
        assertThat(m.title()).isEqualTo("mr");
        assertThat(m.given()).containsExactly("john", "a");
    }

    @Test
    void withoutCommaLastTokenIsSurnameAndOrderUnknown() {
        StandardName n = full("Maria Elena Gomez");
        assertThat(n.given()).containsExactly("maria", "elena");
        assertThat(n.surname()).containsExactly("gomez");
        assertThat(n.orderKnown()).isFalse();
        assertThat(full("Madonna").surname()).containsExactly("madonna");
        assertThat(full("Madonna").given()).isEmpty();
    }

    @Test
    void partsFormKnowsTheOrderAndJoinsMiddleNames() {
        StandardName n = names.standardize(Name.of("J.", "Robert", "García-López"));
        assertThat(n.given()).containsExactly("j", "robert");
        assertThat(n.surname()).containsExactly("garcia", "lopez");
        assertThat(n.orderKnown()).isTrue();
        assertThat(n.title()).isNull();
        assertThat(n.suffix()).isNull();
    }

    @Test
    void particlesRemoved() {
        assertThat(names.standardize(Name.of("Ahmed", null, "al-Rashid")).surname()).containsExactly("rashid");
        assertThat(names.standardize(Name.of("Osama", null, "bin Laden")).surname()).containsExactly("laden");
        assertThat(names.standardize(Name.of("Jan", null, "Van der Berg")).surname()).containsExactly("berg");
        assertThat(names.standardize(Name.of("Juan", null, "de la Cruz")).surname()).containsExactly("cruz");
        assertThat(full("Ludwig van Beethoven").surname()).containsExactly("beethoven");
        assertThat(full("Ludwig van Beethoven").given()).containsExactly("ludwig");
        assertThat(full("Ahmed Al-Rashid").surname()).containsExactly("rashid");
    }

    @Test
    void particlesNeverEmptyTheNameOrSteal() {
        assertThat(names.standardize(Name.of("Marine", null, "Le")).surname()).containsExactly("le");
        assertThat(names.standardize(Name.of("X", null, "Van Der")).surname()).containsExactly("van", "der");
        StandardName al = full("Al Pacino");
        assertThat(al.given()).containsExactly("al");
        assertThat(al.surname()).containsExactly("pacino");
    }

    @Test
    void hanNamesAreFamilyNameFirst() {
        StandardName n = full("王小明");
        assertThat(n.surname()).containsExactly("wang");
        assertThat(n.given()).containsExactly("xiaoming");
        assertThat(n.orderKnown()).isTrue();
    }

    @Test
    void aliasFlag() {
        assertThat(names.standardize(new Name("Bobby Smith", null, null, null, NameUse.ALIAS)).alias()).isTrue();
        assertThat(full("Bobby Smith").alias()).isFalse();
    }

    @Test
    void emptyInput() {
        assertThat(names.standardize(null).given()).isEmpty();
        assertThat(full("  ").surname()).isEmpty();
    }

    @Test
    void nicknameRoots() {
        assertThat(NameStandardizer.nicknameRoot("bill")).isEqualTo(NameStandardizer.nicknameRoot("william"));
        assertThat(NameStandardizer.nicknameRoot("bill")).isEqualTo("william");
        assertThat(NameStandardizer.nicknameRoot("muhammad")).isEqualTo(NameStandardizer.nicknameRoot("mohamed"));
        assertThat(NameStandardizer.nicknameRoot("peggy")).isEqualTo("margaret");
        assertThat(NameStandardizer.nicknameRoot("giuseppe")).isEqualTo(NameStandardizer.nicknameRoot("yusuf"));
        assertThat(NameStandardizer.nicknameRoot("oleksandr")).isEqualTo("alexander");
        assertThat(NameStandardizer.nicknameRoot("evgeny")).isEqualTo("eugene");
        assertThat(NameStandardizer.nicknameRoot("pierre")).isEqualTo("peter");
        assertThat(NameStandardizer.nicknameRoot("ivan")).isNotEqualTo(NameStandardizer.nicknameRoot("john"));
        assertThat(NameStandardizer.nicknameRoot("juan")).isNotEqualTo(NameStandardizer.nicknameRoot("john"));
        assertThat(NameStandardizer.nicknameRoot("zebulon")).isEqualTo("zebulon");
    }

    @Test
    void variantTableIsLargeAndEachTokenInOneGroup() throws Exception {
        Map<String, Integer> seen = new HashMap<>();
        int groups = 0;
        try (var r = new BufferedReader(new InputStreamReader(
                NameStandardizer.class.getResourceAsStream("given-name-variants.txt"), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                groups++;
                for (String t : line.split(",")) {
                    assertThat(t).as("entry in line %d", groups).matches("[a-z]+");
                    Integer before = seen.put(t, groups);
                    assertThat(before).as("'%s' appears in two groups", t).isNull();
                }
            }
        }
        assertThat(groups).isGreaterThanOrEqualTo(400);
    }

    @Test
    void phoneticCodes() {
        assertThat(NameStandardizer.phonetic("smith")).isEqualTo(NameStandardizer.phonetic("smyth"));
        assertThat(NameStandardizer.phonetic("schwarzenegger").length()).isLessThanOrEqualTo(6);
        assertThat(NameStandardizer.phonetic("")).isEmpty();
    }

    @Property
    void neverThrowsAndTokensAreFolded(@ForAll String s) {
        StandardName n = full(s);
        for (String t : n.given()) assertThat(t).matches("[a-z0-9]+");
        for (String t : n.surname()) assertThat(t).matches("[a-z0-9]+");
    }

    @Property
    void partsAreIdempotent(@ForAll String given, @ForAll String surname) {
        StandardName once = names.standardize(Name.of(given, null, surname));
        StandardName twice = names.standardize(Name.of(String.join(" ", once.given()), null,
                String.join(" ", once.surname())));
        assertThat(twice.given()).isEqualTo(once.given());
        assertThat(twice.surname()).isEqualTo(once.surname());
    }
}
