package io.relata.core.resolve.live;

import java.util.List;

/**
 * What one operation (a record added, changed or withdrawn, or a decision) did to the entities: the records
 * that moved, each entity's history steps, the new possible matches, and the new size of every entity it
 * touched (0 for a retired one).
 */
public record ChangeSet(List<Assignment> assignments, List<EntityChange> changes, List<ReviewPair> reviews,
                        java.util.Map<Long, Integer> entitySizes) {
    public ChangeSet {
        assignments = List.copyOf(assignments);
        changes = List.copyOf(changes);
        reviews = List.copyOf(reviews);
        entitySizes = java.util.Map.copyOf(entitySizes);
    }

    public static final ChangeSet NONE = new ChangeSet(List.of(), List.of(), List.of(), java.util.Map.of());

    public boolean isEmpty() {
        return assignments.isEmpty() && changes.isEmpty() && reviews.isEmpty();
    }
}
