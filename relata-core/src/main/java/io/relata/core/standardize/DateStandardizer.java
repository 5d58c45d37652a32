package io.relata.core.standardize;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Map;

/**
 * Parses a date as sources write it ("1980-05-12", "19800512", "12/05/1980", "12 Mar 1980",
 * "March 12, 1980", "12-MAR-80", "1980", "May 1980", with or without a time part) into year, month and
 * day, keeping partial dates. A hand-written tokenizer instead of a chain of formatters: one pass, no
 * exceptions on the hot path. Immutable and thread-safe.
 */
public final class DateStandardizer {
    /** The problem of a date that sources write when they do not know it (1900-01-01, 1111-11-11). */
    public static final String PLACEHOLDER = "placeholder date";

    /**
     * A date; month and day are 0 when the source did not give them. {@code implausible} flags values kept
     * as written but unlikely to be real (before 1900, in the future, placeholders, no such day).
     * {@code orderAmbiguous}: written so that day and month could be either way round ("06/01/2000"), and read
     * in the standardizer's default order; the other reading is just as likely.
     */
    public record StandardDate(int year, int month, int day, boolean implausible, String problem,
                               boolean orderAmbiguous) {
        public StandardDate(int year, int month, int day, boolean implausible, String problem) {
            this(year, month, day, implausible, problem, false);
        }

        /** year*10000 + month*100 + day, e.g. 19800512, or 19800000 for "1980". */
        public int packed() {
            return year * 10000 + month * 100 + day;
        }

        /** True when {@code other} is the same date with day and month exchanged (both known, not equal). */
        public boolean swapped(StandardDate other) {
            return other != null && year == other.year && month != 0 && day != 0 && month != day
                    && month == other.day && day == other.month;
        }
    }

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("january", 1), Map.entry("ene", 1), Map.entry("enero", 1),
            Map.entry("janv", 1), Map.entry("janvier", 1), Map.entry("januar", 1),
            Map.entry("feb", 2), Map.entry("february", 2), Map.entry("febrero", 2), Map.entry("fev", 2),
            Map.entry("fevr", 2), Map.entry("fevrier", 2), Map.entry("februar", 2),
            Map.entry("mar", 3), Map.entry("march", 3), Map.entry("marzo", 3), Map.entry("mars", 3),
            Map.entry("marz", 3), Map.entry("maerz", 3),
            Map.entry("apr", 4), Map.entry("april", 4), Map.entry("abr", 4), Map.entry("abril", 4),
            Map.entry("avr", 4), Map.entry("avril", 4),
            Map.entry("may", 5), Map.entry("mayo", 5), Map.entry("mai", 5),
            Map.entry("jun", 6), Map.entry("june", 6), Map.entry("junio", 6), Map.entry("juin", 6), Map.entry("juni", 6),
            Map.entry("jul", 7), Map.entry("july", 7), Map.entry("julio", 7), Map.entry("juil", 7),
            Map.entry("juillet", 7), Map.entry("juli", 7),
            Map.entry("aug", 8), Map.entry("august", 8), Map.entry("ago", 8), Map.entry("agosto", 8),
            Map.entry("aout", 8),
            Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("september", 9), Map.entry("septiembre", 9),
            Map.entry("set", 9), Map.entry("septembre", 9),
            Map.entry("oct", 10), Map.entry("october", 10), Map.entry("octubre", 10), Map.entry("octobre", 10),
            Map.entry("okt", 10), Map.entry("oktober", 10),
            Map.entry("nov", 11), Map.entry("november", 11), Map.entry("noviembre", 11), Map.entry("novembre", 11),
            Map.entry("dec", 12), Map.entry("december", 12), Map.entry("dic", 12), Map.entry("diciembre", 12),
            Map.entry("decembre", 12), Map.entry("dez", 12), Map.entry("dezember", 12));
    /** Words that carry no date information: ordinal endings, weekdays, "of", the ISO 'T'. */
    private static final java.util.Set<String> NOISE = java.util.Set.of(
            "st", "nd", "rd", "th", "of", "the", "t", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
            "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

    private final boolean monthFirst;
    private final Clock clock;
    private final int yearAtStart;

    /** Day-first when a numeric date is ambiguous ("03/04/1980" is 3 April). */
    public DateStandardizer() {
        this(false);
    }

    /** {@code monthFirst}: read an ambiguous numeric date as month/day/year (US style). */
    public DateStandardizer(boolean monthFirst) {
        this(monthFirst, Clock.systemDefaultZone());
    }

    /** With an explicit clock, for "in the future" checks and the two-digit year pivot in tests. */
    public DateStandardizer(boolean monthFirst, Clock clock) {
        this.monthFirst = monthFirst;
        this.clock = clock;
        this.yearAtStart = LocalDate.now(clock).getYear();
    }

    /** The date in {@code raw}, or null when it holds none. Never throws. */
    public StandardDate parse(String raw) {
        if (raw == null) return null;
        // Tokens: up to 4 numbers or month names, stopping where a time part ("10:30") begins.
        int[] value = new int[4];
        int[] digits = new int[4];
        boolean[] isMonthName = new boolean[4];
        int count = 0;
        int n = raw.length();
        int i = 0;
        while (i < n) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                int start = i;
                long v = 0;
                while (i < n && raw.charAt(i) >= '0' && raw.charAt(i) <= '9') {
                    if (i - start < 9) v = v * 10 + (raw.charAt(i) - '0');
                    i++;
                }
                if (i < n && raw.charAt(i) == ':') break; // a time part begins
                if (count == 4 || i - start > 8) return null;
                value[count] = (int) v;
                digits[count] = i - start;
                count++;
            } else if (c == '\u5e74' || c == '\u6708' || c == '\u65e5') {
                i++; // the CJK year, month and day marks ("1980年5月12日") are separators
            } else if (Character.isLetter(c)) {
                int start = i;
                while (i < n && Character.isLetter(raw.charAt(i))) i++;
                String word = TextFolding.fold(raw.substring(start, i));
                if (word.indexOf(' ') >= 0) return null;
                Integer month = MONTHS.get(word);
                if (month != null) {
                    if (count == 4) return null;
                    value[count] = month;
                    digits[count] = 0;
                    isMonthName[count] = true;
                    count++;
                } else if (!NOISE.contains(word)) {
                    if (count >= 3) break; // trailing words after a full date, e.g. "am", "utc"
                    return null;
                }
            } else {
                i++;
            }
        }
        return interpret(value, digits, isMonthName, count);
    }

    /** Tries the {@code preferred} formats (e.g. from a CSV mapping) first, then the general parser. */
    public StandardDate parse(String raw, List<DateTimeFormatter> preferred) {
        if (raw == null) return null;
        if (preferred != null) {
            String s = raw.strip();
            for (DateTimeFormatter f : preferred) {
                try {
                    TemporalAccessor t = f.parse(s);
                    int year = t.isSupported(ChronoField.YEAR) ? t.get(ChronoField.YEAR)
                            : t.isSupported(ChronoField.YEAR_OF_ERA) ? t.get(ChronoField.YEAR_OF_ERA) : -1;
                    if (year < 0) continue;
                    int month = t.isSupported(ChronoField.MONTH_OF_YEAR) ? t.get(ChronoField.MONTH_OF_YEAR) : 0;
                    int day = month != 0 && t.isSupported(ChronoField.DAY_OF_MONTH) ? t.get(ChronoField.DAY_OF_MONTH) : 0;
                    StandardDate d = check(year, month, day);
                    if (d != null) return d;
                } catch (RuntimeException notThisFormat) {
                    // try the next format
                }
            }
        }
        return parse(raw);
    }

    private StandardDate interpret(int[] v, int[] digits, boolean[] named, int count) {
        if (count == 1) {
            if (named[0]) return null;
            if (digits[0] == 4) return check(v[0], 0, 0);
            if (digits[0] == 8) {
                StandardDate d = check(v[0] / 10000, v[0] / 100 % 100, v[0] % 100); // yyyyMMdd
                if (d != null && !d.implausible() && v[0] / 10000 >= 1000) return d;
                StandardDate dayFirst = check(v[0] % 10000, v[0] / 10000 % 100, v[0] / 1000000); // ddMMyyyy
                if (dayFirst != null && !dayFirst.implausible()) return dayFirst;
                return d != null && v[0] / 10000 >= 1000 ? d : dayFirst;
            }
            if (digits[0] == 6 && v[0] / 100 >= 1000) return check(v[0] / 100, v[0] % 100, 0); // yyyyMM
            return null;
        }
        if (count == 2) {
            int y, m;
            if (named[0] && !named[1]) { m = v[0]; y = year(v[1], digits[1]); }
            else if (named[1] && !named[0]) { m = v[1]; y = year(v[0], digits[0]); }
            else if (digits[0] == 4 && digits[1] <= 2) { y = v[0]; m = v[1]; }
            else if (digits[1] == 4 && digits[0] <= 2) { y = v[1]; m = v[0]; }
            else return null;
            return y < 0 ? null : check(y, m, 0);
        }
        if (count != 3) return null;
        int nameAt = named[0] ? 0 : named[1] ? 1 : named[2] ? 2 : -1;
        if (nameAt >= 0) {
            int a = nameAt == 0 ? 1 : 0;
            int b = nameAt == 2 ? 1 : 2;
            if (named[a] || named[b]) return null;
            int y, d;
            if (digits[a] >= 3) { y = year(v[a], digits[a]); d = v[b]; if (digits[b] > 2) return null; }
            else if (digits[b] >= 3) { y = year(v[b], digits[b]); d = v[a]; }
            else if (nameAt == 2) { y = year(v[a], digits[a]); d = v[b]; } // 80 12 Mar: rare, year first
            else { d = v[a]; y = year(v[b], digits[b]); } // "12-MAR-80", "Mar 12 80"
            return y < 0 ? null : check(y, v[nameAt], d);
        }
        if (digits[0] >= 3) {
            return digits[1] <= 2 && digits[2] <= 2 ? check(year(v[0], digits[0]), v[1], v[2]) : null;
        }
        if (digits[1] > 2 || digits[2] == 1 || digits[2] == 3 || digits[2] > 4) return null;
        int y = year(v[2], digits[2]);
        int a = v[0], b = v[1];
        if (a > 12 && b <= 12) return check(y, b, a);
        if (b > 12 && a <= 12) return check(y, a, b);
        StandardDate d = monthFirst ? check(y, a, b) : check(y, b, a);
        if (d == null || a == b || d.implausible()) return d;
        return new StandardDate(d.year(), d.month(), d.day(), false, null, true);
    }

    /** A four-digit year as written; a two-digit year in the past century up to this year. */
    private int year(int v, int digits) {
        if (digits == 4) return v;
        if (digits == 2) {
            int thisYear = LocalDate.now(clock).getYear(); // rare enough to ask the clock each time
            int y = 2000 + v;
            return y <= thisYear ? y : 1900 + v;
        }
        return -1;
    }

    private StandardDate check(int year, int month, int day) {
        if (year <= 0 || year > 9999 || month < 0 || month > 99 || day < 0 || day > 99) return null;
        if (month == 0 && day != 0) return null;
        // a month or day out of range is most often a mistyped digit: kept, flagged, for the matcher to weigh
        if (month > 12) return new StandardDate(year, month, day, true, "no such month");
        if (day > 0 && day > lengthOfMonth(year, month)) {
            return new StandardDate(year, month, day, true, "no such day");
        }
        if ((year == 1900 || year == 1901) && month == 1 && day == 1 || year == 1111 && month == 11 && day == 11) {
            return new StandardDate(year, month, day, true, PLACEHOLDER);
        }
        if (year < 1900) return new StandardDate(year, month, day, true, "before 1900");
        if (year >= yearAtStart && isFuture(year, month, day)) {
            return new StandardDate(year, month, day, true, "in the future");
        }
        return new StandardDate(year, month, day, false, null);
    }

    private static int lengthOfMonth(int year, int month) {
        if (month == 2) return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    private boolean isFuture(int year, int month, int day) {
        LocalDate today = LocalDate.now(clock);
        // A partial date is in the future only when all of it is.
        LocalDate earliest = LocalDate.of(year, Math.max(month, 1), Math.max(day, 1));
        return earliest.isAfter(today);
    }
}
