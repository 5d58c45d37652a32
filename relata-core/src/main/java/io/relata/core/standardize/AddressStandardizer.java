package io.relata.core.standardize;

import io.relata.core.model.Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Standardizes a postal address: folded text, street-type and direction abbreviations unified to one
 * word ("St" -> street, "N" -> north), the house number and unit taken out of the street line, postcode
 * upper-cased without spaces, country as ISO alpha-2. Free-text addresses ({@code full}) are parsed best
 * effort. Stateless and thread-safe.
 */
public final class AddressStandardizer {

    /**
     * Folded parts (null when absent) and {@code full}, all parts in one normalized line for display and
     * fuzzy comparison. A second address line that is a place name rather than a street (FEBRL's "masonic
     * memorial village") appears only in {@code full}.
     */
    public record StandardAddress(String houseNumber, String unit, String street, String city, String region,
                                  String postcode, String country, String full) {}

    private static final Map<String, String> STREET_WORDS = Map.ofEntries(
            Map.entry("st", "street"), Map.entry("str", "street"), Map.entry("rd", "road"), Map.entry("ave", "avenue"),
            Map.entry("av", "avenue"), Map.entry("avn", "avenue"), Map.entry("blvd", "boulevard"), Map.entry("bvd", "boulevard"),
            Map.entry("dr", "drive"), Map.entry("drv", "drive"), Map.entry("ln", "lane"), Map.entry("ct", "court"),
            Map.entry("crt", "court"), Map.entry("pl", "place"), Map.entry("cres", "crescent"), Map.entry("cr", "crescent"),
            Map.entry("hwy", "highway"), Map.entry("pkwy", "parkway"), Map.entry("pky", "parkway"), Map.entry("sq", "square"),
            Map.entry("tce", "terrace"), Map.entry("ter", "terrace"), Map.entry("terr", "terrace"), Map.entry("cir", "circle"),
            Map.entry("mt", "mount"), Map.entry("cct", "circuit"), Map.entry("pde", "parade"), Map.entry("cl", "close"),
            Map.entry("gr", "grove"), Map.entry("gro", "grove"), Map.entry("esp", "esplanade"), Map.entry("wy", "way"),
            Map.entry("gdns", "gardens"), Map.entry("hts", "heights"), Map.entry("jct", "junction"),
            Map.entry("expy", "expressway"), Map.entry("fwy", "freeway"), Map.entry("trl", "trail"), Map.entry("aly", "alley"),
            Map.entry("n", "north"), Map.entry("s", "south"), Map.entry("e", "east"), Map.entry("w", "west"),
            Map.entry("ne", "northeast"), Map.entry("nw", "northwest"), Map.entry("se", "southeast"),
            Map.entry("sw", "southwest"), Map.entry("strasse", "strasse"), Map.entry("hauptstr", "hauptstrasse"));
    /** Words that introduce a unit; "ste" only before a number, since it is also "Sainte". */
    private static final Set<String> UNIT_MARKERS = Set.of("apt", "apartment", "unit", "flat", "suite", "ste", "rm", "room");
    /** At the start of a street or city name these abbreviations are words of the name ("St Kilda"). */
    private static final Map<String, String> NAME_START = Map.of("st", "saint", "ste", "sainte", "mt", "mount", "ft", "fort");

    /** Standardizes {@code a}; {@code defaultCountry} (any form CountryStandardizer knows) fills an absent country. */
    public StandardAddress standardize(Address a, String defaultCountry) {
        if (a == null) return null;
        boolean partsForm = a.line1() != null || a.line2() != null || a.city() != null || a.region() != null
                || a.postcode() != null;
        Parsed p = partsForm ? fromParts(a) : fromFull(a.full());
        String countryText = p.country != null ? p.country : a.country();
        String country = isBlank(countryText) ? CountryStandardizer.toIso2(defaultCountry)
                : CountryStandardizer.toIso2(countryText);
        StreetLine s = parseStreetLine(p.streetLine);
        String unit = s.unit != null ? s.unit : p.unit;
        String postcode = postcode(p.postcode);
        String city = emptyToNull(nameStart(TextFolding.fold(p.city)));
        String region = emptyToNull(TextFolding.fold(p.region));
        String full = join(s.house, s.street, unit == null ? null : "unit " + unit, TextFolding.fold(p.extra),
                city, region, postcode == null ? null : postcode.toLowerCase(Locale.ROOT),
                country == null ? null : country.toLowerCase(Locale.ROOT));
        return new StandardAddress(s.house, unit, s.street, city, region, postcode, country, full);
    }

    /** The raw pieces an address was split into, before folding. */
    private static final class Parsed {
        String streetLine, extra, unit, city, region, postcode, country;
    }

    private record StreetLine(String house, String unit, String street) {}

    private static Parsed fromParts(Address a) {
        Parsed p = new Parsed();
        String line1 = a.line1(), line2 = a.line2();
        if (isBlank(line1) || !startsWithDigit(line1) && startsWithDigit(line2) || isUnitOnly(line1)) {
            String t = line1;
            line1 = line2;
            line2 = t;
        }
        p.streetLine = line1;
        if (isUnitOnly(line2)) p.streetLine = (line1 == null ? "" : line1) + " " + line2;
        else p.extra = line2;
        p.city = a.city();
        p.region = a.region();
        p.postcode = a.postcode();
        return p;
    }

    /** "12 Main St, Apt 4, Springfield, IL 62704, USA": street line, units, city, region, postcode, country. */
    private static Parsed fromFull(String full) {
        Parsed p = new Parsed();
        if (isBlank(full)) return p;
        List<String> parts = new ArrayList<>(5);
        for (String part : split(full, ",;\n")) {
            if (!part.isBlank()) parts.add(part.strip());
        }
        if (parts.isEmpty()) return p;
        if (parts.size() >= 3) {
            String last = parts.get(parts.size() - 1);
            if (TextFolding.fold(last).length() >= 3 && CountryStandardizer.toIso2(last) != null) {
                p.country = parts.remove(parts.size() - 1);
            }
        }
        p.streetLine = parts.remove(0);
        // "Flat 2, 12 Smith St": the unit came first.
        if (isUnitOnly(p.streetLine) && !parts.isEmpty()) p.streetLine = parts.remove(0) + " " + p.streetLine;
        parts.removeIf(part -> {
            if (!isUnitOnly(part)) return false;
            p.streetLine = p.streetLine + " " + part;
            return true;
        });
        if (parts.isEmpty()) return p;
        // The postcode: digit-bearing words at the end of the last part ("IL 62704", "SW1A 1AA"), or a
        // number at its start ("10115 Berlin").
        String[] words = split(parts.get(parts.size() - 1), " \t").toArray(new String[0]);
        int end = words.length;
        int start = end;
        while (start > 0 && end - start < 2 && hasDigit(words[start - 1])) start--;
        if (start < end) {
            p.postcode = String.join("", List.of(words).subList(start, end));
            end = start;
            start = 0;
        } else if (hasDigit(words[0])) {
            p.postcode = words[0];
            start = 1;
        } else {
            start = 0;
        }
        String remaining = String.join(" ", List.of(words).subList(start, end));
        parts.set(parts.size() - 1, remaining);
        parts.removeIf(String::isBlank);
        if (parts.size() == 1) {
            String[] w = split(parts.get(0), " \t").toArray(new String[0]);
            if (w.length >= 2 && w[w.length - 1].length() <= 3 && p.postcode != null) {
                p.city = String.join(" ", List.of(w).subList(0, w.length - 1)); // "Sydney NSW 2000"
                p.region = w[w.length - 1];
            } else {
                p.city = parts.get(0);
            }
        } else if (parts.size() >= 2) {
            // Anything before city and region is a place name, like FEBRL's second line.
            p.region = parts.remove(parts.size() - 1);
            p.city = parts.remove(parts.size() - 1);
            if (!parts.isEmpty()) p.extra = String.join(" ", parts);
        }
        return p;
    }

    /** Splits one street line into house number, unit and street words. */
    private static StreetLine parseStreetLine(String raw) {
        if (isBlank(raw)) return new StreetLine(null, null, null);
        String s = raw.strip().replace("#", " unit ");
        String house = null, unit = null;
        // "4/12 Smith St" is unit 4 at number 12; "12-14 Smith St" is number 12.
        int i = 0, n = s.length();
        while (i < n && Character.isDigit(s.charAt(i))) i++;
        if (i > 0 && i + 1 < n && (s.charAt(i) == '/' || s.charAt(i) == '-') && Character.isDigit(s.charAt(i + 1))) {
            int j = i + 1;
            while (j < n && Character.isLetterOrDigit(s.charAt(j))) j++;
            if (s.charAt(i) == '/') {
                unit = TextFolding.fold(s.substring(0, i));
                house = TextFolding.fold(s.substring(i + 1, j));
            } else {
                house = s.substring(0, i);
            }
            s = s.substring(j);
        }
        List<String> tokens = new ArrayList<>(TextFolding.tokens(s));
        for (int k = 0; k < tokens.size() - 1; k++) {
            String t = tokens.get(k);
            if (UNIT_MARKERS.contains(t) && (!t.equals("ste") || hasDigit(tokens.get(k + 1)))) {
                if (unit == null) unit = tokens.get(k + 1);
                tokens.subList(k, k + 2).clear();
                k--;
            }
        }
        if (house == null && !tokens.isEmpty()) {
            if (Character.isDigit(tokens.get(0).charAt(0))) house = tokens.remove(0);
            else if (tokens.size() > 1 && Character.isDigit(tokens.get(tokens.size() - 1).charAt(0))) {
                house = tokens.remove(tokens.size() - 1); // "Hauptstrasse 12"
            }
        }
        StringBuilder street = new StringBuilder(s.length());
        for (int k = 0; k < tokens.size(); k++) {
            String t = tokens.get(k);
            String w = k == 0 && tokens.size() > 1 && NAME_START.containsKey(t) ? NAME_START.get(t)
                    : STREET_WORDS.getOrDefault(t, t);
            if (street.length() > 0) street.append(' ');
            street.append(w);
        }
        return new StreetLine(emptyToNull(house), emptyToNull(unit), emptyToNull(street.toString()));
    }

    private static String nameStart(String folded) {
        int sp = folded.indexOf(' ');
        if (sp < 0) return folded;
        String first = NAME_START.get(folded.substring(0, sp));
        return first == null ? folded : first + folded.substring(sp);
    }

    /** Upper case, letters, digits and hyphens only ("sw1a 1aa" -> "SW1A1AA"); null when nothing is left. */
    private static String postcode(String raw) {
        if (raw == null) return null;
        StringBuilder b = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= 'a' && c <= 'z') b.append((char) (c - 32));
            else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-') b.append(c);
        }
        return b.length() == 0 ? null : b.toString();
    }

    private static boolean isUnitOnly(String raw) {
        if (isBlank(raw)) return false;
        String s = raw.strip();
        if (s.charAt(0) == '#') return true;
        List<String> t = TextFolding.tokens(s);
        return t.size() == 2 && UNIT_MARKERS.contains(t.get(0));
    }

    private static boolean startsWithDigit(String s) {
        return !isBlank(s) && Character.isDigit(s.strip().charAt(0));
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) return true;
        }
        return false;
    }

    /** Splits on any of {@code separators}, dropping empty pieces; a char loop, no regex. */
    private static List<String> split(String s, String separators) {
        List<String> out = new ArrayList<>(4);
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || separators.indexOf(s.charAt(i)) >= 0) {
                if (i > start) out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        return out;
    }

    private static String join(String... parts) {
        StringBuilder b = new StringBuilder(64);
        for (String p : parts) {
            if (p == null || p.isEmpty()) continue;
            if (b.length() > 0) b.append(' ');
            b.append(p);
        }
        return b.toString();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
