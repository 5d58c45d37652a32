package io.relata.core.resolve;

import static io.relata.core.resolve.OrgNameComparator.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.relata.core.standardize.OrganizationNameStandardizer.StandardOrgName;
import org.junit.jupiter.api.Test;

class OrgNameComparatorTest {

    private static StandardOrgName[] org(String... names) {
        var b = Records.org("S", "1");
        for (String n : names) b.fullName(n);
        return b.features().orgNames();
    }

    private static int level(StandardOrgName[] a, StandardOrgName[] b) {
        return OrgNameComparator.level(a, b, new String[1]);
    }

    @Test
    void legalFormAndCaseDoNotMatter() {
        String[] agreed = new String[1];
        assertThat(OrgNameComparator.level(org("Acme Corp"), org("ACME Corporation"), agreed)).isEqualTo(EXACT);
        assertThat(agreed[0]).isEqualTo("acme");
        assertThat(level(org("The Acme Company"), org("Acme Co."))).isEqualTo(EXACT);
    }

    @Test
    void typoIsFuzzy() {
        assertThat(level(org("Northwind Traders Inc"), org("Northwind Tradres"))).isEqualTo(FUZZY);
    }

    @Test
    void halfTheWordsSharedIsTokens() {
        assertThat(level(org("Global Acme Widgets"), org("Acme Widgets Holdings"))).isEqualTo(TOKENS);
    }

    @Test
    void unrelatedNamesAreDifferent() {
        assertThat(level(org("Acme Corp"), org("Zenith Foods Ltd"))).isEqualTo(DIFFERENT);
        // one shared word of five is not enough
        assertThat(level(org("First National Bank of Ohio"), org("First Baptist Church"))).isEqualTo(DIFFERENT);
    }

    @Test
    void anyOfSeveralNamesMayAgree() {
        assertThat(level(org("Zenith Foods", "Acme Corp"), org("ACME Corporation"))).isEqualTo(EXACT);
    }

    @Test
    void noNameIsMissing() {
        assertThat(level(org(), org("Acme"))).isEqualTo(MISSING);
    }
}
