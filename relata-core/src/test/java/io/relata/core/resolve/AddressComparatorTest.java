package io.relata.core.resolve;

import static io.relata.core.resolve.AddressComparator.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.relata.core.standardize.AddressFeatures;
import org.junit.jupiter.api.Test;

class AddressComparatorTest {

    private static AddressFeatures[] at(String line1, String city, String postcode) {
        return Records.person("S", "1").given("Ana").surname("Lopez").address(line1, city, postcode).features()
                .addresses();
    }

    private static final AddressFeatures[] NONE = Records.person("S", "2").given("Ana").surname("Lopez").features()
            .addresses();

    @Test
    void sameDwellingIsExactAndReportsItsKey() {
        String[] agreed = new String[1];
        AddressFeatures[] a = at("12 Main St", "Springfield", "62704");
        assertThat(level(a, at("12 MAIN STREET", "springfield", "62704"), agreed)).isEqualTo(EXACT);
        assertThat(agreed[0]).isEqualTo(a[0].key()).isNotNull();
    }

    @Test
    void sameStreetAndNumberWithAnotherPostcodeIsStreet() {
        String[] agreed = new String[1];
        assertThat(level(at("12 Main St", "Springfield", "62704"), at("12 Main Street", "Springfield", "62701"),
                agreed)).isEqualTo(STREET);
        assertThat(agreed[0]).isNull();
    }

    @Test
    void samePostcodeOnlyIsLocality() {
        assertThat(level(at("12 Main St", "Springfield", "62704"), at("99 Oak Ave", "Springfield", "62704"),
                new String[1])).isEqualTo(LOCALITY);
        // another house number on the same street is a neighbour, not the same dwelling
        assertThat(level(at("12 Main St", "Springfield", "62704"), at("14 Main St", "Springfield", "62704"),
                new String[1])).isEqualTo(LOCALITY);
    }

    @Test
    void unrelatedAddressesAreDifferent() {
        assertThat(level(at("12 Main St", "Springfield", "62704"), at("7 Harbour Rd", "Portland", "97201"),
                new String[1])).isEqualTo(DIFFERENT);
    }

    @Test
    void noAddressIsMissing() {
        assertThat(NONE).isEmpty();
        assertThat(level(NONE, at("12 Main St", "Springfield", "62704"), new String[1])).isEqualTo(MISSING);
    }

    @Test
    void symmetric() {
        AddressFeatures[][] all = {at("12 Main St", "Springfield", "62704"), at("12 Main St", "Springfield", "62701"),
                at("99 Oak Ave", "Springfield", "62704"), at("7 Harbour Rd", "Portland", "97201"), NONE};
        for (AddressFeatures[] a : all) {
            for (AddressFeatures[] b : all) {
                assertThat(level(a, b, new String[1])).isEqualTo(level(b, a, new String[1]));
            }
        }
    }
}
