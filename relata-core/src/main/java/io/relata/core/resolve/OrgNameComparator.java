package io.relata.core.resolve;

import io.relata.core.standardize.OrganizationNameStandardizer.StandardOrgName;

/** Compares organization names after legal forms (Inc, GmbH, S.A.) have been removed. */
final class OrgNameComparator {
    static final int EXACT = 0, FUZZY = 1, TOKENS = 2, DIFFERENT = 3, MISSING = 4;

    private OrgNameComparator() {}

    /** Returns the level; on EXACT, {@code agreed[0]} holds the shared name. */
    static int level(StandardOrgName[] a, StandardOrgName[] b, String[] agreed) {
        if (a.length == 0 || b.length == 0) return MISSING;
        int best = DIFFERENT;
        for (StandardOrgName x : a) {
            for (StandardOrgName y : b) {
                if (x.name().equals(y.name())) {
                    agreed[0] = x.name();
                    return EXACT;
                }
                if (best > FUZZY && StringSimilarity.jaroWinkler(x.name(), y.name()) >= 0.92) best = FUZZY;
                else if (best > TOKENS && tokenOverlap(x, y) >= 0.5) best = TOKENS;
            }
        }
        return best;
    }

    private static double tokenOverlap(StandardOrgName x, StandardOrgName y) {
        int shared = 0;
        for (String t : x.tokens()) {
            if (y.tokens().contains(t)) shared++;
        }
        int union = x.tokens().size() + y.tokens().size() - shared;
        return union == 0 ? 0 : (double) shared / union;
    }
}
