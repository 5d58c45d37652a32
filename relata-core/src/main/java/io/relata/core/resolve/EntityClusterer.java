package io.relata.core.resolve;

import io.relata.core.standardize.RecordFeatures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Forms entities from MATCH pairs without chaining. Pairs are taken strongest first; two entities are
 * joined only if the pairs of their records across them hold together on average, and few of those pairs
 * conflict (different birth dates, different given names, different lifetime identifiers: cannot-links),
 * none of them against the weight of the evidence.
 * So one weak link, or a chain A~B~C where A and C are clearly different people, cannot pull two people
 * into one entity, while one badly keyed record does not keep its own entity apart.
 */
public final class EntityClusterer {
    /** Beyond this many record pairs across two entities, a deterministic sample is checked. */
    private static final int MAX_CROSS_PAIRS = 2_500;
    /** A conflicting pair across two entities at posterior log2 odds below minus this (8 to 1) vetoes their merge. */
    private static final double VETO_LOG2_ODDS = 3;

    private final PairScorer scorer;

    public EntityClusterer(PairScorer scorer) {
        this.scorer = scorer;
    }

    /**
     * @param pairs   MATCH pairs, packed as in {@link CandidatePairs}
     * @param weights their total weights
     */
    public Clustering cluster(RecordFeatures[] records, long[] pairs, float[] weights) {
        return cluster(records, pairs, weights, NO_PAIRS, NO_PAIRS);
    }

    private static final long[] NO_PAIRS = {};

    /**
     * Clusters with analysts' rulings: every must-link pair is joined before any scored pair, whatever the
     * evidence, and no merge may put a cannot-link pair into one entity. Pairs are packed as in
     * {@link CandidatePairs}.
     */
    public Clustering cluster(RecordFeatures[] records, long[] pairs, float[] weights, long[] mustLink,
                              long[] cannotLink) {
        int n = records.length;
        int[] parent = new int[n], size = new int[n], next = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            size[i] = 1;
            next[i] = i; // circular list of each entity's members
        }
        List<Link> links = new ArrayList<>();
        int refusedByConflict = 0, refusedByCohesion = 0;
        Comparison c = new Comparison();
        for (long pair : mustLink) {
            int a = CandidatePairs.first(pair), b = CandidatePairs.second(pair);
            int ra = find(parent, a), rb = find(parent, b);
            if (ra == rb) continue;
            links.add(new Link(a, b, Double.POSITIVE_INFINITY));
            union(parent, size, next, ra, rb);
        }
        for (long order : strongestFirst(weights)) {
            int p = (int) order;
            int a = CandidatePairs.first(pairs[p]), b = CandidatePairs.second(pairs[p]);
            int ra = find(parent, a), rb = find(parent, b);
            if (ra == rb) continue;
            if (separatedByRuling(parent, cannotLink, ra, rb)) {
                refusedByConflict++;
                continue;
            }
            if (size[ra] > 1 || size[rb] > 1) {
                int verdict = checkMerge(records, next, ra, rb, c);
                if (verdict == CONFLICT) {
                    refusedByConflict++;
                    continue;
                }
                if (verdict == INCOHESIVE) {
                    refusedByCohesion++;
                    continue;
                }
            }
            links.add(new Link(a, b, weights[p]));
            union(parent, size, next, ra, rb);
        }
        int[] entityOf = new int[n];
        for (int i = 0; i < n; i++) entityOf[i] = find(parent, i);
        return new Clustering(entityOf, links, refusedByConflict, refusedByCohesion);
    }

    /** Union by size of two roots; splices their circular member lists. */
    private static void union(int[] parent, int[] size, int[] next, int ra, int rb) {
        int big = size[ra] >= size[rb] ? ra : rb, small = big == ra ? rb : ra;
        parent[small] = big;
        size[big] += size[small];
        int t = next[big];
        next[big] = next[small];
        next[small] = t;
    }

    /** Whether a cannot-link ruling has one record in each of the two entities. */
    private static boolean separatedByRuling(int[] parent, long[] cannotLink, int ra, int rb) {
        for (long pair : cannotLink) {
            int x = find(parent, CandidatePairs.first(pair)), y = find(parent, CandidatePairs.second(pair));
            if ((x == ra && y == rb) || (x == rb && y == ra)) return true;
        }
        return false;
    }

    private static final int OK = 0, CONFLICT = 1, INCOHESIVE = 2;

    private int checkMerge(RecordFeatures[] records, int[] next, int ra, int rb, Comparison c) {
        double sum = 0;
        int count = 0, conflicts = 0;
        int x = ra;
        do {
            int y = rb;
            do {
                sum += scorer.score(records[x], records[y], c);
                if (c.conflict) {
                    // a conflicting pair that the evidence says are different people can never be bridged; one
                    // only just below even odds can be, by the entities' other pairs (a record's wrong birth date)
                    if (c.posterior() < -VETO_LOG2_ODDS) return CONFLICT;
                    conflicts++;
                }
                count++;
                y = next[y];
            } while (y != rb && count < MAX_CROSS_PAIRS);
            x = next[x];
        } while (x != ra && count < MAX_CROSS_PAIRS);
        if (conflicts > count * scorer.model().maxConflictShare()) return CONFLICT;
        return sum / count + scorer.prior() >= scorer.model().clusterThreshold() ? OK : INCOHESIVE;
    }

    /** Pair indices ordered by weight, strongest first; ties keep pair order, so the result is deterministic. */
    private static long[] strongestFirst(float[] weights) {
        long[] order = new long[weights.length];
        for (int p = 0; p < weights.length; p++) {
            int bits = Float.floatToIntBits(-weights[p]);
            bits ^= (bits >> 31) & 0x7fffffff; // make negative floats sort as signed ints
            order[p] = ((long) bits << 32) | p;
        }
        Arrays.parallelSort(order);
        return order;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
