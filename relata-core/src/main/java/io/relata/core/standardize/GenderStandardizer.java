package io.relata.core.standardize;

import java.util.Map;

/** Maps a gender as sources write it to 'M', 'F', 'X' (other, non-binary), or 0 when unknown or absent. */
public final class GenderStandardizer {
    private static final Map<String, Character> CODES = Map.ofEntries(
            Map.entry("m", 'M'), Map.entry("male", 'M'), Map.entry("man", 'M'), Map.entry("boy", 'M'),
            Map.entry("h", 'M'), Map.entry("hombre", 'M'), Map.entry("masculino", 'M'), Map.entry("masculin", 'M'),
            Map.entry("mann", 'M'), Map.entry("maennlich", 'M'), Map.entry("mannlich", 'M'), Map.entry("1", 'M'),
            Map.entry("f", 'F'), Map.entry("female", 'F'), Map.entry("woman", 'F'), Map.entry("girl", 'F'),
            Map.entry("w", 'F'), Map.entry("mujer", 'F'), Map.entry("femenino", 'F'), Map.entry("feminin", 'F'),
            Map.entry("frau", 'F'), Map.entry("weiblich", 'F'), Map.entry("2", 'F'),
            Map.entry("x", 'X'), Map.entry("other", 'X'), Map.entry("nonbinary", 'X'), Map.entry("non binary", 'X'),
            Map.entry("nb", 'X'), Map.entry("diverse", 'X'), Map.entry("divers", 'X'), Map.entry("d", 'X'));

    private GenderStandardizer() {}

    /** 'M', 'F', 'X', or 0 when {@code raw} is null, blank or not recognised (e.g. "u", "unknown"). */
    public static char standardize(String raw) {
        if (raw == null) return 0;
        Character c = CODES.get(TextFolding.fold(raw));
        return c == null ? 0 : c;
    }
}
