package io.relata.core.standardize;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds free text to a comparable form: NFKC, any script to Latin to ASCII (ICU transliteration), lowercase, every run of
 * non-alphanumeric characters collapsed to one space, trimmed. Apostrophes vanish without leaving a space
 * ("O'Brien" -> "obrien") because they join the parts of one name; hyphens separate them.
 *
 * <p>Plain ASCII input (the common case) never touches ICU: one char loop, and no allocation at all when
 * the input is already folded.
 */
public final class TextFolding {
    // Cyrillic goes through the BGN/PCGN romanization (ш -> sh, х -> kh) because that is how English-language
    // sources spell Russian and Ukrainian names; ICU's default Cyrillic-Latin (ISO 9) gives s, h.
    private static final String TO_ASCII = "NFKC; [:Cyrillic:] Russian-Latin/BGN; Any-Latin; Latin-ASCII";
    // ICU transliterators are not safe for concurrent use: one per thread.
    private static final ThreadLocal<Transliterator> TRANSLITERATOR =
            ThreadLocal.withInitial(() -> Transliterator.getInstance(TO_ASCII));

    private static final Normalizer2 NFKD = Normalizer2.getNFKDInstance();
    /** Latin letters that do not decompose to ASCII plus a mark, as ICU's Latin-ASCII writes them. */
    private static final String SPECIAL_FROM = "ßæÆøØœŒłŁđĐþÞðÐıŋŊħĦŧŦĸſ";
    private static final String[] SPECIAL_TO = {"ss", "ae", "AE", "o", "O", "oe", "OE", "l", "L", "d", "D", "th",
            "TH", "d", "D", "i", "n", "N", "h", "H", "t", "T", "q", "s"};

    private TextFolding() {}

    /** The folded form of {@code s}; "" for null or blank input. */
    public static String fold(String s) {
        if (s == null) return "";
        if (!isAscii(s)) {
            // Accented Latin is most non-ASCII input, and ICU transliteration costs ~7 us a call:
            // decompose and drop the marks instead, and use ICU only for other scripts.
            String latin = latinToAscii(s);
            s = latin != null ? latin : TRANSLITERATOR.get().transliterate(s);
        }
        return collapse(s);
    }

    /** The tokens of the folded form of {@code s}; empty for null or blank input. */
    public static List<String> tokens(String s) {
        return split(fold(s));
    }

    /** Splits an already folded string on its single spaces. */
    static List<String> split(String folded) {
        if (folded.isEmpty()) return List.of();
        List<String> out = new ArrayList<>(4);
        int start = 0;
        for (int i = 0; i < folded.length(); i++) {
            if (folded.charAt(i) == ' ') {
                out.add(folded.substring(start, i));
                start = i + 1;
            }
        }
        out.add(folded.substring(start));
        return out;
    }

    /** ASCII for Latin-script text (NFKD, marks dropped, a few letters spelled out); null for other scripts. */
    private static String latinToAscii(String s) {
        String d = NFKD.normalize(s);
        StringBuilder b = null;
        for (int i = 0, n = d.length(); i < n; i++) {
            char c = d.charAt(i);
            if (c < 0x80) {
                if (b != null) b.append(c);
                continue;
            }
            if (b == null) b = new StringBuilder(n).append(d, 0, i);
            int type = Character.getType(c);
            int special;
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
                continue;
            } else if ((special = SPECIAL_FROM.indexOf(c)) >= 0) {
                b.append(SPECIAL_TO[special]);
            } else if (c == '\u2019' || c == '\u2018' || c == '\u02bc' || c == '\u00b4') {
                b.append('\''); // typographic apostrophes join like the ASCII one
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c) || isPunctuation(type)) {
                b.append(' ');
            } else {
                return null; // another script, or a symbol: let ICU decide
            }
        }
        return b == null ? d : b.toString();
    }

    private static boolean isPunctuation(int type) {
        return type == Character.DASH_PUNCTUATION || type == Character.START_PUNCTUATION
                || type == Character.END_PUNCTUATION || type == Character.CONNECTOR_PUNCTUATION
                || type == Character.OTHER_PUNCTUATION || type == Character.INITIAL_QUOTE_PUNCTUATION
                || type == Character.FINAL_QUOTE_PUNCTUATION;
    }

    static boolean isAscii(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) >= 0x80) return false;
        }
        return true;
    }

    /** Lowercases ASCII letters, keeps digits, drops apostrophes, turns every other run into one space. */
    private static String collapse(String s) {
        if (isFolded(s)) return s; // the common case for data that went through here before: no allocation
        int n = s.length();
        char[] out = new char[n];
        int len = 0;
        boolean gap = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + 32);
            } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                if (c != '\'' && c != '`') gap = true;
                continue;
            }
            if (gap && len > 0) out[len++] = ' ';
            gap = false;
            out[len++] = c;
        }
        return new String(out, 0, len);
    }

    /** True when {@code s} is already lowercase alphanumeric words separated by single spaces. */
    private static boolean isFolded(String s) {
        int n = s.length();
        if (n == 0 || s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') return n == 0;
        char prev = 'a';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ' ') {
                if (prev == ' ') return false;
            } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return false;
            }
            prev = c;
        }
        return true;
    }
}
