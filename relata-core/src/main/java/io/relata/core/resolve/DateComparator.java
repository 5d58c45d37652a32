package io.relata.core.resolve;

import io.relata.core.standardize.DateStandardizer.StandardDate;

/** Compares birth dates, allowing for the errors clerks make: swapped day and month, one wrong digit. */
final class DateComparator {
    static final int EXACT = 0, SWAPPED = 1, CLOSE = 2, PARTIAL = 3, PARTIAL_DIFFERENT = 4, DIFFERENT = 5,
            MISSING = 6;

    private DateComparator() {}

    static int level(StandardDate a, StandardDate b) {
        if (a == null || b == null) return MISSING;
        boolean fullA = a.month() != 0 && a.day() != 0, fullB = b.month() != 0 && b.day() != 0;
        if (!fullA || !fullB) {
            boolean compatible = a.year() == b.year()
                    && (a.month() == 0 || b.month() == 0 || a.month() == b.month());
            return compatible ? PARTIAL : PARTIAL_DIFFERENT;
        }
        if (a.year() == b.year() && a.month() == b.month() && a.day() == b.day()) return EXACT;
        if (a.year() == b.year() && a.month() == b.day() && a.day() == b.month()) return SWAPPED;
        if (isClose(a, b)) return CLOSE;
        return DIFFERENT;
    }

    private static boolean isClose(StandardDate a, StandardDate b) {
        if (a.year() == b.year() && a.month() == b.month() && Math.abs(a.day() - b.day()) <= 1) return true;
        if (a.month() == b.month() && a.day() == b.day() && Math.abs(a.year() - b.year()) <= 1) return true;
        return oneDigitApart(a.packed(), b.packed());
    }

    /** Whether two yyyymmdd numbers differ in exactly one digit, or by one swap of neighbouring digits. */
    static boolean oneDigitApart(int x, int y) {
        int diffs = 0, firstPos = -1, x1 = 0, y1 = 0, x2 = 0, y2 = 0;
        for (int pos = 0; pos < 8; pos++, x /= 10, y /= 10) {
            int dx = x % 10, dy = y % 10;
            if (dx == dy) continue;
            if (++diffs > 2) return false;
            if (diffs == 1) {
                firstPos = pos;
                x1 = dx;
                y1 = dy;
            } else if (pos != firstPos + 1) {
                return false;
            } else {
                x2 = dx;
                y2 = dy;
            }
        }
        return diffs == 1 || (diffs == 2 && x1 == y2 && x2 == y1);
    }
}
