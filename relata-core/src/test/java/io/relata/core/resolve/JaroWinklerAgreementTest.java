package io.relata.core.resolve;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The bit-mask Jaro-Winkler must agree with the textbook definition, written here the plain way. */
class JaroWinklerAgreementTest {

    @Property(tries = 3000)
    void agreesWithTextbookDefinition(@ForAll @AlphaChars @StringLength(max = 20) String a,
                                      @ForAll @AlphaChars @StringLength(max = 20) String b) {
        String x = a.toLowerCase(), y = b.toLowerCase();
        assertThat(StringSimilarity.jaroWinkler(x, y)).isCloseTo(textbook(x, y), within(1e-9));
    }

    @Property(tries = 500)
    void isSymmetricAndBounded(@ForAll @AlphaChars @StringLength(max = 30) String a,
                               @ForAll @AlphaChars @StringLength(max = 30) String b) {
        double ab = StringSimilarity.jaroWinkler(a, b);
        assertThat(ab).isBetween(0.0, 1.0).isCloseTo(StringSimilarity.jaroWinkler(b, a), within(1e-12));
    }

    @Test
    void knownValues() {
        // Winkler's published examples
        assertThat(StringSimilarity.jaroWinkler("martha", "marhta")).isCloseTo(0.9611, within(1e-4));
        assertThat(StringSimilarity.jaroWinkler("dwayne", "duane")).isCloseTo(0.84, within(1e-4));
        assertThat(StringSimilarity.jaroWinkler("dixon", "dicksonx")).isCloseTo(0.8133, within(1e-4));
        assertThat(StringSimilarity.jaroWinkler("abc", "xyz")).isZero();
    }

    private static double textbook(String s1, String s2) {
        if (s1.equals(s2)) return 1.0;
        if (s1.isEmpty() || s2.isEmpty()) return 0.0;
        if (s1.length() > s2.length()) {
            String t = s1;
            s1 = s2;
            s2 = t;
        }
        int window = Math.max(0, s2.length() / 2 - 1);
        boolean[] m1 = new boolean[s1.length()], m2 = new boolean[s2.length()];
        int matches = 0;
        for (int i = 0; i < s1.length(); i++) {
            for (int j = Math.max(0, i - window); j <= Math.min(s2.length() - 1, i + window); j++) {
                if (!m2[j] && s1.charAt(i) == s2.charAt(j)) {
                    m1[i] = m2[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) return 0.0;
        StringBuilder c1 = new StringBuilder(), c2 = new StringBuilder();
        for (int i = 0; i < s1.length(); i++) if (m1[i]) c1.append(s1.charAt(i));
        for (int j = 0; j < s2.length(); j++) if (m2[j]) c2.append(s2.charAt(j));
        int t = 0;
        for (int k = 0; k < matches; k++) if (c1.charAt(k) != c2.charAt(k)) t++;
        double jaro = ((double) matches / s1.length() + (double) matches / s2.length()
                + (matches - t / 2.0) / matches) / 3.0;
        int prefix = 0;
        while (prefix < Math.min(4, s1.length()) && s1.charAt(prefix) == s2.charAt(prefix)) prefix++;
        return jaro + 0.1 * prefix * (1 - jaro);
    }
}
