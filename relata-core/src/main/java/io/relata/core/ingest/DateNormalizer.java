package io.relata.core.ingest;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rewrites dates written in a mapping's {@code dateFormats} as ISO ({@code yyyy-MM-dd}, or {@code yyyy-MM}
 * and {@code yyyy} for partial formats). Strict: 02/30/1980 matches nothing rather than becoming 02/28.
 */
final class DateNormalizer {
    private final List<String> patterns;
    private final List<DateTimeFormatter> formatters = new ArrayList<>();

    /** @throws IllegalArgumentException naming the first pattern java.time cannot read */
    DateNormalizer(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
        for (String p : patterns) {
            try {
                // STRICT needs 'u' (proleptic year): with 'y' (year of era) it would demand an era.
                formatters.add(DateTimeFormatter.ofPattern(yearOfEraToYear(p), Locale.ROOT).withResolverStyle(ResolverStyle.STRICT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid date format '" + p + "': " + e.getMessage(), e);
            }
        }
    }

    boolean isActive() {
        return !formatters.isEmpty();
    }

    /** The ISO form, or null when the text matches none of the formats. */
    String normalize(String text) {
        String s = text.strip();
        for (DateTimeFormatter f : formatters) {
            try {
                TemporalAccessor t = f.parseBest(s, LocalDate::from, YearMonth::from, Year::from);
                return t.toString();
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return null;
    }

    String describeFormats() {
        return String.join(", ", patterns);
    }

    private static String yearOfEraToYear(String pattern) {
        StringBuilder b = new StringBuilder(pattern.length());
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            if (c == '\'') quoted = !quoted;
            b.append(!quoted && c == 'y' ? 'u' : c);
        }
        return b.toString();
    }
}
