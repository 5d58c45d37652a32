package io.relata.app.audit;

import io.relata.store.AuditEntry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;

/**
 * The one text an audit entry hashes to, and its hash. The text is twelve fields joined by {@code |}:
 *
 * <pre>prev_hash|seq|at|actor|client_address|case_id|purpose|action|outcome|objects|result_count|detail</pre>
 *
 * <ul>
 * <li>seq, case_id and result_count in decimal; at as {@code uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'} in UTC (always six
 * fractional digits: the trail truncates to microseconds, what both databases keep, before hashing);</li>
 * <li>text escaped: {@code \} as {@code \\}, {@code |} as {@code \|}, {@code ,} as {@code \,}; a null field
 * (text, case_id or objects) as {@code \N}, which escaping can never produce;</li>
 * <li>objects as their count followed by each escaped object after a {@code ,}: {@code 0}, {@code 2,entity:1,entity:2}.</li>
 * </ul>
 * So two entries that differ in any field, or in null against empty, have different texts. hash =
 * SHA-256 of the text's UTF-8 bytes, as 64 lower-case hex digits; the first entry's prev_hash is 64 zeros.
 */
final class CanonicalForm {
    static final String GENESIS = "0".repeat(64);
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String NULL = "\\N";

    private CanonicalForm() {}

    static String of(AuditEntry e) {
        StringBuilder b = new StringBuilder(256);
        b.append(e.prevHash()).append('|').append(e.seq()).append('|');
        b.append(e.at() == null ? NULL : AT.format(e.at())).append('|');
        text(b, e.actor()).append('|');
        text(b, e.clientAddress()).append('|');
        b.append(e.caseId() == null ? NULL : e.caseId().toString()).append('|');
        text(b, e.purpose()).append('|');
        text(b, e.action()).append('|');
        text(b, e.outcome()).append('|');
        objects(b, e.objects()).append('|');
        b.append(e.resultCount()).append('|');
        text(b, e.detail());
        return b.toString();
    }

    /** The entry's hash as it should be, from its stored prev_hash and fields (its stored hash is not used). */
    static String hash(AuditEntry e) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(of(e).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException x) {
            throw new IllegalStateException("every Java runtime has SHA-256", x);
        }
    }

    static String format(Instant at) {
        return AT.format(at);
    }

    private static StringBuilder objects(StringBuilder b, List<String> objects) {
        if (objects == null) return b.append(NULL);
        b.append(objects.size());
        for (String o : objects) text(b.append(','), o);
        return b;
    }

    private static StringBuilder text(StringBuilder b, String s) {
        if (s == null) return b.append(NULL);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '|' || c == ',') b.append('\\');
            b.append(c);
        }
        return b;
    }
}
