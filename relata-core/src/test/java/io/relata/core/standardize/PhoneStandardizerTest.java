package io.relata.core.standardize;

import static org.assertj.core.api.Assertions.assertThat;

import io.relata.core.standardize.PhoneStandardizer.StandardPhone;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class PhoneStandardizerTest {
    private final PhoneStandardizer phones = new PhoneStandardizer();

    @Test
    void nationalFormWithRegion() {
        StandardPhone p = phones.standardize("(02) 9876 5432", "AU");
        assertThat(p.e164()).isEqualTo("+61298765432");
        assertThat(p.placeholder()).isFalse();
        assertThat(p.problem()).isNull();
        assertThat(phones.standardize("(202) 456-1414", "US").e164()).isEqualTo("+12024561414");
        assertThat(phones.standardize("020 7946 0958", "GB").e164()).isEqualTo("+442079460958");
    }

    @Test
    void regionMayBeAlpha3OrName() {
        assertThat(phones.standardize("(02) 9876 5432", "AUS").e164()).isEqualTo("+61298765432");
        assertThat(phones.standardize("(02) 9876 5432", "Australia").e164()).isEqualTo("+61298765432");
    }

    @Test
    void internationalFormNeedsNoRegion() {
        assertThat(phones.standardize("+44 20 7946 0958", null).e164()).isEqualTo("+442079460958");
        assertThat(phones.standardize("00 44 20 7946 0958", "DE").e164()).isEqualTo("+442079460958");
    }

    @Test
    void withoutRegionNationalNumbersKeepTheirDigitsForMatching() {
        StandardPhone p = phones.standardize("(02) 9876 5432", null);
        assertThat(p.e164()).isNull();
        assertThat(p.problem()).isEqualTo("no country for a national number");
        // the trunk prefix goes, so it meets the international form's national number
        assertThat(p.nationalNumber()).isEqualTo("298765432")
                .isEqualTo(phones.standardize("+61 2 9876 5432", null).nationalNumber());
    }

    @Test
    void placeholders() {
        assertThat(phones.standardize("000-000-0000", "US").placeholder()).isTrue();
        assertThat(phones.standardize("9999999999", "US").placeholder()).isTrue();
        assertThat(phones.standardize("1111111", "US").placeholder()).isTrue();
        assertThat(phones.standardize("1234567890", "US").placeholder()).isTrue();
        assertThat(phones.standardize("0123456789", "GB").placeholder()).isTrue();
        assertThat(phones.standardize("12345", "US").placeholder()).isTrue();
        StandardPhone fiction = phones.standardize("(212) 555-0123", "US");
        assertThat(fiction.placeholder()).isTrue();
        assertThat(fiction.e164()).isEqualTo("+12125550123");
        assertThat(phones.standardize("(212) 555-2368", "US").placeholder()).isFalse();
    }

    @Test
    void impossibleAndJunk() {
        assertThat(phones.standardize("12", "US").e164()).isNull();
        assertThat(phones.standardize("n/a", "US").problem()).isEqualTo("no digits");
        assertThat(phones.standardize(null, "US").e164()).isNull();
    }

    @Test
    void validityReportedNotRequired() {
        StandardPhone fake = phones.standardize("(212) 123-4567", "US"); // exchange may not start with 1
        assertThat(fake.e164()).isEqualTo("+12121234567");
        assertThat(fake.valid()).isFalse();
        assertThat(phones.standardize("(02) 9876 5432", "AU").valid()).isTrue();
    }

    @Property
    void neverThrows(@ForAll String s) {
        StandardPhone p = phones.standardize(s, "US");
        if (p.e164() != null) assertThat(p.e164()).matches("\\+[0-9]{4,17}");
    }

    @Property
    void idempotent(@ForAll String s) {
        StandardPhone p = phones.standardize(s, "US");
        if (p.e164() != null) assertThat(phones.standardize(p.e164(), "US").e164()).isEqualTo(p.e164());
    }
}
