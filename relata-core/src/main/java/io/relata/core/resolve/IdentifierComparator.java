package io.relata.core.resolve;

import io.relata.core.standardize.IdentifierStandardizer.StandardIdentifier;

import java.util.Set;

/**
 * Compares identifiers of the same type (and compatible country). A different value of an identifier that
 * a person keeps for life (an alien registration number, say) is a conflict, not just a disagreement.
 */
final class IdentifierComparator {
    static final int EXACT = 0, CLOSE = 1, DIFFERENT = 2, CONFLICT = 3, MISSING = 4;

    private IdentifierComparator() {}

    /** Returns the level; on EXACT, {@code agreed[0]} holds "TYPE:VALUE". */
    static int level(StandardIdentifier[] a, StandardIdentifier[] b, Set<String> lifetimeTypes, String[] agreed) {
        if (a.length == 0 || b.length == 0) return MISSING;
        boolean close = false, conflict = false, different = false;
        for (StandardIdentifier x : a) {
            for (StandardIdentifier y : b) {
                if (!x.type().equals(y.type()) || !compatibleCountry(x.country(), y.country())) continue;
                if (x.value().equals(y.value())) {
                    agreed[0] = x.type() + ':' + x.value();
                    return EXACT;
                }
                if (StringSimilarity.withinOneEdit(x.value(), y.value())) close = true;
                else if (lifetimeTypes.contains(x.type())) conflict = true;
                else different = true;
            }
        }
        if (close) return CLOSE;
        if (conflict) return CONFLICT;
        return different ? DIFFERENT : MISSING;
    }

    private static boolean compatibleCountry(String x, String y) {
        return x == null || y == null || x.equals(y);
    }
}
