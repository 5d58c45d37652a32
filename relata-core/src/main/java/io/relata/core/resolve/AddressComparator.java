package io.relata.core.resolve;

import io.relata.core.standardize.AddressFeatures;

/** Compares the addresses of two records: the best-agreeing pair of addresses decides. */
final class AddressComparator {
    static final int EXACT = 0, STREET = 1, LOCALITY = 2, DIFFERENT = 3, MISSING = 4;
    private static final double STREET_SIMILARITY = 0.90;

    private AddressComparator() {}

    /** Returns the level; on EXACT, {@code agreed[0]} holds the shared dwelling key. */
    static int level(AddressFeatures[] a, AddressFeatures[] b, String[] agreed) {
        if (a.length == 0 || b.length == 0) return MISSING;
        int best = DIFFERENT;
        for (AddressFeatures x : a) {
            for (AddressFeatures y : b) {
                int level = pair(x, y);
                if (level < best) {
                    best = level;
                    if (level == EXACT) {
                        agreed[0] = x.key();
                        return EXACT;
                    }
                }
            }
        }
        return best;
    }

    private static int pair(AddressFeatures x, AddressFeatures y) {
        if (x.key() != null && x.key().equals(y.key())) return EXACT;
        boolean sameLocality = same(x.postcode(), y.postcode()) || similar(x.city(), y.city());
        boolean otherLocality = differ(x.postcode(), y.postcode()) && differ(x.city(), y.city());
        if (!otherLocality && x.street() != null && y.street() != null && same(x.houseNumber(), y.houseNumber())
                && StringSimilarity.jaroWinkler(x.street(), y.street(), STREET_SIMILARITY) >= STREET_SIMILARITY) {
            return STREET;
        }
        return sameLocality ? LOCALITY : DIFFERENT;
    }

    private static boolean similar(String x, String y) {
        return x != null && y != null && (x.equals(y) || StringSimilarity.jaroWinkler(x, y, STREET_SIMILARITY) >= STREET_SIMILARITY);
    }

    private static boolean differ(String x, String y) {
        return x != null && y != null && !x.equals(y);
    }

    private static boolean same(String x, String y) {
        return x != null && x.equals(y);
    }
}
