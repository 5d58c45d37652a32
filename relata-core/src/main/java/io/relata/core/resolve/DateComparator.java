package io.relata.core.resolve;

import io.relata.core.standardize.DateStandardizer.StandardDate;

/** Compares birth dates, allowing for the errors clerks make: swapped day and month, one wrong digit. */
final class DateComparator {
    static final int EXACT = 0, SWAPPED = 1, CLOSE = 2, NEAR = 3, PARTIAL = 4, PARTIAL_DIFFERENT = 5, DIFFERENT = 6,
            MISSING = 7;
    /** Dates at most this many days apart are NEAR: a wrong day or month, or a year off by one. */
    static final int NEAR_DAYS = 366;

    private DateComparator() {}

    /**
     * Like {@link #level(StandardDate, StandardDate)}, and a date that cannot be real ({@code implausible*},
     * yyyymmdd or 0) is CLOSE when one digit from the other's date, else says nothing (MISSING): a typo
     * counts for the match, a date that cannot be real never against it.
     */
    static int level(StandardDate a, int implausibleA, StandardDate b, int implausibleB) {
        int level = level(a, b);
        if (level != MISSING || implausibleA == 0 && implausibleB == 0) return level;
        int x = a != null ? a.packed() : implausibleA, y = b != null ? b.packed() : implausibleB;
        return x != 0 && y != 0 && x != y && oneDigitApart(x, y) ? CLOSE : MISSING;
    }

    static int level(StandardDate a, StandardDate b) {
        if (a == null || b == null) return MISSING;
        boolean fullA = a.month() != 0 && a.day() != 0, fullB = b.month() != 0 && b.day() != 0;
        if (!fullA || !fullB) {
            boolean compatible = a.year() == b.year()
                    && (a.month() == 0 || b.month() == 0 || a.month() == b.month());
            return compatible ? PARTIAL : PARTIAL_DIFFERENT;
        }
        if (a.year() == b.year() && a.month() == b.month() && a.day() == b.day()) return EXACT;
        if (a.year() == b.year() && a.month() == b.day() && a.day() == b.month()) {
            // "06/01/2000" read day first is 6 January; when the source meant 1 June, the dates are the same
            return a.orderAmbiguous() || b.orderAmbiguous() ? EXACT : SWAPPED;
        }
        if (isClose(a, b)) return CLOSE;
        return Math.abs(epochDay(a) - epochDay(b)) <= NEAR_DAYS ? NEAR : DIFFERENT;
    }

    private static boolean isClose(StandardDate a, StandardDate b) {
        if (Math.abs(epochDay(a) - epochDay(b)) <= 1) return true;
        if (a.month() == b.month() && a.day() == b.day() && Math.abs(a.year() - b.year()) <= 1) return true;
        // one mistyped digit, but not the year's tens alone: decades apart on the same birthday is a relative
        boolean decadesApart = a.year() % 10 == b.year() % 10 && a.year() != b.year();
        return oneDigitApart(a.packed(), b.packed()) && !decadesApart;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil), allocation-free. */
    static long epochDay(StandardDate d) {
        int y = d.month() <= 2 ? d.year() - 1 : d.year();
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (d.month() + (d.month() > 2 ? -3 : 9)) + 2) / 5 + d.day() - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146097L + dayOfEra - 719468;
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
