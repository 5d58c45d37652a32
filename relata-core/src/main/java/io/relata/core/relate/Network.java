package io.relata.core.relate;

import java.util.List;
import java.util.Map;

/**
 * The entities within some hops of one entity, and the relations that reach them. {@code hiddenGeneric} lists
 * the centre's values that were too widely shared to link anyone (a shelter's address, say), with how many
 * entities hold each, so an analyst sees what was left out and why. {@code truncated} says the node limit
 * cut the network short.
 */
public record Network(long center, List<Node> nodes, List<Relation> edges, Map<String, Integer> hiddenGeneric,
                      boolean truncated) {
    public record Node(long entity, int hops) {}

    public Network {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        hiddenGeneric = Map.copyOf(hiddenGeneric);
    }
}
