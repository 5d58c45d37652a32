package io.relata.bench.generate;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Case and script forms sources write names in: accents stripped, uppercased, title-cased. */
final class TextForms {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private TextForms() {}

    static String stripDiacritics(String s) {
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) ascii = s.charAt(i) < 128;
        if (ascii) return s;
        String folded = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        return folded.replace('đ', 'd').replace('Đ', 'D');
    }

    static String asciiLower(String s) {
        return stripDiacritics(s).toLowerCase(Locale.ROOT);
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    /** Passport style: no accents, apostrophes or hyphens, all capitals. */
    static String machineReadable(String s) {
        return upper(stripDiacritics(s)).replace('-', ' ').replace("'", "");
    }
}
