package io.relata.core.resolve;

import java.util.function.BiPredicate;

/**
 * Compares phones and e-mail addresses: sets of values on each side, best agreement wins. The agreed value
 * is reported so that the scorer can weigh it by how many records share it.
 */
final class ContactComparator {
    static final int EXACT = 0, CLOSE = 1, DIFFERENT = 2, MISSING = 3;

    private ContactComparator() {}

    /** Returns the level; on EXACT, {@code agreed[0]} holds the shared value. */
    static int phones(String[] a, String[] b, String[] agreed) {
        return best(a, b, agreed, ContactComparator::closePhones);
    }

    static int emails(String[] a, String[] b, String[] agreed) {
        return best(a, b, agreed, ContactComparator::closeEmails);
    }

    private static int best(String[] a, String[] b, String[] agreed, BiPredicate<String, String> close) {
        if (a.length == 0 || b.length == 0) return MISSING;
        int best = DIFFERENT;
        for (String x : a) {
            for (String y : b) {
                if (x.equals(y)) {
                    agreed[0] = x;
                    return EXACT;
                }
                if (best == DIFFERENT && close.test(x, y)) best = CLOSE;
            }
        }
        return best;
    }

    /** One mistyped or swapped digit. */
    private static boolean closePhones(String x, String y) {
        return x.length() == y.length() && StringSimilarity.withinOneEdit(x, y);
    }

    /** Same local part, or one typo anywhere, or close enough overall (typos in local part and domain). */
    private static boolean closeEmails(String x, String y) {
        int ax = x.indexOf('@'), ay = y.indexOf('@');
        if (ax <= 0 || ay <= 0) return false;
        if (ax == ay && x.regionMatches(0, y, 0, ax) && ax >= 2) return true;
        return StringSimilarity.withinOneEdit(x, y) || StringSimilarity.jaroWinkler(x, y, 0.92) >= 0.92;
    }
}
