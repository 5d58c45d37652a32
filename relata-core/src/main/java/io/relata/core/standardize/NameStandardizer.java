package io.relata.core.standardize;

import io.relata.core.model.Name;
import io.relata.core.model.NameUse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * Standardizes a person's name into folded given and surname tokens, with titles and generational
 * suffixes taken out and reported apart, and surname particles (van, de, al-, bin ...) removed.
 * Stateless: one instance may be shared by all threads.
 */
public final class NameStandardizer {

    /**
     * A standardized person name. {@code given} holds given and middle name tokens in order;
     * {@code orderKnown} is false when a full name gave no hint which token is the surname.
     */
    public record StandardName(List<String> given, List<String> surname, String title, String suffix,
                               boolean orderKnown, boolean alias) {
        public StandardName {
            given = List.copyOf(given);
            surname = List.copyOf(surname);
        }
    }

    private static final Set<String> TITLES = Set.of(
            "mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "prof", "professor", "sir", "dame", "lord", "lady",
            "rev", "revd", "reverend", "fr", "father", "pastor", "rabbi", "imam", "hon", "sheikh", "shaikh", "sheik",
            "haji", "hajji", "hadji", "capt", "captain", "col", "colonel", "gen", "general", "lt", "sgt", "maj", "major",
            "mme", "mlle", "madame", "herr", "frau", "sra", "srta", "sig", "sigra");
    private static final Map<String, String> SUFFIXES = Map.of(
            "jr", "jr", "junior", "jr", "sr", "sr", "senior", "sr",
            "ii", "ii", "iii", "iii", "iv", "iv", "2nd", "ii", "3rd", "iii");
    private static final Set<String> PARTICLES = Set.of(
            "de", "del", "della", "la", "van", "von", "der", "den", "ten", "ter", "da", "dos", "das", "di", "du",
            "le", "bin", "ibn", "bint", "al", "el", "abu", "ben");

    private static final Map<String, String> VARIANTS = loadVariants("given-name-variants.txt");

    // DoubleMetaphone keeps no per-call state; its only mutable field (max code length) is set here once.
    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();
    static {
        METAPHONE.setMaxCodeLen(6);
    }

    private static final StandardName EMPTY = new StandardName(List.of(), List.of(), null, null, false, false);

    /** Standardizes a person name given as {@code full} or as parts. Never null. */
    public StandardName standardize(Name name) {
        if (name == null) return EMPTY;
        boolean alias = name.use() == NameUse.ALIAS;
        if (isBlank(name.given()) && isBlank(name.middle()) && isBlank(name.surname())) {
            return fromFull(name.full(), alias);
        }
        List<String> given = nameTokens(name.given());
        given.addAll(nameTokens(name.middle()));
        List<String> surname = nameTokens(name.surname());
        String title = stripTitles(given, 0);
        String suffix = stripSuffix(surname, 1);
        if (suffix == null) suffix = stripSuffix(given, 1);
        removeParticles(surname);
        return new StandardName(given, surname, title, suffix, true, alias);
    }

    private StandardName fromFull(String full, boolean alias) {
        if (isBlank(full)) return alias ? new StandardName(List.of(), List.of(), null, null, false, true) : EMPTY;
        int comma = full.indexOf(',');
        if (comma >= 0) {
            List<String> surname = nameTokens(full.substring(0, comma));
            List<String> given = nameTokens(full.substring(comma + 1));
            if (!surname.isEmpty() && !given.isEmpty() && !onlyTitlesAndSuffixes(given)) {
                // "Surname, Given Middle": the comma tells the order.
                String title = stripTitles(given, 0);
                if (title == null) title = stripTitles(surname, 1);
                String suffix = stripSuffix(given, 1);
                if (suffix == null) suffix = stripSuffix(surname, 1);
                removeParticles(surname);
                return new StandardName(given, surname, title, suffix, true, alias);
            }
            // "William Smith, Jr.": the comma only sets off a suffix.
        }
        if (isHan(full)) return fromHan(full, alias);
        List<String> tokens = nameTokens(full);
        String title = stripTitles(tokens, 1);
        String suffix = stripSuffix(tokens, 1);
        int n = tokens.size();
        if (n == 0) return new StandardName(List.of(), List.of(), title, suffix, false, alias);
        // The last token is the surname, with the particles just before it ("Ludwig van Beethoven"),
        // but a particle is never taken from the only given name ("Al Pacino").
        int start = n - 1;
        while (start > 1 && PARTICLES.contains(tokens.get(start - 1))) start--;
        List<String> surname = new ArrayList<>(tokens.subList(start, n));
        List<String> given = new ArrayList<>(tokens.subList(0, start));
        removeParticles(surname);
        return new StandardName(given, surname, title, suffix, false, alias);
    }

    /** Chinese names in Han script are family name first; the given name syllables form one word. */
    private static StandardName fromHan(String full, boolean alias) {
        String s = full.strip();
        int first = Character.charCount(s.codePointAt(0));
        String surname = TextFolding.fold(s.substring(0, first));
        String given = TextFolding.fold(s.substring(first)).replace(" ", "");
        return new StandardName(given.isEmpty() ? List.of() : List.of(given),
                surname.isEmpty() ? List.of() : List.of(surname), null, null, true, alias);
    }

    private static boolean isHan(String s) {
        if (TextFolding.isAscii(s)) return false;
        int han = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp)) continue;
            if (Character.UnicodeScript.of(cp) != Character.UnicodeScript.HAN) return false;
            han++;
        }
        return han >= 2;
    }

    /**
     * The canonical root of a folded given-name token ("bill" -> "william", "mohamed" -> "mohammed");
     * unknown tokens map to themselves.
     */
    public static String nicknameRoot(String foldedGivenToken) {
        if (foldedGivenToken == null) return null;
        return VARIANTS.getOrDefault(foldedGivenToken, foldedGivenToken);
    }

    /** The primary Double Metaphone code of a folded token (at most 6 characters); "" for empty input. */
    public static String phonetic(String foldedToken) {
        if (foldedToken == null || foldedToken.isEmpty()) return "";
        String code = METAPHONE.doubleMetaphone(foldedToken);
        return code == null ? "" : code;
    }

    private static List<String> nameTokens(String raw) {
        return raw == null ? new ArrayList<>(0) : new ArrayList<>(TextFolding.tokens(raw));
    }

    /** Removes leading titles, keeping at least {@code keep} tokens; returns the first one removed. */
    private static String stripTitles(List<String> tokens, int keep) {
        String title = null;
        while (tokens.size() > keep && TITLES.contains(tokens.get(0))) {
            String t = tokens.remove(0);
            if (title == null) title = t;
        }
        return title;
    }

    /** Removes trailing suffixes, keeping at least {@code keep} tokens; returns the normalized suffix. */
    private static String stripSuffix(List<String> tokens, int keep) {
        String suffix = null;
        while (tokens.size() > keep) {
            String s = SUFFIXES.get(tokens.get(tokens.size() - 1));
            if (s == null) break;
            tokens.remove(tokens.size() - 1);
            if (suffix == null) suffix = s;
        }
        return suffix;
    }

    /** Removes particles from a surname, unless nothing but particles would be left. */
    private static void removeParticles(List<String> surname) {
        boolean hasCore = false;
        for (String t : surname) {
            if (!PARTICLES.contains(t)) {
                hasCore = true;
                break;
            }
        }
        if (hasCore) surname.removeIf(PARTICLES::contains);
    }

    private static boolean onlyTitlesAndSuffixes(List<String> tokens) {
        for (String t : tokens) {
            if (!TITLES.contains(t) && !SUFFIXES.containsKey(t) && !t.equals("esq") && !t.equals("phd")) return false;
        }
        return true;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** Reads the variant groups: one per line, first entry the root; a token keeps its first group. */
    static Map<String, String> loadVariants(String resource) {
        Map<String, String> m = new HashMap<>(4096);
        try (InputStream in = NameStandardizer.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String root = null;
                for (String entry : line.split(",")) {
                    String token = TextFolding.fold(entry);
                    if (token.isEmpty()) continue;
                    if (root == null) root = token;
                    m.putIfAbsent(token, root);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(m);
    }
}
