package io.relata.bench.generate;

import java.time.LocalDate;

/** The ways sources write dates, phones and US addresses. */
final class Formats {
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"};
    private static final String[][] STREET_ABBREVIATIONS = {{"Street", "St"}, {"Avenue", "Ave"}, {"Road", "Rd"},
            {"Drive", "Dr"}, {"Boulevard", "Blvd"}, {"Lane", "Ln"}, {"Court", "Ct"}, {"Place", "Pl"}};

    enum DateStyle { ISO, US, DOTTED, TEXT, COMPACT, YEAR }

    enum PhoneStyle { PAREN, INTERNATIONAL, DOTS, DASHES, PLAIN, E164 }

    private Formats() {}

    static String date(int epochDay, DateStyle style) {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        int y = d.getYear(), m = d.getMonthValue(), day = d.getDayOfMonth();
        StringBuilder b = new StringBuilder(12);
        switch (style) {
            case ISO -> b.append(y).append('-').append(two(m)).append('-').append(two(day));
            case US -> b.append(two(m)).append('/').append(two(day)).append('/').append(y);
            case DOTTED -> b.append(two(day)).append('.').append(two(m)).append('.').append(y);
            case TEXT -> b.append(day).append(' ').append(MONTHS[m - 1], 0, 3).append(' ').append(y);
            case COMPACT -> b.append(y).append(two(m)).append(two(day));
            case YEAR -> b.append(y);
        }
        return b.toString();
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    /** A ten-digit US number in a source's style. */
    static String usPhone(String d, PhoneStyle style) {
        String a = d.substring(0, 3), x = d.substring(3, 6), l = d.substring(6);
        return switch (style) {
            case PAREN -> "(" + a + ") " + x + "-" + l;
            case INTERNATIONAL -> "+1 " + a + " " + x + " " + l;
            case DOTS -> a + "." + x + "." + l;
            case DASHES -> a + "-" + x + "-" + l;
            case PLAIN -> d;
            case E164 -> "+1" + d;
        };
    }

    static String streetType(String type, boolean abbreviate) {
        if (!abbreviate) return type;
        for (String[] pair : STREET_ABBREVIATIONS) if (pair[0].equals(type)) return pair[1];
        return type;
    }

    /** Apartment 4B, Apt 4B, #4B, Unit 4B: the same unit as different sources write it. */
    static String unit(String unit, int style) {
        if (unit.startsWith("Suite")) return style == 2 ? "Ste " + unit.substring(6) : unit;
        return switch (style) {
            case 0 -> "Apartment " + unit;
            case 1 -> "Apt " + unit;
            case 2 -> "#" + unit;
            default -> "Unit " + unit;
        };
    }
}
