package io.relata.core.standardize;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class EmailStandardizerTest {
    private final EmailStandardizer emails = new EmailStandardizer();

    @Test
    void trimsAndLowercases() {
        assertThat(emails.standardize("  John.Smith@Example.COM ")).isEqualTo("john.smith@example.com");
    }

    @Test
    void gmailDotsAndGooglemail() {
        assertThat(emails.standardize("J.O.H.N.Smith@gmail.com")).isEqualTo("johnsmith@gmail.com");
        assertThat(emails.standardize("john.smith@googlemail.com")).isEqualTo("johnsmith@gmail.com");
    }

    @Test
    void plusTagsRemovedEverywhere() {
        assertThat(emails.standardize("john+news@example.org")).isEqualTo("john@example.org");
        assertThat(emails.standardize("j.smith+a+b@gmail.com")).isEqualTo("jsmith@gmail.com");
    }

    @Test
    void implausibleAddressesAreNull() {
        assertThat(emails.standardize(null)).isNull();
        assertThat(emails.standardize("")).isNull();
        assertThat(emails.standardize("john")).isNull();
        assertThat(emails.standardize("@example.com")).isNull();
        assertThat(emails.standardize("a@b@example.com")).isNull();
        assertThat(emails.standardize("john@localhost")).isNull();
        assertThat(emails.standardize("john@example.")).isNull();
        assertThat(emails.standardize("john smith@example.com")).isNull();
    }

    @Property
    void idempotent(@ForAll String s) {
        String once = emails.standardize(s);
        if (once != null) assertThat(emails.standardize(once)).isEqualTo(once);
    }
}
