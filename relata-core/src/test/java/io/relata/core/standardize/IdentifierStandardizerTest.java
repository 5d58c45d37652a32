package io.relata.core.standardize;

import static org.assertj.core.api.Assertions.assertThat;

import io.relata.core.model.Identifier;
import io.relata.core.standardize.IdentifierStandardizer.StandardIdentifier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class IdentifierStandardizerTest {
    private final IdentifierStandardizer ids = new IdentifierStandardizer();

    private StandardIdentifier id(String type, String value, String country) {
        return ids.standardize(new Identifier(type, value, country));
    }

    @Test
    void typeSynonyms() {
        assertThat(id("A-Number", "A12345678", null).type()).isEqualTo("A_NUMBER");
        assertThat(id("anumber", "A12345678", null).type()).isEqualTo("A_NUMBER");
        assertThat(id("Alien Number", "A12345678", null).type()).isEqualTo("A_NUMBER");
        assertThat(id("A#", "A12345678", null).type()).isEqualTo("A_NUMBER");
        assertThat(id("Social Security", "123456789", null).type()).isEqualTo("SSN");
        assertThat(id("soc_sec_id", "1234567", null).type()).isEqualTo("SSN");
        assertThat(id("DL", "X1", null).type()).isEqualTo("DRIVERS_LICENSE");
        assertThat(id("driver license", "X1", null).type()).isEqualTo("DRIVERS_LICENSE");
        assertThat(id("passport number", "X1234567", null).type()).isEqualTo("PASSPORT");
        assertThat(id("Library Card", "77", null).type()).isEqualTo("LIBRARY_CARD");
    }

    @Test
    void aNumbers() {
        StandardIdentifier ok = id("A_NUMBER", "A12345678", null);
        assertThat(ok.valid()).isTrue();
        assertThat(ok.value()).isEqualTo("A12345678");
        assertThat(id("A_NUMBER", "a-123-456-789", null).value()).isEqualTo("A123456789");
        assertThat(id("A_NUMBER", "012345678", null).value()).isEqualTo("A012345678");
        StandardIdentifier bad = id("A_NUMBER", "A1234", null);
        assertThat(bad.valid()).isFalse();
        assertThat(bad.problem()).contains("8 or 9 digits");
    }

    @Test
    void ssnRulesOnlyForNineDigitUsNumbers() {
        StandardIdentifier ok = id("SSN", "123-45-6789", "US");
        assertThat(ok.value()).isEqualTo("123456789");
        assertThat(ok.valid()).isTrue();
        assertThat(ok.country()).isEqualTo("US");
        assertThat(id("SSN", "666-45-6789", null).problem()).startsWith("invalid SSN area");
        assertThat(id("SSN", "923456789", null).valid()).isFalse();
        assertThat(id("SSN", "123-00-6789", null).problem()).isEqualTo("invalid SSN group 00");
        assertThat(id("SSN", "123-45-0000", null).valid()).isFalse();
        StandardIdentifier febrl = id("SSN", "4563527", null);
        assertThat(febrl.valid()).isTrue();
        assertThat(febrl.problem()).isNull();
        assertThat(id("SSN", "666456789", "Canada").valid()).isTrue();
        assertThat(id("SSN", "12A4567", null).valid()).isFalse();
    }

    @Test
    void passports() {
        assertThat(id("PASSPORT", "x 1234 567", "gbr").value()).isEqualTo("X1234567");
        assertThat(id("PASSPORT", "X1234567", "gbr").country()).isEqualTo("GB");
        assertThat(id("PASSPORT", "X12", null).valid()).isFalse();
    }

    @Test
    void placeholders() {
        for (String v : new String[] {"000000000", "0", "XXXXXXX", "unknown", "N/A", "none"}) {
            StandardIdentifier p = id("PASSPORT", v, null);
            assertThat(p.valid()).as(v).isFalse();
            assertThat(p.problem()).as(v).isEqualTo("placeholder");
        }
        assertThat(id("PASSPORT", "", null).problem()).isEqualTo("empty");
    }

    @Property
    void neverThrowsAndValueIsClean(@ForAll String type, @ForAll String value) {
        StandardIdentifier s = ids.standardize(new Identifier(type, value, null));
        assertThat(s.value()).doesNotContain(" ", "-", ".");
        assertThat(s.valid() == (s.problem() == null)).isTrue();
    }
}
