package io.relata.core.standardize;

import static org.assertj.core.api.Assertions.assertThat;

import io.relata.core.model.Address;
import io.relata.core.standardize.AddressStandardizer.StandardAddress;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class AddressStandardizerTest {
    private final AddressStandardizer addresses = new AddressStandardizer();

    private StandardAddress parts(String line1, String line2, String city, String region, String postcode, String country) {
        return addresses.standardize(new Address(null, line1, line2, city, region, postcode, country), "AU");
    }

    private StandardAddress full(String s) {
        return addresses.standardize(Address.full(s), "US");
    }

    @Test
    void abbreviationsUnified() {
        StandardAddress a = parts("12 N. Main St.", null, "Springfield", "IL", "62704", "USA");
        assertThat(a.houseNumber()).isEqualTo("12");
        assertThat(a.street()).isEqualTo("north main street");
        assertThat(a.country()).isEqualTo("US");
        assertThat(parts("5 Ocean Blvd", null, null, null, null, null).street()).isEqualTo("ocean boulevard");
        assertThat(parts("5 Park Ave", null, null, null, null, null).street()).isEqualTo("park avenue");
        assertThat(parts("5 Mulholland Dr", null, null, null, null, null).street()).isEqualTo("mulholland drive");
        assertThat(parts("5 Pacific Hwy", null, null, null, null, null).street()).isEqualTo("pacific highway");
        assertThat(parts("5 St Kilda Rd", null, "St Kilda", null, null, null).street()).isEqualTo("saint kilda road");
        assertThat(parts("5 St Kilda Rd", null, "St Kilda", null, null, null).city()).isEqualTo("saint kilda");
    }

    @Test
    void unitsAndHouseNumbers() {
        StandardAddress apt = parts("221 Baker Street Apt 4B", null, null, null, null, null);
        assertThat(apt.houseNumber()).isEqualTo("221");
        assertThat(apt.unit()).isEqualTo("4b");
        assertThat(apt.street()).isEqualTo("baker street");
        assertThat(parts("10 Main St #12", null, null, null, null, null).unit()).isEqualTo("12");
        assertThat(parts("Unit 3, 10 Main St", null, null, null, null, null).unit()).isEqualTo("3");
        StandardAddress slash = parts("4/12 Smith St", null, null, null, null, null);
        assertThat(slash.unit()).isEqualTo("4");
        assertThat(slash.houseNumber()).isEqualTo("12");
        assertThat(slash.street()).isEqualTo("smith street");
        assertThat(parts("12a Smith St", null, null, null, null, null).houseNumber()).isEqualTo("12a");
        StandardAddress range = parts("12-14 Smith St", null, null, null, null, null);
        assertThat(range.houseNumber()).isEqualTo("12");
        assertThat(range.street()).isEqualTo("smith street");
        assertThat(parts("Hauptstraße 5", null, "Berlin", null, "10115", "DE").houseNumber()).isEqualTo("5");
    }

    @Test
    void febrlShape() {
        StandardAddress a = parts("2 port jackson circuit", "masonic memorial village", "sydney", "nsw", "2000", null);
        assertThat(a.houseNumber()).isEqualTo("2");
        assertThat(a.street()).isEqualTo("port jackson circuit");
        assertThat(a.city()).isEqualTo("sydney");
        assertThat(a.region()).isEqualTo("nsw");
        assertThat(a.postcode()).isEqualTo("2000");
        assertThat(a.country()).isEqualTo("AU");
        assertThat(a.full()).isEqualTo("2 port jackson circuit masonic memorial village sydney nsw 2000 au");
        StandardAddress swapped = parts("masonic memorial village", "2 port jackson cct", "sydney", "nsw", "2000", null);
        assertThat(swapped.street()).isEqualTo("port jackson circuit");
        assertThat(swapped.houseNumber()).isEqualTo("2");
    }

    @Test
    void fullLines() {
        StandardAddress us = full("123 Main St., Apt 4, Springfield, IL 62704, USA");
        assertThat(us.houseNumber()).isEqualTo("123");
        assertThat(us.street()).isEqualTo("main street");
        assertThat(us.unit()).isEqualTo("4");
        assertThat(us.city()).isEqualTo("springfield");
        assertThat(us.region()).isEqualTo("il");
        assertThat(us.postcode()).isEqualTo("62704");
        assertThat(us.country()).isEqualTo("US");
        assertThat(us.full()).isEqualTo("123 main street unit 4 springfield il 62704 us");

        StandardAddress uk = full("Flat 2, 10 Downing Street, London SW1A 2AA, United Kingdom");
        assertThat(uk.unit()).isEqualTo("2");
        assertThat(uk.houseNumber()).isEqualTo("10");
        assertThat(uk.city()).isEqualTo("london");
        assertThat(uk.postcode()).isEqualTo("SW1A2AA");
        assertThat(uk.country()).isEqualTo("GB");

        StandardAddress au = full("2 Port Jackson Cct, Sydney NSW 2000");
        assertThat(au.city()).isEqualTo("sydney");
        assertThat(au.region()).isEqualTo("nsw");
        assertThat(au.postcode()).isEqualTo("2000");
        assertThat(au.country()).isEqualTo("US"); // the default: nothing in the line says otherwise

        StandardAddress de = full("Hauptstr. 5, 10115 Berlin, Germany");
        assertThat(de.postcode()).isEqualTo("10115");
        assertThat(de.city()).isEqualTo("berlin");
        assertThat(de.country()).isEqualTo("DE");
    }

    @Test
    void postcodeAndCountryNormalized() {
        StandardAddress a = parts("1 A St", null, "Toronto", "ON", "m5v 3l9", "Canada");
        assertThat(a.postcode()).isEqualTo("M5V3L9");
        assertThat(a.country()).isEqualTo("CA");
        assertThat(parts("1 A St", null, null, null, null, "Atlantis").country()).isNull();
        assertThat(addresses.standardize(Address.full(""), null).full()).isEmpty();
    }

    @Property
    void neverThrowsAndFullIsFolded(@ForAll String line1, @ForAll String city, @ForAll String postcode) {
        StandardAddress a = parts(line1, null, city, null, postcode, null);
        assertThat(a.full()).matches("[a-z0-9 -]*");
        full(line1 + ", " + city + ", " + postcode);
    }
}
