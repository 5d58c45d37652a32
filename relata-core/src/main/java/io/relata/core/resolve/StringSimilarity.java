package io.relata.core.resolve;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** The string measures the comparators share: Jaro-Winkler similarity and bounded edit distance. */
final class StringSimilarity {
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    private static final LevenshteinDistance WITHIN_ONE = new LevenshteinDistance(1);

    private StringSimilarity() {}

    static double jaroWinkler(String a, String b) {
        if (a.equals(b)) return 1.0;
        return JARO_WINKLER.apply(a, b);
    }

    /** True when a and b differ by one insertion, deletion, substitution, or one swap of neighbours. */
    static boolean withinOneEdit(String a, String b) {
        int la = a.length(), lb = b.length();
        if (Math.abs(la - lb) > 1) return false;
        if (la == lb && isAdjacentTransposition(a, b)) return true;
        return WITHIN_ONE.apply(a, b) >= 0;
    }

    private static boolean isAdjacentTransposition(String a, String b) {
        int first = -1;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                first = i;
                break;
            }
        }
        if (first < 0 || first + 1 >= a.length()) return false;
        return a.charAt(first) == b.charAt(first + 1) && a.charAt(first + 1) == b.charAt(first)
                && a.regionMatches(first + 2, b, first + 2, a.length() - first - 2);
    }
}
