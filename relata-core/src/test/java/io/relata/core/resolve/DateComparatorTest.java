package io.relata.core.resolve;

import static io.relata.core.resolve.DateComparator.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.relata.core.standardize.DateStandardizer.StandardDate;
import org.junit.jupiter.api.Test;

class DateComparatorTest {

    private static StandardDate dob(String raw) {
        StandardDate d = Records.person("S", "1").given("Ana").surname("Lopez").dob(raw).features().dob();
        assertThat(d).as("dob %s", raw).isNotNull();
        return d;
    }

    private static int level(String a, String b) {
        return DateComparator.level(dob(a), dob(b));
    }

    @Test
    void sameDateIsExactWhateverTheFormat() {
        assertThat(level("1980-05-03", "03/05/1980")).isEqualTo(EXACT);
        assertThat(level("1980-05-03", "3 May 1980")).isEqualTo(EXACT);
    }

    @Test
    void aDateThatCannotBeRealIsCloseWhenOneDigitOffAndNeverAgainst() {
        var typo = Records.person("S", "2").given("Ana").surname("Lopez").dob("19402704").features();
        assertThat(typo.dob()).isNull();
        assertThat(typo.implausibleDob()).isEqualTo(19402704);
        // 1940-27-04 is 1942-07-04 with two neighbouring digits swapped
        assertThat(DateComparator.level(dob("1942-07-04"), 0, null, typo.implausibleDob())).isEqualTo(CLOSE);
        assertThat(DateComparator.level(null, typo.implausibleDob(), dob("1942-07-04"), 0)).isEqualTo(CLOSE);
        assertThat(DateComparator.level(dob("1961-03-15"), 0, null, typo.implausibleDob())).isEqualTo(MISSING);
        // a placeholder is not a typo of anything
        var placeholder = Records.person("S", "3").given("Ana").surname("Lopez").dob("1900-01-01").features();
        assertThat(placeholder.implausibleDob()).isZero();
    }

    @Test
    void dayAndMonthExchangedIsSwapped() {
        assertThat(level("1980-05-03", "1980-03-05")).isEqualTo(SWAPPED);
    }

    @Test
    void aDateWrittenSoThatItReadsEitherWayMatchesItsOtherReading() {
        // a US source's 05/03/1980 is 3 May; read day first it is 5 March
        assertThat(level("1980-05-03", "05/03/1980")).isEqualTo(EXACT);
        assertThat(level("05/03/1980", "1980-05-03")).isEqualTo(EXACT);
        assertThat(level("1980-05-03", "03/05/1980")).isEqualTo(EXACT);
        assertThat(level("1980-05-03", "1980-03-05")).isEqualTo(SWAPPED); // both unambiguous: a clerk's swap
    }

    @Test
    void oneWrongDigitIsClose() {
        assertThat(level("1980-05-03", "1986-05-03")).isEqualTo(CLOSE);
        assertThat(level("1980-05-13", "1980-05-18")).isEqualTo(CLOSE);
        // neighbouring digits swapped in the year
        assertThat(level("1978-05-03", "1987-05-03")).isEqualTo(CLOSE);
    }

    @Test
    void oneDayApartIsClose() {
        // 09 -> 10 changes two digits: only the day-distance rule makes these close
        assertThat(level("1980-05-09", "1980-05-10")).isEqualTo(CLOSE);
        assertThat(level("1980-05-10", "1980-05-09")).isEqualTo(CLOSE);
        assertThat(level("1979-05-09", "1980-05-09")).isEqualTo(CLOSE);
    }

    @Test
    void oneDayApartAcrossAMonthBoundaryIsClose() {
        assertThat(level("1980-05-31", "1980-06-01")).isEqualTo(CLOSE);
        assertThat(level("1979-12-31", "1980-01-01")).isEqualTo(CLOSE);
    }

    @Test
    void yearOnlyAgainstAFullDate() {
        assertThat(level("1980", "1980-05-03")).isEqualTo(PARTIAL);
        assertThat(level("May 1980", "1980-05-03")).isEqualTo(PARTIAL);
        assertThat(level("1980", "1981-05-03")).isEqualTo(PARTIAL_DIFFERENT);
        assertThat(level("May 1980", "1980-06-03")).isEqualTo(PARTIAL_DIFFERENT);
        assertThat(level("1980", "1980")).isEqualTo(PARTIAL);
    }

    @Test
    void withinAYearIsNearNotAConflict() {
        assertThat(level("1987-06-06", "1988-06-05")).isEqualTo(NEAR); // a year and a day: two digits off
        assertThat(level("1980-05-03", "1980-09-27")).isEqualTo(NEAR);
        assertThat(level("1980-05-03", "1981-05-04")).isEqualTo(NEAR);
        assertThat(level("1980-05-03", "1981-05-05")).isEqualTo(DIFFERENT); // 367 days
        assertThat(MatchModel.defaults().parameters(Feature.DOB).levels().get(NEAR).conflict()).isFalse();
    }

    @Test
    void unrelatedDatesAreDifferent() {
        assertThat(level("1980-05-03", "1952-11-21")).isEqualTo(DIFFERENT);
        assertThat(level("1980-05-03", "2010-05-03")).isEqualTo(DIFFERENT); // father and son, same birthday
    }

    @Test
    void absentDateIsMissing() {
        assertThat(DateComparator.level(null, dob("1980-05-03"))).isEqualTo(MISSING);
        assertThat(DateComparator.level(dob("1980-05-03"), null)).isEqualTo(MISSING);
    }

    @Test
    void symmetric() {
        String[] dates = {"1980-05-03", "1980-03-05", "1986-05-03", "1980-05-04", "1980", "1981", "May 1980",
                "1952-11-21", "1980-05-31", "1980-06-01", "1980-11-30", "1981-05-02"};
        for (String a : dates) {
            for (String b : dates) {
                assertThat(level(a, b)).as("%s vs %s", a, b).isEqualTo(level(b, a));
            }
        }
    }

    @Test
    void levelConstantsMatchTheFeatureLevels() {
        for (int l = 0; l < Feature.DOB.levelCount(); l++) assertThat(Feature.DOB.level(Feature.DOB.levels().get(l))).isEqualTo(l);
        assertThat(Feature.DOB.levels().get(PARTIAL_DIFFERENT)).isEqualTo("PARTIAL_DIFFERENT");
        assertThat(Feature.DOB.missing()).isEqualTo(MISSING);
    }
}
