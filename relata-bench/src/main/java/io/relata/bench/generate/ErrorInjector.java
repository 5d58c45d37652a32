package io.relata.bench.generate;

import java.util.SplittableRandom;

/** Plants the small corruptions of hand-keyed data, and counts what it planted. */
final class ErrorInjector {
    private static final String[] KEYBOARD_ROWS = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
    private final long[] counts = new long[ErrorKind.values().length];

    void count(ErrorKind kind) {
        counts[kind.ordinal()]++;
    }

    long count(int ordinal) {
        return counts[ordinal];
    }

    /** One edit: insertion, deletion, substitution (half of them a keyboard neighbour) or transposition. */
    String typo(SplittableRandom rng, String s) {
        if (s.length() < 3) return s;
        count(ErrorKind.NAME_TYPO);
        int i = 1 + rng.nextInt(s.length() - 1);
        char c = s.charAt(i);
        return switch (rng.nextInt(5)) {
            case 0 -> s.substring(0, i) + c + s.substring(i);
            case 1 -> s.substring(0, i) + s.substring(i + 1);
            case 2 -> i + 1 < s.length() ? s.substring(0, i) + s.charAt(i + 1) + c + s.substring(i + 2) : s.substring(0, i);
            case 3 -> s.substring(0, i) + matchCase(c, neighbour(rng, Character.toLowerCase(c))) + s.substring(i + 1);
            default -> s.substring(0, i) + matchCase(c, (char) ('a' + rng.nextInt(26))) + s.substring(i + 1);
        };
    }

    private static char neighbour(SplittableRandom rng, char c) {
        for (String row : KEYBOARD_ROWS) {
            int at = row.indexOf(c);
            if (at < 0) continue;
            if (at == 0) return row.charAt(1);
            if (at == row.length() - 1) return row.charAt(at - 1);
            return row.charAt(rng.nextBoolean() ? at - 1 : at + 1);
        }
        return c == 'e' ? 'r' : 'e';
    }

    private static char matchCase(char original, char c) {
        return Character.isUpperCase(original) ? Character.toUpperCase(c) : c;
    }

    /** A changed birth date as epoch day, or the same day; {@code yearOnly[0]} is set when only the year survives. */
    int dob(SplittableRandom rng, int epochDay, boolean[] yearOnly) {
        java.time.LocalDate d = java.time.LocalDate.ofEpochDay(epochDay);
        switch (rng.nextInt(4)) {
            case 0 -> {
                if (d.getDayOfMonth() <= 12 && d.getDayOfMonth() != d.getMonthValue()) {
                    count(ErrorKind.DOB_DAY_MONTH_SWAP);
                    return (int) java.time.LocalDate.of(d.getYear(), d.getDayOfMonth(), d.getMonthValue()).toEpochDay();
                }
                count(ErrorKind.DOB_OFF_BY_DAY);
                return epochDay + 1;
            }
            case 1 -> {
                count(ErrorKind.DOB_OFF_BY_DAY);
                return epochDay + (rng.nextBoolean() ? 1 : -1);
            }
            case 2 -> {
                count(ErrorKind.DOB_OFF_BY_YEAR);
                return (int) d.plusYears(rng.nextBoolean() ? 1 : -1).toEpochDay();
            }
            default -> {
                count(ErrorKind.DOB_YEAR_ONLY);
                yearOnly[0] = true;
                return epochDay;
            }
        }
    }

    /** One digit changed (or two adjacent swapped) in the digits of a value; other characters stay. */
    String digitTypo(SplittableRandom rng, String s, ErrorKind kind) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (Character.isDigit(s.charAt(i))) n++;
        if (n < 2) return s;
        count(kind);
        int target = 1 + rng.nextInt(n - 1);
        char[] c = s.toCharArray();
        for (int i = 0, seen = 0; i < c.length; i++) {
            if (!Character.isDigit(c[i]) || seen++ != target) continue;
            char next = (char) ('0' + (c[i] - '0' + 1 + rng.nextInt(9)) % 10);
            c[i] = next;
            break;
        }
        return new String(c);
    }
}
