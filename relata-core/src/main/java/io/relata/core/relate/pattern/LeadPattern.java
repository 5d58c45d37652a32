package io.relata.core.relate.pattern;

import io.relata.core.relate.RelationGraph;
import it.unimi.dsi.fastutil.longs.LongSet;

import java.util.List;

/** One named, parameterized pattern of the catalog: finds its leads in the graph. */
public interface LeadPattern {
    String name();

    /** What the pattern looks for, for people. */
    String description();

    /**
     * The leads of this pattern that involve the entities of {@code scope} (null: every lead in the graph);
     * {@code earlier} holds the leads other patterns found first. A scoped scan finds every lead that a full
     * scan would find and that involves a scope entity, so a re-scan after a change need look only there.
     */
    List<Lead> find(RelationGraph graph, List<Lead> earlier, LongSet scope);

    /** Every lead of this pattern in the graph. */
    default List<Lead> find(RelationGraph graph, List<Lead> earlier) {
        return find(graph, earlier, null);
    }
}
