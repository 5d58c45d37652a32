package io.relata.core.resolve;

import io.relata.core.standardize.NameStandardizer;
import io.relata.core.standardize.PersonNameFeatures;

/**
 * Compares given names and surnames of two person names. The caller tries every pair of names and both
 * orders (given/surname swapped) and keeps the best-weighted alignment.
 */
final class NameComparator {
    static final int G_EXACT = 0, G_NICKNAME = 1, G_FUZZY = 2, G_PHONETIC = 3, G_INITIAL = 4, G_MIDDLE = 5,
            G_WEAK = 6, G_DIFFERENT = 7, G_MISSING = 8;
    static final int S_EXACT = 0, S_FUZZY = 1, S_PHONETIC = 2, S_PARTIAL = 3, S_WEAK = 4, S_DIFFERENT = 5,
            S_MISSING = 6;
    static final int X_SAME = 0, X_CONFLICT = 1, X_MISSING = 2;
    static final int M_EXACT = 0, M_COMPATIBLE = 1, M_DIFFERENT = 2, M_MISSING = 3;

    private static final double FUZZY = 0.92, WEAK = 0.80;

    private NameComparator() {}

    static int given(PersonNameFeatures a, PersonNameFeatures b) {
        String x = a.given(), y = b.given();
        if (x == null || y == null) return G_MISSING;
        if (x.equals(y)) return G_EXACT;
        if (x.length() == 1 || y.length() == 1) {
            return x.charAt(0) == y.charAt(0) ? G_INITIAL : G_DIFFERENT;
        }
        if (a.givenRoot().equals(b.givenRoot())) return G_NICKNAME;
        double jw = StringSimilarity.jaroWinkler(x, y, WEAK);
        if (jw >= FUZZY) return G_FUZZY;
        if (!a.givenPhonetic().isEmpty() && a.givenPhonetic().equals(b.givenPhonetic())) return G_PHONETIC;
        if (containsToken(b.middle(), x) || containsToken(a.middle(), y)) return G_MIDDLE;
        if (jw >= WEAK) return G_WEAK;
        return G_DIFFERENT;
    }

    /** Compares a's given name with b's surname: used for the swapped order. */
    static int givenAgainstSurname(PersonNameFeatures a, PersonNameFeatures b) {
        return tokenLevel(a.given(), b.surname());
    }

    static int surname(PersonNameFeatures a, PersonNameFeatures b) {
        String x = a.surname(), y = b.surname();
        if (x == null || y == null) return S_MISSING;
        if (x.equals(y)) return S_EXACT;
        double jw = StringSimilarity.jaroWinkler(x, y, WEAK);
        if (jw >= FUZZY) return S_FUZZY;
        if (!a.surnamePhonetic().isEmpty() && a.surnamePhonetic().equals(b.surnamePhonetic())) return S_PHONETIC;
        if (sharesToken(a.surnameTokens(), b.surnameTokens())) return S_PARTIAL;
        if (jw >= WEAK) return S_WEAK;
        return S_DIFFERENT;
    }

    /**
     * Compares the middle names (every given name after the first). COMPATIBLE: one is an initial or a part of
     * the other (G against Gaurav, Maria against Maria Jose), or a typo of it.
     */
    static int middle(PersonNameFeatures a, PersonNameFeatures b) {
        String x = a.middle(), y = b.middle();
        if (x == null || y == null) return M_MISSING;
        if (x.equals(y)) return M_EXACT;
        if (x.length() == 1 || y.length() == 1) return x.charAt(0) == y.charAt(0) ? M_COMPATIBLE : M_DIFFERENT;
        if (containsToken(x, y) || containsToken(y, x)) return M_COMPATIBLE;
        if (initialsOf(x, y) || initialsOf(y, x)) return M_COMPATIBLE;
        return StringSimilarity.jaroWinkler(x, y, FUZZY) >= FUZZY ? M_COMPATIBLE : M_DIFFERENT;
    }

    /** Whether {@code initials} are the initials of {@code names}' tokens ("g r" against "gaurav raj"). */
    private static boolean initialsOf(String initials, String names) {
        String[] i = initials.split(" "), n = names.split(" ");
        if (i.length != n.length) return false;
        for (int k = 0; k < i.length; k++) {
            if (i[k].length() != 1 || n[k].charAt(0) != i[k].charAt(0)) return false;
        }
        return true;
    }

    static int suffix(PersonNameFeatures a, PersonNameFeatures b) {
        if (a.suffix() == null || b.suffix() == null) return X_MISSING;
        return a.suffix().equals(b.suffix()) ? X_SAME : X_CONFLICT;
    }

    /** Level of two single name strings on the surname scale, for swapped-order comparisons. */
    static int tokenLevel(String x, String y) {
        if (x == null || y == null) return S_MISSING;
        if (x.equals(y)) return S_EXACT;
        double jw = StringSimilarity.jaroWinkler(x, y, WEAK);
        if (jw >= FUZZY) return S_FUZZY;
        if (jw >= WEAK) return S_WEAK;
        return S_DIFFERENT;
    }

    /**
     * The given-name level of two crossed tokens of a swapped order, from their surname-scale level: a nickname
     * counts too (Daniel Russon, Russon Danny), looked up only when the other crossed pair agrees, which is rare.
     */
    static int crossedGiven(String x, String y, int level, int otherLevel) {
        if (level <= S_FUZZY || otherLevel > S_FUZZY || x == null || y == null) return asGivenLevel(level);
        return NameStandardizer.nicknameRoot(x).equals(NameStandardizer.nicknameRoot(y)) ? G_NICKNAME : asGivenLevel(level);
    }

    /** Maps a surname-scale level onto the given-name scale. */
    static int asGivenLevel(int surnameLevel) {
        switch (surnameLevel) {
            case S_EXACT: return G_EXACT;
            case S_FUZZY: return G_FUZZY;
            case S_PHONETIC: return G_PHONETIC;
            case S_WEAK: case S_PARTIAL: return G_WEAK;
            case S_MISSING: return G_MISSING;
            default: return G_DIFFERENT;
        }
    }

    private static boolean containsToken(String text, String token) {
        if (text == null) return false;
        int i = text.indexOf(token);
        while (i >= 0) {
            boolean start = i == 0 || text.charAt(i - 1) == ' ';
            int end = i + token.length();
            if (start && (end == text.length() || text.charAt(end) == ' ')) return true;
            i = text.indexOf(token, i + 1);
        }
        return false;
    }

    private static boolean sharesToken(String[] a, String[] b) {
        if (a.length < 2 && b.length < 2) return false;
        for (String x : a) {
            if (x.length() < 2) continue;
            for (String y : b) {
                if (x.equals(y)) return true;
            }
        }
        return false;
    }
}
