package io.relata.store;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A lead as a scan found it, to be stored with {@link StoreBatch#upsertLeads}.
 *
 * @param pattern  the pattern that found it, e.g. {@code shared-address} or {@code identity-ring}
 * @param key      what makes it the same lead in the next scan, e.g. the shared address or a ring's anchor; at
 *                 most {@value #MAX_KEY_LENGTH} characters (use a digest for longer ones)
 * @param evidence why it was found, JSON text (opaque to the store)
 * @param members  who is in it and how, JSON text (opaque to the store)
 * @param entities the entities it involves, for "leads of an entity"; sorted, without repeats
 */
public record FoundLead(String pattern, String key, double score, String evidence, String members, List<Long> entities) {
    public static final int MAX_PATTERN_LENGTH = 100;
    public static final int MAX_KEY_LENGTH = 500;

    public FoundLead {
        Checks.text(pattern, "a lead's pattern", MAX_PATTERN_LENGTH);
        Checks.text(key, "the key of a " + pattern + " lead", MAX_KEY_LENGTH);
        if (!Double.isFinite(score)) throw new IllegalArgumentException("lead " + pattern + ":" + key + " has no finite score");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(members, "members");
        if (entities == null || entities.isEmpty()) {
            throw new IllegalArgumentException("lead " + pattern + ":" + key + " involves no entity");
        }
        for (Long e : entities) {
            if (e == null || e <= 0) throw new IllegalArgumentException("lead " + pattern + ":" + key + " has entity id " + e);
        }
        entities = List.copyOf(new TreeSet<>(entities));
    }

    /** How many entities it involves: its stored {@code member_count}. */
    public int memberCount() {
        return entities.size();
    }
}
