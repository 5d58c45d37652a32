package io.relata.core.relate;

import java.util.List;

/** A chain of relations from one entity to another; its strength is the product of the hops' strengths. */
public record GraphPath(List<Long> entities, List<Relation> hops, double strength) {
    public GraphPath {
        entities = List.copyOf(entities);
        hops = List.copyOf(hops);
    }

    public int length() {
        return hops.size();
    }
}
