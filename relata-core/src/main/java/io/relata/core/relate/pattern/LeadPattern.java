package io.relata.core.relate.pattern;

import io.relata.core.relate.RelationGraph;

import java.util.List;

/** One named, parameterized pattern of the catalog: finds its leads in the graph. */
public interface LeadPattern {
    String name();

    /** What the pattern looks for, for people. */
    String description();

    /** Every lead of this pattern in the graph; {@code earlier} holds the leads other patterns found first. */
    List<Lead> find(RelationGraph graph, List<Lead> earlier);
}
