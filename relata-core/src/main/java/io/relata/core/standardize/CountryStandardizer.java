package io.relata.core.standardize;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Maps a country as sources write it (ISO 3166 alpha-2 or alpha-3 in any case, an English name, or a
 * common alias) to its ISO 3166 alpha-2 code. One map, built once, keyed by the folded text.
 */
public final class CountryStandardizer {
    private static final Map<String, String> CODES = build();

    private CountryStandardizer() {}

    /** The ISO 3166 alpha-2 code (upper case) for {@code raw}, or null when it names no known country. */
    public static String toIso2(String raw) {
        if (raw == null) return null;
        String key = TextFolding.fold(raw);
        return key.isEmpty() ? null : CODES.get(key);
    }

    private static Map<String, String> build() {
        Map<String, String> m = new HashMap<>(1024);
        for (String iso2 : Locale.getISOCountries()) {
            Locale l = new Locale("", iso2);
            m.put(iso2.toLowerCase(Locale.ROOT), iso2);
            try {
                String iso3 = l.getISO3Country();
                if (!iso3.isEmpty()) m.put(iso3.toLowerCase(Locale.ROOT), iso2);
            } catch (java.util.MissingResourceException ignored) {
                // a code without an alpha-3 form: the alpha-2 and the name still work
            }
            m.putIfAbsent(TextFolding.fold(l.getDisplayCountry(Locale.ENGLISH)), iso2);
        }
        // Aliases: older names, short forms and the way people actually write them.
        alias(m, "US", "usa", "u s a", "u s", "united states", "united states of america", "america", "us of a");
        alias(m, "GB", "uk", "u k", "united kingdom", "great britain", "britain", "england", "scotland", "wales",
                "northern ireland", "united kingdom of great britain and northern ireland");
        alias(m, "RU", "russia", "russian federation");
        alias(m, "KR", "south korea", "korea", "korea republic of", "republic of korea", "korea south", "rok");
        alias(m, "KP", "north korea", "korea dpr", "dprk", "korea north", "democratic people s republic of korea",
                "korea democratic people s republic of");
        alias(m, "IR", "iran", "iran islamic republic of", "islamic republic of iran", "persia");
        alias(m, "SY", "syria", "syrian arab republic");
        alias(m, "VN", "vietnam", "viet nam");
        alias(m, "LA", "laos", "lao pdr", "lao people s democratic republic");
        alias(m, "BO", "bolivia", "bolivia plurinational state of");
        alias(m, "VE", "venezuela", "venezuela bolivarian republic of");
        alias(m, "TZ", "tanzania", "tanzania united republic of", "united republic of tanzania");
        alias(m, "CZ", "czech republic", "czechia");
        alias(m, "CI", "ivory coast", "cote d ivoire", "cote divoire");
        alias(m, "NL", "holland", "the netherlands", "netherlands");
        alias(m, "MM", "burma", "myanmar");
        alias(m, "AE", "uae", "u a e", "emirates", "united arab emirates");
        alias(m, "CD", "drc", "dr congo", "congo kinshasa", "democratic republic of the congo",
                "congo democratic republic of the", "zaire");
        alias(m, "CG", "congo", "congo brazzaville", "republic of the congo");
        alias(m, "MD", "moldova", "moldova republic of");
        alias(m, "MK", "macedonia", "north macedonia", "fyrom");
        alias(m, "PS", "palestine", "palestinian territories", "state of palestine");
        alias(m, "TW", "taiwan", "republic of china", "chinese taipei");
        alias(m, "CN", "china", "prc", "people s republic of china");
        alias(m, "HK", "hong kong");
        alias(m, "MO", "macau", "macao");
        alias(m, "VA", "vatican", "holy see", "vatican city");
        alias(m, "SZ", "swaziland", "eswatini");
        alias(m, "CV", "cape verde", "cabo verde");
        alias(m, "TL", "east timor", "timor leste");
        alias(m, "TR", "turkey", "turkiye");
        alias(m, "BN", "brunei");
        alias(m, "FM", "micronesia");
        alias(m, "LY", "libya", "libyan arab jamahiriya");
        alias(m, "XK", "kosovo", "xk", "xkx");
        alias(m, "BA", "bosnia", "bosnia herzegovina", "bosnia and herzegovina");
        alias(m, "TT", "trinidad", "trinidad tobago");
        alias(m, "KN", "st kitts and nevis", "saint kitts and nevis");
        alias(m, "LC", "st lucia", "saint lucia");
        alias(m, "VC", "st vincent", "saint vincent and the grenadines");
        alias(m, "DO", "dominican republic");
        alias(m, "DE", "west germany", "deutschland");
        alias(m, "ES", "espana");
        alias(m, "MX", "mejico");
        alias(m, "PH", "philippines", "the philippines");
        alias(m, "GM", "gambia", "the gambia");
        alias(m, "BS", "bahamas", "the bahamas");
        return Map.copyOf(m);
    }

    private static void alias(Map<String, String> m, String iso2, String... names) {
        for (String n : names) m.put(TextFolding.fold(n), iso2);
    }
}
