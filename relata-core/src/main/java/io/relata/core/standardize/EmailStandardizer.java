package io.relata.core.standardize;

import java.util.Locale;

/**
 * Normalizes an e-mail address for matching: trimmed, lowercased, "+tag" removed from the local part
 * (all domains), and for Gmail the dots in the local part removed and googlemail.com mapped to gmail.com,
 * since Gmail delivers all of those to the same mailbox.
 */
public final class EmailStandardizer {

    /** The normalized address, or null when {@code raw} is not a plausible address. */
    public String standardize(String raw) {
        if (raw == null) return null;
        String s = raw.strip();
        int at = -1;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == '@') {
                if (at >= 0) return null; // more than one @
                at = i;
            } else if (c <= ' ' || c == ',' || c == ';' || c == '<' || c == '>') {
                return null;
            }
        }
        if (at <= 0) return null;
        String domain = s.substring(at + 1).toLowerCase(Locale.ROOT);
        int dot = domain.indexOf('.');
        if (dot <= 0 || domain.endsWith(".") || domain.contains("..")) return null;
        String local = s.substring(0, at).toLowerCase(Locale.ROOT);
        int plus = local.indexOf('+');
        if (plus > 0) local = local.substring(0, plus);
        if (domain.equals("googlemail.com")) domain = "gmail.com";
        if (domain.equals("gmail.com") && local.indexOf('.') >= 0) {
            local = local.replace(".", "");
            if (local.isEmpty()) return null;
        }
        return local + '@' + domain;
    }
}
