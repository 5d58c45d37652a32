package io.relata.core.standardize;

import io.relata.core.model.Identifier;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Standardizes a document or registration number: the type to one canonical code (A_NUMBER, SSN,
 * PASSPORT, DRIVERS_LICENSE, ...), the value upper-cased without spaces, hyphens, dots or slashes, the
 * country to ISO alpha-2, and a per-type check. Checks only flag clear violations: sources (e.g. the FEBRL
 * data with its 7-digit "SSN") use numbers that a strict national rule would reject. Thread-safe.
 */
public final class IdentifierStandardizer {

    /** {@code valid} is false with a {@code problem} when the value breaks its type's format or is a placeholder. */
    public record StandardIdentifier(String type, String value, String country, boolean valid, String problem) {}

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("A_NUMBER", "A_NUMBER"), Map.entry("ANUMBER", "A_NUMBER"), Map.entry("ALIEN_NUMBER", "A_NUMBER"),
            Map.entry("A#", "A_NUMBER"), Map.entry("A_NO", "A_NUMBER"), Map.entry("ALIEN_REGISTRATION_NUMBER", "A_NUMBER"),
            Map.entry("SSN", "SSN"), Map.entry("SOCIAL_SECURITY", "SSN"), Map.entry("SOC_SEC_ID", "SSN"),
            Map.entry("SOCIAL_SECURITY_NUMBER", "SSN"), Map.entry("SOC_SEC", "SSN"), Map.entry("SOC_SEC_NO", "SSN"),
            Map.entry("DL", "DRIVERS_LICENSE"), Map.entry("DRIVER_LICENSE", "DRIVERS_LICENSE"),
            Map.entry("DRIVERS_LICENSE", "DRIVERS_LICENSE"), Map.entry("DRIVERS_LICENCE", "DRIVERS_LICENSE"),
            Map.entry("DRIVER_LICENCE", "DRIVERS_LICENSE"), Map.entry("DRIVING_LICENCE", "DRIVERS_LICENSE"),
            Map.entry("DRIVER'S_LICENSE", "DRIVERS_LICENSE"),
            Map.entry("PASSPORT", "PASSPORT"), Map.entry("PASSPORT_NUMBER", "PASSPORT"), Map.entry("PASSPORT_NO", "PASSPORT"),
            Map.entry("PP", "PASSPORT"), Map.entry("PPT", "PASSPORT"),
            Map.entry("NATIONAL_ID", "NATIONAL_ID"), Map.entry("NID", "NATIONAL_ID"), Map.entry("ID_CARD", "NATIONAL_ID"),
            Map.entry("NATIONAL_ID_NUMBER", "NATIONAL_ID"),
            Map.entry("TAX_ID", "TAX_ID"), Map.entry("TIN", "TAX_ID"), Map.entry("TAX_NUMBER", "TAX_ID"),
            Map.entry("EIN", "TAX_ID"), Map.entry("ITIN", "TAX_ID"),
            Map.entry("STUDENT_ID", "STUDENT_ID"), Map.entry("SEVIS_ID", "STUDENT_ID"),
            Map.entry("VISA", "VISA"), Map.entry("VISA_NUMBER", "VISA"), Map.entry("VISA_NO", "VISA"));
    private static final Set<String> PLACEHOLDERS = Set.of(
            "UNKNOWN", "UNK", "NONE", "NA", "N/A", "NULL", "NIL", "TBD", "TBA", "NOTAPPLICABLE", "NOT_APPLICABLE");

    /** Standardizes {@code id}; never null for a non-null identifier. */
    public StandardIdentifier standardize(Identifier id) {
        String type = canonicalType(id.type());
        String country = CountryStandardizer.toIso2(id.country());
        String value = clean(id.value());
        if (value.isEmpty()) return new StandardIdentifier(type, value, country, false, "empty");
        if (isPlaceholder(value)) return new StandardIdentifier(type, value, country, false, "placeholder");
        value = value.replace("/", "");
        switch (type) {
            case "A_NUMBER": {
                String digits = value.charAt(0) == 'A' ? value.substring(1) : value;
                if (isDigits(digits) && (digits.length() == 8 || digits.length() == 9)) {
                    return new StandardIdentifier(type, "A" + digits, country, true, null);
                }
                return new StandardIdentifier(type, value, country, false, "A_NUMBER must be A and 8 or 9 digits");
            }
            case "SSN": {
                if (!isDigits(value)) return new StandardIdentifier(type, value, country, false, "SSN must be digits");
                String problem = value.length() == 9 && (country == null || country.equals("US")) ? usSsnProblem(value) : null;
                return new StandardIdentifier(type, value, country, problem == null, problem);
            }
            case "PASSPORT": {
                boolean ok = value.length() >= 5 && value.length() <= 20 && isAlphanumeric(value);
                return new StandardIdentifier(type, value, country, ok, ok ? null : "PASSPORT must be 5-20 letters or digits");
            }
            default:
                return new StandardIdentifier(type, value, country, true, null);
        }
    }

    /** Upper case, spaces and hyphens as underscores, then the synonym table ("A-Number" -> A_NUMBER). */
    static String canonicalType(String raw) {
        if (raw == null || raw.isBlank()) return "UNKNOWN";
        StringBuilder b = new StringBuilder(raw.length());
        String s = raw.strip().toUpperCase(Locale.ROOT);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '-' || c == '.' || c == '_') {
                if (b.length() > 0 && b.charAt(b.length() - 1) != '_') b.append('_');
            } else {
                b.append(c);
            }
        }
        while (b.length() > 0 && b.charAt(b.length() - 1) == '_') b.setLength(b.length() - 1);
        String t = b.toString();
        return TYPES.getOrDefault(t, t);
    }

    /** Upper case without spaces, hyphens and dots. */
    private static String clean(String raw) {
        if (raw == null) return "";
        StringBuilder b = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '-' || c == '.' || Character.isWhitespace(c)) continue;
            b.append(c);
        }
        return b.toString().toUpperCase(Locale.ROOT);
    }

    private static boolean isPlaceholder(String v) {
        if (PLACEHOLDERS.contains(v)) return true;
        boolean allSame = true;
        for (int i = 1; i < v.length(); i++) {
            if (v.charAt(i) != v.charAt(0)) {
                allSame = false;
                break;
            }
        }
        return allSame && (v.charAt(0) == '0' || v.length() >= 3);
    }

    /** US rules: area not 000, 666 or 9xx; group not 00; serial not 0000. */
    private static String usSsnProblem(String v) {
        String area = v.substring(0, 3);
        if (area.equals("000") || area.equals("666") || v.charAt(0) == '9') return "invalid SSN area " + area;
        if (v.startsWith("00", 3)) return "invalid SSN group 00";
        if (v.startsWith("0000", 5)) return "invalid SSN serial 0000";
        return null;
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    private static boolean isAlphanumeric(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) return false;
        }
        return true;
    }
}
