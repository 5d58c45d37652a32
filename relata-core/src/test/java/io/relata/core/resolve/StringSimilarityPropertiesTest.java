package io.relata.core.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class StringSimilarityPropertiesTest {

    @Provide
    Arbitrary<String> words() {
        // a small alphabet makes coincidences (repeated letters, equal neighbours) common
        return Arbitraries.strings().withChars("abcdeXY0").ofMinLength(0).ofMaxLength(12);
    }

    @Property
    void withinOneEditIsSymmetric(@ForAll("words") String a, @ForAll("words") String b) {
        assertThat(StringSimilarity.withinOneEdit(a, b)).isEqualTo(StringSimilarity.withinOneEdit(b, a));
    }

    @Property
    void jaroWinklerIsSymmetricAndBounded(@ForAll("words") String a, @ForAll("words") String b) {
        double x = StringSimilarity.jaroWinkler(a, b);
        assertThat(x).isEqualTo(StringSimilarity.jaroWinkler(b, a));
        assertThat(x).isBetween(0.0, 1.0);
        assertThat(StringSimilarity.jaroWinkler(a, a)).isEqualTo(1.0);
    }

    @Property(tries = 3000)
    void jaroWinklerWithAFloorAgreesWithTheFullMeasureAtAndAboveIt(@ForAll("words") String a,
                                                                   @ForAll("words") String b,
                                                                   @ForAll("floors") double floor) {
        double full = StringSimilarity.jaroWinkler(a, b), floored = StringSimilarity.jaroWinkler(a, b, floor);
        if (full >= floor) assertThat(floored).isEqualTo(full);
        else assertThat(floored).isLessThan(floor);
    }

    @Provide
    Arbitrary<Double> floors() {
        return Arbitraries.of(0.5, 0.8, 0.9, 0.92, 0.95);
    }

    @Property
    void aStringIsWithinOneEditOfItself(@ForAll("words") String a) {
        assertThat(StringSimilarity.withinOneEdit(a, a)).isTrue();
    }

    @Property
    void oneSubstitution(@ForAll("words") String a, @ForAll int position, @ForAll("letters") char c) {
        Assume.that(!a.isEmpty());
        int i = Math.floorMod(position, a.length());
        String b = a.substring(0, i) + c + a.substring(i + 1);
        assertThat(StringSimilarity.withinOneEdit(a, b)).isTrue();
    }

    @Property
    void oneInsertionOrDeletion(@ForAll("words") String a, @ForAll int position, @ForAll("letters") char c) {
        int i = Math.floorMod(position, a.length() + 1);
        String longer = a.substring(0, i) + c + a.substring(i);
        assertThat(StringSimilarity.withinOneEdit(a, longer)).isTrue();
        assertThat(StringSimilarity.withinOneEdit(longer, a)).isTrue();
    }

    @Property
    void oneSwapOfNeighbours(@ForAll("words") String a, @ForAll int position) {
        Assume.that(a.length() >= 2);
        int i = Math.floorMod(position, a.length() - 1);
        String b = a.substring(0, i) + a.charAt(i + 1) + a.charAt(i) + a.substring(i + 2);
        assertThat(StringSimilarity.withinOneEdit(a, b)).isTrue();
    }

    @Property
    void neverWithinOneEditWhenLengthsDifferByTwoOrMore(@ForAll("words") String a, @ForAll("words") String b) {
        Assume.that(Math.abs(a.length() - b.length()) >= 2);
        assertThat(StringSimilarity.withinOneEdit(a, b)).isFalse();
    }

    @Property
    void twoSubstitutionsFarApartAreNotWithinOneEdit(@ForAll @StringLength(min = 4, max = 12) String base) {
        // replace the first and last character by characters that cannot occur in base
        String a = "[" + base.substring(1, base.length() - 1) + "]";
        String b = "{" + base.substring(1, base.length() - 1) + "}";
        assertThat(StringSimilarity.withinOneEdit(a, b)).isFalse();
    }

    @Example
    void examples() {
        assertThat(StringSimilarity.withinOneEdit("martha", "marhta")).isTrue();
        assertThat(StringSimilarity.withinOneEdit("abcd", "badc")).isFalse(); // two swaps
        assertThat(StringSimilarity.withinOneEdit("abc", "cba")).isFalse(); // a swap that is not of neighbours
        assertThat(StringSimilarity.withinOneEdit("", "a")).isTrue();
        assertThat(StringSimilarity.withinOneEdit("", "ab")).isFalse();
    }

    @Provide
    Arbitrary<Character> letters() {
        return Arbitraries.chars().with("abcdeXY0");
    }

    // --- DateComparator.oneDigitApart on yyyymmdd numbers

    private static int digitsDiffering(int x, int y) {
        int n = 0;
        for (int k = 0; k < 8; k++, x /= 10, y /= 10) if (x % 10 != y % 10) n++;
        return n;
    }

    private static int withDigit(int x, int position, int digit) {
        int p = (int) Math.pow(10, position);
        return x - (x / p % 10) * p + digit * p;
    }

    @Property
    void oneDigitApartIsSymmetric(@ForAll @IntRange(min = 10_000_000, max = 99_999_999) int x,
                                  @ForAll @IntRange(min = 10_000_000, max = 99_999_999) int y) {
        assertThat(DateComparator.oneDigitApart(x, y)).isEqualTo(DateComparator.oneDigitApart(y, x));
    }

    @Property
    void oneChangedDigitIsOneDigitApart(@ForAll @IntRange(min = 10_000_000, max = 99_999_999) int x,
                                        @ForAll @IntRange(min = 0, max = 6) int position,
                                        @ForAll @IntRange(min = 0, max = 9) int digit) {
        int y = withDigit(x, position, digit);
        Assume.that(y != x);
        assertThat(DateComparator.oneDigitApart(x, y)).isTrue();
    }

    @Property
    void swappedNeighbouringDigitsAreOneDigitApart(@ForAll @IntRange(min = 10_000_000, max = 99_999_999) int x,
                                                  @ForAll @IntRange(min = 0, max = 5) int position) {
        int low = x / (int) Math.pow(10, position) % 10, high = x / (int) Math.pow(10, position + 1) % 10;
        int y = withDigit(withDigit(x, position, high), position + 1, low);
        Assume.that(y != x);
        assertThat(DateComparator.oneDigitApart(x, y)).isTrue();
    }

    @Property
    void threeOrMoreDifferentDigitsAreNeverOneDigitApart(@ForAll @IntRange(min = 10_000_000, max = 99_999_999) int x,
                                                        @ForAll @IntRange(min = 10_000_000, max = 99_999_999) int y) {
        Assume.that(digitsDiffering(x, y) >= 3);
        assertThat(DateComparator.oneDigitApart(x, y)).isFalse();
    }

    @Property
    void twoDifferencesAreOneDigitApartOnlyAsASwapOfNeighbours(
            @ForAll @IntRange(min = 10_000_000, max = 99_999_999) int x, @ForAll @IntRange(min = 0, max = 6) int p,
            @ForAll @IntRange(min = 1, max = 9) int d1, @ForAll @IntRange(min = 1, max = 9) int d2) {
        int q = p + 1 + Math.floorMod(d1 + d2, 7 - p); // a second position above p
        Assume.that(q <= 7);
        int dp = x / (int) Math.pow(10, p) % 10, dq = x / (int) Math.pow(10, q) % 10;
        int y = withDigit(withDigit(x, p, (dp + d1) % 10), q, (dq + d2) % 10);
        boolean swap = q == p + 1 && (dp + d1) % 10 == dq && (dq + d2) % 10 == dp;
        assertThat(DateComparator.oneDigitApart(x, y)).isEqualTo(swap);
    }

    @Example
    void dateExamples() {
        assertThat(DateComparator.oneDigitApart(19800503, 19800503)).isFalse(); // equal is not "apart"
        assertThat(DateComparator.oneDigitApart(19800503, 19800530)).isTrue();
        assertThat(DateComparator.oneDigitApart(19800503, 19860503)).isTrue();
        assertThat(DateComparator.oneDigitApart(19800503, 19800305)).isFalse();
    }
}
