package io.relata.app.audit;

/**
 * Makes a caller's text storable as it is hashed. A NUL (PostgreSQL cannot store it) or a lone surrogate (it
 * cannot be encoded, and would come back as something else) becomes U+FFFD; text longer than its column's
 * limit is cut at a character boundary. Otherwise an odd search string could make the audit, and so the
 * request, fail, or be stored as other text than was hashed.
 */
final class AuditText {
    static final char REPLACEMENT = '\uFFFD';

    private AuditText() {}

    static String clean(String s, int maxLength) {
        if (s == null) return null;
        StringBuilder b = null;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean bad = c == '\u0000'
                    || Character.isHighSurrogate(c) && (i + 1 == n || !Character.isLowSurrogate(s.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
            if (bad && b == null) b = new StringBuilder(s.substring(0, i));
            if (b != null) b.append(bad ? REPLACEMENT : c);
        }
        String out = b == null ? s : b.toString();
        if (out.length() <= maxLength) return out;
        int cut = Character.isLowSurrogate(out.charAt(maxLength)) ? maxLength - 1 : maxLength;
        return out.substring(0, cut);
    }
}
