package io.relata.core.resolve;

import static io.relata.core.resolve.ContactComparator.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.relata.core.standardize.RecordFeatures;
import org.junit.jupiter.api.Test;

class ContactComparatorTest {

    private static RecordFeatures withPhones(String... phones) {
        var b = Records.person("S", "1").given("Ana").surname("Lopez");
        for (String p : phones) b.phone(p);
        return b.features();
    }

    private static RecordFeatures withEmails(String... emails) {
        var b = Records.person("S", "1").given("Ana").surname("Lopez");
        for (String e : emails) b.email(e);
        return b.features();
    }

    private static int phones(RecordFeatures a, RecordFeatures b, String[] agreed) {
        return ContactComparator.phones(a.phones(), b.phones(), agreed);
    }

    private static int emails(RecordFeatures a, RecordFeatures b, String[] agreed) {
        return ContactComparator.emails(a.emails(), b.emails(), agreed);
    }

    @Test
    void samePhoneWrittenDifferentlyIsExactAndReportsTheNumber() {
        String[] agreed = new String[1];
        assertThat(phones(withPhones("+1 312 867 4411"), withPhones("(312) 867-4411"), agreed)).isEqualTo(EXACT);
        assertThat(agreed[0]).isEqualTo("3128674411"); // the national significant number
    }

    @Test
    void anyOfSeveralPhonesMayAgree() {
        String[] agreed = new String[1];
        assertThat(phones(withPhones("312 555 7788", "312-867-4411"), withPhones("+1 415 222 9876", "3128674411"),
                agreed)).isEqualTo(EXACT);
        assertThat(agreed[0]).isEqualTo("3128674411"); // the national significant number
    }

    @Test
    void oneDigitOffIsClose() {
        String[] agreed = new String[1];
        assertThat(phones(withPhones("312 867 4411"), withPhones("312 867 4412"), agreed)).isEqualTo(CLOSE);
        assertThat(phones(withPhones("312 867 4411"), withPhones("312 867 4141"), agreed)).isEqualTo(CLOSE);
        assertThat(agreed[0]).isNull();
    }

    @Test
    void unrelatedPhonesAreDifferent() {
        assertThat(phones(withPhones("312 867 4411"), withPhones("415 222 9876"), new String[1])).isEqualTo(DIFFERENT);
    }

    @Test
    void noPhoneOnEitherSideIsMissing() {
        assertThat(phones(withPhones(), withPhones("312 867 4411"), new String[1])).isEqualTo(MISSING);
        assertThat(phones(withPhones("312 867 4411"), withPhones(), new String[1])).isEqualTo(MISSING);
        // a placeholder number is dropped by the standardizer, so it is no evidence either
        assertThat(phones(withPhones("111-111-1111"), withPhones("312 867 4411"), new String[1])).isEqualTo(MISSING);
    }

    @Test
    void sameEmailIsExactWhateverTheCase() {
        String[] agreed = new String[1];
        assertThat(emails(withEmails("Ana.Lopez@Example.com"), withEmails("ana.lopez@example.com"), agreed))
                .isEqualTo(EXACT);
        assertThat(agreed[0]).isEqualTo("ana.lopez@example.com");
    }

    @Test
    void sameLocalPartAtAnotherDomainIsClose() {
        assertThat(emails(withEmails("ana.lopez@example.com"), withEmails("ana.lopez@yahoo.com"), new String[1]))
                .isEqualTo(CLOSE);
    }

    @Test
    void typoInTheAddressIsClose() {
        assertThat(emails(withEmails("ana.lopez@example.com"), withEmails("ana.lopez@exmaple.com"), new String[1]))
                .isEqualTo(CLOSE);
        assertThat(emails(withEmails("ana.lopez@example.com"), withEmails("ana.lopes@example.com"), new String[1]))
                .isEqualTo(CLOSE);
    }

    @Test
    void unrelatedEmailsAreDifferent() {
        assertThat(emails(withEmails("ana.lopez@example.com"), withEmails("kwame.mensah@post.org"), new String[1]))
                .isEqualTo(DIFFERENT);
    }

    @Test
    void noEmailIsMissing() {
        assertThat(emails(withEmails(), withEmails("ana.lopez@example.com"), new String[1])).isEqualTo(MISSING);
    }
}
