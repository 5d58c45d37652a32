package io.relata.store;

import java.util.Set;

/**
 * Whether stored free text (an alert's or a lead's evidence, a lead's members) names a record as {@code SOURCE:ID}:
 * the text is cut at the characters that JSON, lists and prose put around a record's name, and each piece is
 * looked up, so that one pass over a table serves any number of records and {@code S:1} is not found in {@code S:12}.
 */
final class RecordMentions {
    private RecordMentions() {
    }

    static boolean any(String text, Set<String> records) {
        if (text == null || text.isEmpty()) return false;
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean cut = i == text.length() || isCut(text.charAt(i));
            if (!cut) {
                if (start < 0) start = i;
            } else if (start >= 0) {
                if (records.contains(text.substring(start, i))) return true;
                start = -1;
            }
        }
        return false;
    }

    private static boolean isCut(char c) {
        return Character.isWhitespace(c) || c == '"' || c == '\'' || c == ',' || c == ';' || c == '(' || c == ')'
                || c == '[' || c == ']' || c == '{' || c == '}' || c == '<' || c == '>';
    }
}
