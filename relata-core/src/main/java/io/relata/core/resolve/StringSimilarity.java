package io.relata.core.resolve;

import org.apache.commons.text.similarity.LevenshteinDistance;

/** The string measures the comparators share: Jaro-Winkler similarity and bounded edit distance. */
final class StringSimilarity {
    private static final LevenshteinDistance WITHIN_ONE = new LevenshteinDistance(1);

    private StringSimilarity() {}

    /**
     * Jaro-Winkler similarity (Winkler's prefix scale 0.1 over up to 4 characters). Matched characters are
     * tracked in bit masks rather than commons-text's flag arrays, which allocate on every call and dominated
     * the scoring profile; so only the first 64 characters count, plenty for names, streets and e-mails.
     */
    static double jaroWinkler(String a, String b) {
        return jaroWinkler(a, b, 0);
    }

    /**
     * Jaro-Winkler similarity when it reaches {@code floor}; otherwise some value below it (0), found early: the
     * matching stops as soon as even all remaining characters matching could not reach the floor. Most pairs a
     * comparator sees are unrelated names, so this saves most of their cost.
     */
    static double jaroWinkler(String a, String b, double floor) {
        if (a.equals(b)) return 1.0;
        int la = a.length(), lb = b.length();
        if (la == 0 || lb == 0) return 0.0;
        if (la > 64) a = a.substring(0, la = 64);
        if (lb > 64) b = b.substring(0, lb = 64);
        if (la > lb) { // the shorter string drives the matching
            String t = a;
            a = b;
            b = t;
            la = a.length();
            lb = b.length();
        }
        int window = Math.max(0, Math.max(la, lb) / 2 - 1);
        int prefix = 0;
        for (int limit = Math.min(4, la); prefix < limit && a.charAt(prefix) == b.charAt(prefix); ) prefix++;
        long matchedA = 0, matchedB = 0;
        int matches = 0;
        for (int i = 0; i < la; i++) {
            if (floor > 0 && upperBound(matches + la - i, la, lb, prefix) < floor) return 0.0;
            char c = a.charAt(i);
            int from = Math.max(0, i - window), to = Math.min(lb - 1, i + window);
            for (int j = from; j <= to; j++) {
                if ((matchedB & (1L << j)) == 0 && b.charAt(j) == c) {
                    matchedA |= 1L << i;
                    matchedB |= 1L << j;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) return 0.0;
        int transpositions = 0;
        long restB = matchedB;
        for (long restA = matchedA; restA != 0; restA &= restA - 1) {
            int i = Long.numberOfTrailingZeros(restA), j = Long.numberOfTrailingZeros(restB);
            restB &= restB - 1;
            if (a.charAt(i) != b.charAt(j)) transpositions++;
        }
        double m = matches;
        double jaro = (m / la + m / lb + (m - transpositions / 2.0) / m) / 3.0;
        return jaro + 0.1 * prefix * (1.0 - jaro);
    }

    /** The highest Jaro-Winkler that {@code maxMatches} matched characters could give, with no transpositions. */
    private static double upperBound(int maxMatches, int la, int lb, int prefix) {
        double jaro = ((double) maxMatches / la + (double) maxMatches / lb + 1.0) / 3.0;
        return jaro + 0.1 * prefix * (1.0 - jaro);
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
