package io.relata.core.standardize;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CountryStandardizerTest {

    @Test
    void codesInAnyCase() {
        assertThat(CountryStandardizer.toIso2("us")).isEqualTo("US");
        assertThat(CountryStandardizer.toIso2("DEU")).isEqualTo("DE");
        assertThat(CountryStandardizer.toIso2("mex")).isEqualTo("MX");
        assertThat(CountryStandardizer.toIso2(" gb ")).isEqualTo("GB");
    }

    @Test
    void englishNames() {
        assertThat(CountryStandardizer.toIso2("Germany")).isEqualTo("DE");
        assertThat(CountryStandardizer.toIso2("AUSTRALIA")).isEqualTo("AU");
        assertThat(CountryStandardizer.toIso2("El Salvador")).isEqualTo("SV");
        assertThat(CountryStandardizer.toIso2("Côte d’Ivoire")).isEqualTo("CI");
    }

    @Test
    void aliases() {
        assertThat(CountryStandardizer.toIso2("United States of America")).isEqualTo("US");
        assertThat(CountryStandardizer.toIso2("U.S.A.")).isEqualTo("US");
        assertThat(CountryStandardizer.toIso2("England")).isEqualTo("GB");
        assertThat(CountryStandardizer.toIso2("UK")).isEqualTo("GB");
        assertThat(CountryStandardizer.toIso2("Russian Federation")).isEqualTo("RU");
        assertThat(CountryStandardizer.toIso2("Korea, Republic of")).isEqualTo("KR");
        assertThat(CountryStandardizer.toIso2("North Korea")).isEqualTo("KP");
        assertThat(CountryStandardizer.toIso2("Viet Nam")).isEqualTo("VN");
        assertThat(CountryStandardizer.toIso2("Czechia")).isEqualTo("CZ");
        assertThat(CountryStandardizer.toIso2("Ivory Coast")).isEqualTo("CI");
        assertThat(CountryStandardizer.toIso2("Holland")).isEqualTo("NL");
        assertThat(CountryStandardizer.toIso2("Burma")).isEqualTo("MM");
        assertThat(CountryStandardizer.toIso2("UAE")).isEqualTo("AE");
        assertThat(CountryStandardizer.toIso2("DRC")).isEqualTo("CD");
        assertThat(CountryStandardizer.toIso2("Iran")).isEqualTo("IR");
    }

    @Test
    void unknown() {
        assertThat(CountryStandardizer.toIso2("Atlantis")).isNull();
        assertThat(CountryStandardizer.toIso2("")).isNull();
        assertThat(CountryStandardizer.toIso2(null)).isNull();
    }

    @Property
    void neverThrowsAndAnswersTwoUpperLettersOrNull(@ForAll String s) {
        String c = CountryStandardizer.toIso2(s);
        if (c != null) assertThat(c).matches("[A-Z]{2}");
    }
}
