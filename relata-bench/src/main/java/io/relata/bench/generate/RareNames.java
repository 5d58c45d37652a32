package io.relata.bench.generate;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The long tail of a name list. Real name frequencies have one: the 152 commonest US surnames cover only 21% of
 * people (US Census 2010), so a population drawn from a short list alone repeats "John Smith" tens of times more
 * often than a real one does. Tail names are made like many real rare names are: the start of one listed name
 * joined to the end of another (Johnson + Harper = Johper), or for Chinese two given-name syllables (Wei + Ming).
 * The tail is fixed (its own seed), so every data set shares it.
 */
final class RareNames {
    private static final int MAX_TRIES = 50;

    private RareNames() {}

    /** Up to {@code count} blends of the listed names, none equal to a listed name; script forms by Russian BGN. */
    static List<NameEntry> blends(List<NameEntry> listed, int count, long seed, boolean cyrillic) {
        List<String> parts = new ArrayList<>();
        for (NameEntry e : listed) if (e.latin().matches("\\p{L}{4,}")) parts.add(e.latin());
        Set<String> taken = new LinkedHashSet<>();
        for (NameEntry e : listed) taken.add(e.latin());
        Transliterator toCyrillic = cyrillic ? Transliterator.getInstance("Latin-Russian/BGN") : null;
        SplittableRandom rng = new SplittableRandom(seed);
        List<NameEntry> out = new ArrayList<>();
        for (int tries = 0; out.size() < count && tries < count * MAX_TRIES; tries++) {
            String name = head(parts.get(rng.nextInt(parts.size()))) + tail(parts.get(rng.nextInt(parts.size())));
            if (name.length() < 4 || !taken.add(name)) continue;
            // BGN writes -ский as -skiy: so a -sky blend is written for the transliterator
            String script = toCyrillic == null ? null
                    : toCyrillic.transliterate(name.endsWith("sky") ? name.substring(0, name.length() - 1) + "iy" : name);
            out.add(new NameEntry(name, script));
        }
        return out;
    }

    /** Up to {@code count} names of two listed one-character names (Wei + Ming = Weiming, 伟明), none listed. */
    static List<NameEntry> compounds(List<NameEntry> listed, int count, long seed) {
        List<NameEntry> syllables = new ArrayList<>();
        for (NameEntry e : listed) if (e.script() != null && e.script().length() == 1) syllables.add(e);
        Set<String> taken = new LinkedHashSet<>();
        for (NameEntry e : listed) taken.add(e.latin());
        SplittableRandom rng = new SplittableRandom(seed);
        List<NameEntry> out = new ArrayList<>();
        for (int tries = 0; out.size() < count && tries < count * MAX_TRIES; tries++) {
            NameEntry a = syllables.get(rng.nextInt(syllables.size()));
            NameEntry b = syllables.get(rng.nextInt(syllables.size()));
            String name = a.latin() + b.latin().toLowerCase(Locale.ROOT);
            if (a != b && taken.add(name)) out.add(new NameEntry(name, a.script() + b.script()));
        }
        return out;
    }

    /** The start of a name through its first vowel and one consonant after it: Johnson gives Joh. */
    static String head(String name) {
        int i = 0;
        while (i < name.length() && !isVowel(name.charAt(i))) i++;
        while (i < name.length() && isVowel(name.charAt(i))) i++;
        return name.substring(0, Math.min(name.length(), Math.max(2, i + 1)));
    }

    /** The end of a name from the consonant before its last vowel: Johnson gives son, Harper gives per. */
    static String tail(String name) {
        int i = name.length() - 1;
        while (i > 0 && !isVowel(name.charAt(i))) i--;
        while (i > 0 && isVowel(name.charAt(i - 1))) i--;
        return name.substring(Math.max(1, i - 1)).toLowerCase(Locale.ROOT);
    }

    private static boolean isVowel(char c) {
        char base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).charAt(0);
        return "aeiouyAEIOUY".indexOf(base) >= 0;
    }
}
