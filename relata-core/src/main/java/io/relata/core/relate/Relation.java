package io.relata.core.relate;

import java.util.List;

/**
 * A possible connection between two entities with all its evidence. Strength combines the evidence as
 * independent signals (1 - the product of 1 - each), so two weak reasons make a stronger one, never above 1.
 */
public record Relation(long from, long to, double strength, List<Evidence> evidence) {
    public Relation {
        evidence = List.copyOf(evidence);
    }

    public boolean has(RelationType type) {
        for (Evidence e : evidence) if (e.type() == type) return true;
        return false;
    }

    /** The same relation seen from the other end. */
    public Relation reversed() {
        return new Relation(to, from, strength, evidence.stream()
                .map(e -> new Evidence(e.type(), e.detail(), e.to(), e.from(), e.sharedBy(), e.strength())).toList());
    }
}
