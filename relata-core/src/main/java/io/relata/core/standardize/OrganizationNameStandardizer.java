package io.relata.core.standardize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Standardizes an organization name: folded, "&" read as "and", a leading "the" dropped, and the legal
 * form ("Inc.", "S.p.A.", "Co., Ltd.", "Pty Ltd") taken off the end and reported apart, so that
 * "The Acme Company" and "ACME Co." compare equal. Stateless and thread-safe.
 */
public final class OrganizationNameStandardizer {

    /**
     * {@code name}: the folded name without legal form; {@code tokens}: its words; {@code legalForm}: the
     * canonical legal form(s) removed, space-separated in written order ("co ltd"), or null when none.
     */
    public record StandardOrgName(String name, List<String> tokens, String legalForm) {
        public StandardOrgName {
            tokens = List.copyOf(tokens);
        }
    }

    /** Legal forms (folded, dots and spaces removed) and their canonical spelling. */
    private static final Map<String, String> LEGAL_FORMS = Map.ofEntries(
            Map.entry("inc", "inc"), Map.entry("incorporated", "inc"), Map.entry("llc", "llc"),
            Map.entry("ltd", "ltd"), Map.entry("limited", "ltd"), Map.entry("ltda", "ltda"),
            Map.entry("gmbh", "gmbh"), Map.entry("mbh", "mbh"), Map.entry("ag", "ag"), Map.entry("kg", "kg"),
            Map.entry("ohg", "ohg"), Map.entry("ug", "ug"), Map.entry("ev", "ev"), Map.entry("se", "se"),
            Map.entry("sa", "sa"), Map.entry("sas", "sas"), Map.entry("sarl", "sarl"), Map.entry("sau", "sau"),
            Map.entry("sl", "sl"), Map.entry("spa", "spa"), Map.entry("srl", "srl"), Map.entry("snc", "snc"),
            Map.entry("plc", "plc"), Map.entry("co", "co"), Map.entry("company", "co"), Map.entry("corp", "corp"),
            Map.entry("corporation", "corp"), Map.entry("bv", "bv"), Map.entry("nv", "nv"), Map.entry("vof", "vof"),
            Map.entry("pty", "pty"), Map.entry("oy", "oy"), Map.entry("oyj", "oyj"), Map.entry("ab", "ab"),
            Map.entry("as", "as"), Map.entry("asa", "asa"), Map.entry("aps", "aps"), Map.entry("kk", "kk"),
            Map.entry("llp", "llp"), Map.entry("lp", "lp"), Map.entry("pllc", "pllc"), Map.entry("pc", "pc"),
            Map.entry("cv", "cv"), Map.entry("sapi", "sapi"), Map.entry("bhd", "bhd"), Map.entry("sdn", "sdn"),
            Map.entry("pvt", "pvt"), Map.entry("private", "pvt"), Map.entry("jsc", "jsc"), Map.entry("pjsc", "pjsc"),
            Map.entry("ooo", "ooo"), Map.entry("zao", "zao"), Map.entry("oao", "oao"), Map.entry("pao", "pao"),
            Map.entry("sro", "sro"), Map.entry("spzoo", "spzoo"), Map.entry("doo", "doo"), Map.entry("kft", "kft"),
            Map.entry("zrt", "zrt"), Map.entry("tbk", "tbk"), Map.entry("pt", "pt"));
    /** Forms written before the name ("OOO Romashka", "PT Bank Mandiri"). */
    private static final Set<String> LEADING_FORMS = Set.of("ooo", "zao", "oao", "pao", "pt", "cv", "pjsc", "jsc");
    /** Words that only join legal forms ("S.A. de C.V.", "Smith and Co"). */
    private static final Set<String> JOINERS = Set.of("de", "and");

    /** Standardizes {@code rawName}; an empty name for null or blank input. Never null. */
    public StandardOrgName standardize(String rawName) {
        if (rawName == null) return new StandardOrgName("", List.of(), null);
        String s = rawName.indexOf('&') >= 0 ? rawName.replace("&", " and ") : rawName;
        List<String> tokens = new ArrayList<>(TextFolding.tokens(s));
        List<String> forms = new ArrayList<>(2);
        stripTrailingForms(tokens, forms);
        if (tokens.size() > 1 && LEADING_FORMS.contains(tokens.get(0))) forms.add(0, tokens.remove(0));
        if (tokens.size() > 1 && tokens.get(0).equals("the")) tokens.remove(0);
        return new StandardOrgName(String.join(" ", tokens), tokens, forms.isEmpty() ? null : String.join(" ", forms));
    }

    private static void stripTrailingForms(List<String> tokens, List<String> forms) {
        while (tokens.size() > 1) {
            int n = tokens.size();
            // Dotted forms fold to single letters ("S.p.A." -> s p a): join the trailing letters.
            int letters = 0;
            while (letters < n - 1 && tokens.get(n - 1 - letters).length() == 1) letters++;
            int taken = 0;
            String form = null;
            for (int k = letters; k >= 2 && form == null; k--) {
                StringBuilder b = new StringBuilder(k);
                for (int i = n - k; i < n; i++) b.append(tokens.get(i));
                form = LEGAL_FORMS.get(b.toString());
                if (form != null) taken = k;
            }
            if (form == null) {
                form = LEGAL_FORMS.get(tokens.get(n - 1));
                taken = 1;
            }
            if (form == null) {
                // A joiner counts only between a legal form already removed and the name.
                if (!forms.isEmpty() && JOINERS.contains(tokens.get(n - 1))) {
                    tokens.remove(n - 1);
                    continue;
                }
                return;
            }
            if (taken >= n) return; // never strip the whole name ("Company")
            tokens.subList(n - taken, n).clear();
            forms.add(0, form);
        }
    }
}
