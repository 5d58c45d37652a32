package io.relata.core.standardize;

import static org.assertj.core.api.Assertions.assertThat;

import io.relata.core.standardize.OrganizationNameStandardizer.StandardOrgName;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class OrganizationNameStandardizerTest {
    private final OrganizationNameStandardizer orgs = new OrganizationNameStandardizer();

    @Test
    void legalFormsCanonicalized() {
        assertThat(orgs.standardize("Acme Incorporated").legalForm()).isEqualTo("inc");
        assertThat(orgs.standardize("Acme, Inc.").name()).isEqualTo("acme");
        assertThat(orgs.standardize("Acme Limited").legalForm()).isEqualTo("ltd");
        assertThat(orgs.standardize("Acme Corporation").legalForm()).isEqualTo("corp");
        assertThat(orgs.standardize("Acme Company").legalForm()).isEqualTo("co");
        assertThat(orgs.standardize("Siemens AG").legalForm()).isEqualTo("ag");
        assertThat(orgs.standardize("Müller GmbH").name()).isEqualTo("muller");
    }

    @Test
    void dottedForms() {
        assertThat(orgs.standardize("Telefónica S.A.").legalForm()).isEqualTo("sa");
        assertThat(orgs.standardize("Telefónica S.A.").name()).isEqualTo("telefonica");
        assertThat(orgs.standardize("Fiat S.p.A.").legalForm()).isEqualTo("spa");
        assertThat(orgs.standardize("Philips B.V.").legalForm()).isEqualTo("bv");
        StandardOrgName cl = orgs.standardize("Huawei Technologies Co., Ltd.");
        assertThat(cl.name()).isEqualTo("huawei technologies");
        assertThat(cl.legalForm()).isEqualTo("co ltd");
        assertThat(orgs.standardize("Woolworths Pty Ltd").legalForm()).isEqualTo("pty ltd");
        assertThat(orgs.standardize("Cemex S.A. de C.V.").name()).isEqualTo("cemex");
        assertThat(orgs.standardize("Maersk A/S").legalForm()).isEqualTo("as");
    }

    @Test
    void ampersandTheAndTokens() {
        StandardOrgName o = orgs.standardize("The Johnson & Johnson Company");
        assertThat(o.name()).isEqualTo("johnson and johnson");
        assertThat(o.tokens()).containsExactly("johnson", "and", "johnson");
        assertThat(orgs.standardize("Smith & Co.").name()).isEqualTo("smith");
        assertThat(orgs.standardize("ООО Ромашка").name()).isEqualTo("romashka");
    }

    @Test
    void neverStripsTheWholeName() {
        assertThat(orgs.standardize("Company").name()).isEqualTo("company");
        assertThat(orgs.standardize("The").name()).isEqualTo("the");
        assertThat(orgs.standardize("AB").name()).isEqualTo("ab");
        assertThat(orgs.standardize("Acme").legalForm()).isNull();
        assertThat(orgs.standardize(null).name()).isEmpty();
    }

    @Property
    void idempotentAndFolded(@ForAll String s) {
        StandardOrgName once = orgs.standardize(s);
        assertThat(once.name()).matches("([a-z0-9]+( [a-z0-9]+)*)?");
        StandardOrgName twice = orgs.standardize(once.name());
        assertThat(twice.name()).isEqualTo(once.name());
    }
}
