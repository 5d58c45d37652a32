package io.relata.bench.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The embedded reference lists: names per culture (frequency ordered), nicknames, spelling variants,
 * countries, US cities and street names. Loaded once; immutable and shared by all generators.
 */
final class NamePools {
    private static final int TAIL_PER_LISTED = 25;
    private static final NamePools INSTANCE = new NamePools();

    private final Map<Culture, WeightedPool<NameEntry>> male = new EnumMap<>(Culture.class);
    private final Map<Culture, WeightedPool<NameEntry>> female = new EnumMap<>(Culture.class);
    private final Map<Culture, WeightedPool<NameEntry>> surnames = new EnumMap<>(Culture.class);
    private final Map<Culture, WeightedPool<Country>> countries = new EnumMap<>(Culture.class);
    private final WeightedPool<Culture> cultures;
    private final List<String> vietnameseMiddles;
    private final Map<String, List<String>> nicknames = new HashMap<>();
    private final Map<String, List<String>> variants = new HashMap<>();
    private final WeightedPool<UsCity> usCities;
    private final WeightedPool<String> streets;
    private final List<String> orgWords;

    /** A US city with its state, ZIP prefix and area codes. */
    record UsCity(String name, String state, String zipPrefix, String[] areaCodes) {}

    private NamePools() {
        for (Culture c : Culture.values()) {
            male.put(c, givenNames(c, c.file + ".male.txt"));
            female.put(c, givenNames(c, c.file + ".female.txt"));
            surnames.put(c, names(entries(c.file + ".surname.txt"), c.surnameListedShare, 0.9, 0.6,
                    (listed, n) -> RareNames.blends(listed, n, (c.file + "surname").hashCode(), c == Culture.SLAVIC)));
        }
        cultures = new WeightedPool<>(Arrays.asList(Culture.values()),
                Arrays.stream(Culture.values()).mapToDouble(c -> c.weight).toArray());
        vietnameseMiddles = lines("names/vietnamese.middle.txt");
        for (String line : lines("nicknames.txt")) {
            int colon = line.indexOf(':');
            nicknames.put(line.substring(0, colon).strip(), splitList(line.substring(colon + 1)));
        }
        for (String line : lines("variants.txt")) {
            List<String> group = splitList(line);
            for (String name : group) {
                List<String> others = new ArrayList<>(group);
                others.removeIf(o -> o.equals(name));
                if (!others.isEmpty()) variants.merge(name, others, (a, b) -> { List<String> m = new ArrayList<>(a); m.addAll(b); return m; });
            }
        }
        Map<Culture, List<Country>> byCulture = new EnumMap<>(Culture.class);
        for (String line : lines("countries.txt")) {
            String[] f = line.split("\\|", -1);
            Country country = new Country(f[0], f[1], f[2], f[3], f[4], Culture.valueOf(f[5]), splitList(f[6]));
            byCulture.computeIfAbsent(country.culture(), k -> new ArrayList<>()).add(country);
        }
        byCulture.forEach((c, list) -> countries.put(c, WeightedPool.byRank(list, 1.2)));
        List<UsCity> cities = new ArrayList<>();
        List<Double> cityWeights = new ArrayList<>();
        for (String line : lines("us-cities.txt")) {
            String[] f = line.split("\\|");
            cities.add(new UsCity(f[0], f[1], f[2], f[3].split(" ")));
            cityWeights.add(Double.parseDouble(f[4]));
        }
        usCities = new WeightedPool<>(cities, cityWeights.stream().mapToDouble(Double::doubleValue).toArray());
        streets = WeightedPool.byRank(lines("us-streets.txt"), 0.5);
        orgWords = lines("org-words.txt");
    }

    static NamePools get() {
        return INSTANCE;
    }

    WeightedPool<Culture> cultures() { return cultures; }
    WeightedPool<NameEntry> given(Culture c, boolean isMale) { return isMale ? male.get(c) : female.get(c); }
    WeightedPool<NameEntry> surnames(Culture c) { return surnames.get(c); }
    WeightedPool<Country> countries(Culture c) { return countries.get(c); }
    List<String> vietnameseMiddles() { return vietnameseMiddles; }
    WeightedPool<UsCity> usCities() { return usCities; }
    WeightedPool<String> streets() { return streets; }
    List<String> orgWords() { return orgWords; }

    /** Nicknames for a formal given name, or an empty list. */
    List<String> nicknames(String given) {
        return nicknames.getOrDefault(given, List.of());
    }

    /** Other spellings of a name (transliteration, anglicization), or an empty list. */
    List<String> variants(String name) {
        return variants.getOrDefault(name, List.of());
    }

    private static WeightedPool<NameEntry> givenNames(Culture c, String file) {
        return names(entries(file), c.givenListedShare, 1.0, 0.7, (listed, n) -> c == Culture.CHINESE
                ? RareNames.compounds(listed, n, file.hashCode())
                : RareNames.blends(listed, n, file.hashCode(), false));
    }

    /**
     * A list alone keeps its steep rank weights (it is the whole distribution); a list with a tail is only the
     * distribution's head, which falls more gently (census surname ranks 1 to 152: 828 to 57 per 100,000).
     */
    private static WeightedPool<NameEntry> names(List<NameEntry> listed, double listedShare, double aloneExponent,
                                                 double headExponent, BiFunction<List<NameEntry>, Integer, List<NameEntry>> tail) {
        if (listedShare >= 1) return WeightedPool.byRank(listed, aloneExponent);
        return WeightedPool.withTail(listed, tail.apply(listed, TAIL_PER_LISTED * listed.size()), headExponent, listedShare);
    }

    private static List<NameEntry> entries(String file) {
        List<NameEntry> out = new ArrayList<>();
        for (String line : lines("names/" + file)) {
            int bar = line.indexOf('|');
            out.add(bar < 0 ? new NameEntry(line, null) : new NameEntry(line.substring(0, bar), line.substring(bar + 1)));
        }
        return out;
    }

    private static List<String> splitList(String text) {
        List<String> out = new ArrayList<>();
        for (String s : text.split(",")) if (!s.isBlank()) out.add(s.strip());
        return out;
    }

    static List<String> lines(String resource) {
        try (InputStream in = NamePools.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            List<String> out = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    line = line.strip();
                    if (!line.isEmpty() && !line.startsWith("#")) out.add(line);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
