package io.relata.core.resolve;

import java.util.List;

/**
 * The entities that clustering formed: {@code entityOf[i]} is the entity label of record i (the index of one
 * of its records), and {@code links} the pairs that joined them, in the order they were accepted.
 *
 * @param refusedByConflict merges refused because some pair across the two entities conflicts
 * @param refusedByCohesion merges refused because the two entities do not hold together on average
 */
public record Clustering(int[] entityOf, List<Link> links, int refusedByConflict, int refusedByCohesion) {}
