package io.relata.core.relate.pattern;

import java.util.List;

/**
 * A possible pattern for an analyst to review: which pattern found it, a key that names the same lead across
 * scans, a score to rank it by, the evidence in words, and the entities involved. A lead says that something
 * may be worth a look, never what it means.
 */
public record Lead(String pattern, String key, double score, List<String> evidence, List<Long> members) {
    public Lead {
        evidence = List.copyOf(evidence);
        members = members.stream().sorted().distinct().toList();
    }
}
