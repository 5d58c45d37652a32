package io.relata.core.standardize;

import static org.assertj.core.api.Assertions.assertThat;

import io.relata.core.standardize.DateStandardizer.StandardDate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class DateStandardizerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-15T12:00:00Z"), ZoneOffset.UTC);
    private final DateStandardizer dates = new DateStandardizer(false, CLOCK);
    private final DateStandardizer us = new DateStandardizer(true, CLOCK);

    private int packed(String raw) {
        StandardDate d = dates.parse(raw);
        return d == null ? -1 : d.packed();
    }

    @Test
    void isoAndCompactForms() {
        assertThat(packed("1980-05-12")).isEqualTo(19800512);
        assertThat(packed("19800512")).isEqualTo(19800512);
        assertThat(packed("1980/05/12")).isEqualTo(19800512);
        assertThat(packed("1980-05-12T10:30:00Z")).isEqualTo(19800512);
        assertThat(packed("1980-05-12 10:30")).isEqualTo(19800512);
    }

    @Test
    void dayFirstUnlessToldOtherwise() {
        assertThat(packed("03/04/1980")).isEqualTo(19800403);
        assertThat(us.parse("03/04/1980").packed()).isEqualTo(19800304);
        assertThat(packed("13/04/1980")).isEqualTo(19800413);
        assertThat(us.parse("13/04/1980").packed()).isEqualTo(19800413);
        assertThat(packed("04/13/1980")).isEqualTo(19800413);
        assertThat(packed("3.4.1980")).isEqualTo(19800403);
        assertThat(packed("03-04-1980")).isEqualTo(19800403);
        assertThat(packed("12/05/1980 10:30 PM")).isEqualTo(19800512);
    }

    @Test
    void aDateThatReadsEitherWayRoundIsFlaggedAmbiguous() {
        assertThat(dates.parse("03/04/1980").orderAmbiguous()).isTrue();
        assertThat(us.parse("03/04/1980").orderAmbiguous()).isTrue();
        assertThat(dates.parse("13/04/1980").orderAmbiguous()).isFalse();
        assertThat(dates.parse("04/04/1980").orderAmbiguous()).isFalse(); // the same either way
        assertThat(dates.parse("1980-03-04").orderAmbiguous()).isFalse(); // year first: always year-month-day
        assertThat(dates.parse("19800304").orderAmbiguous()).isFalse();
        assertThat(dates.parse("3 Apr 1980").orderAmbiguous()).isFalse();
    }

    @Test
    void monthNames() {
        assertThat(packed("12 Mar 1980")).isEqualTo(19800312);
        assertThat(packed("March 12, 1980")).isEqualTo(19800312);
        assertThat(packed("12-MAR-80")).isEqualTo(19800312);
        assertThat(packed("12th of March 1980")).isEqualTo(19800312);
        assertThat(packed("Wednesday, March 12, 1980")).isEqualTo(19800312);
        assertThat(packed("12 März 1980")).isEqualTo(19800312);
        assertThat(packed("1980年3月12日")).isEqualTo(19800312);
    }

    @Test
    void twoDigitYearsPivotOnToday() {
        assertThat(packed("12/03/80")).isEqualTo(19800312);
        assertThat(packed("12/03/05")).isEqualTo(20050312);
        assertThat(packed("12/03/24")).isEqualTo(20240312);
        assertThat(packed("12/03/25")).isEqualTo(19250312);
    }

    @Test
    void partialDates() {
        StandardDate y = dates.parse("1980");
        assertThat(y.year()).isEqualTo(1980);
        assertThat(y.month()).isZero();
        assertThat(y.day()).isZero();
        assertThat(y.implausible()).isFalse();
        assertThat(packed("1980-05")).isEqualTo(19800500);
        assertThat(packed("May 1980")).isEqualTo(19800500);
        assertThat(packed("05/1980")).isEqualTo(19800500);
    }

    @Test
    void implausibleValuesAreKeptAndFlagged() {
        StandardDate feb30 = dates.parse("1980-02-30");
        assertThat(feb30.implausible()).isTrue();
        assertThat(feb30.problem()).isEqualTo("no such day");
        assertThat(dates.parse("1880-01-02").problem()).isEqualTo("before 1900");
        assertThat(dates.parse("2030-01-02").problem()).isEqualTo("in the future");
        assertThat(dates.parse("1900-01-01").problem()).isEqualTo("placeholder date");
        assertThat(dates.parse("1111-11-11").implausible()).isTrue();
        assertThat(dates.parse("1980-02-29").implausible()).isFalse();
        assertThat(dates.parse("2024").implausible()).isFalse();
    }

    @Test
    void unparseableIsNull() {
        assertThat(dates.parse(null)).isNull();
        assertThat(dates.parse("")).isNull();
        assertThat(dates.parse("unknown")).isNull();
        assertThat(dates.parse("12345")).isNull();
        assertThat(dates.parse("1980-101-01")).isNull();
    }

    @Test
    void monthOrDayOutOfRangeIsKeptAsImplausible() {
        // most often one mistyped digit of the true date: kept, flagged, for the matcher's typo check
        StandardDate month = dates.parse("1980-13-01");
        assertThat(month.packed()).isEqualTo(19801301);
        assertThat(month.problem()).isEqualTo("no such month");
        assertThat(dates.parse("32/01/1980").problem()).isEqualTo("no such day");
        assertThat(dates.parse("19402704").packed()).isEqualTo(19402704);
        assertThat(dates.parse("19402704").implausible()).isTrue();
        // a compact date that is real one way round is read that way round
        assertThat(dates.parse("27041940").packed()).isEqualTo(19400427);
        assertThat(dates.parse("27041940").implausible()).isFalse();
    }

    @Test
    void preferredFormatsFirst() {
        List<DateTimeFormatter> fmts = List.of(DateTimeFormatter.ofPattern("MM/dd/yyyy"));
        assertThat(dates.parse("03/04/1980", fmts).packed()).isEqualTo(19800304);
        assertThat(dates.parse("1980-04-03", fmts).packed()).isEqualTo(19800403); // falls back
    }

    @Test
    void swapped() {
        StandardDate a = dates.parse("1980-03-04");
        assertThat(a.swapped(dates.parse("1980-04-03"))).isTrue();
        assertThat(a.swapped(dates.parse("1981-04-03"))).isFalse();
        assertThat(a.swapped(dates.parse("1980-03"))).isFalse();
    }

    @Property
    void neverThrows(@ForAll String s) {
        StandardDate d = dates.parse(s);
        if (d != null) assertThat(d.month()).isBetween(0, 12);
    }

    @Property
    void isoRoundTrip(@ForAll("dates") java.time.LocalDate date) {
        assertThat(dates.parse(date.toString()).packed())
                .isEqualTo(date.getYear() * 10000 + date.getMonthValue() * 100 + date.getDayOfMonth());
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<java.time.LocalDate> dates() {
        return net.jqwik.time.api.Dates.dates().between(java.time.LocalDate.of(1000, 1, 1), java.time.LocalDate.of(9999, 12, 31));
    }
}
