package io.relata.core.evaluate;

import it.unimi.dsi.fastutil.longs.LongArrays;

/**
 * Pairwise and B-cubed scores of a predicted clustering against the truth.
 *
 * <p>Both come from the contingency table (cell = records with a given predicted and true label), so no
 * pair is ever enumerated: a cluster of a million records would be 5*10^11 pairs. The table is built
 * by radix-sorting one {@code long[]} of packed label pairs, which is linear time and needs no map.
 */
public final class ClusterMetrics {
    private ClusterMetrics() {}

    /**
     * @param records          number of records scored
     * @param truePairs        pairs of records in the same true entity
     * @param predictedPairs   pairs of records in the same predicted entity
     * @param correctPairs     pairs in both
     */
    public record Evaluation(long records, int predictedEntities, int trueEntities,
                             PrecisionRecall pairwise, PrecisionRecall bcubed,
                             long truePairs, long predictedPairs, long correctPairs) {}

    /**
     * Scores {@code predicted} against {@code truth}; both are indexed by record and hold cluster labels
     * (any ints, not necessarily dense; only equality matters).
     *
     * <p>Every record must have a true label. The caller gives each record absent from the ground truth
     * its own singleton label (one not used by any other record), so it counts as an entity of its own:
     * merging it with anything then costs precision, as it should.
     */
    public static Evaluation evaluate(int[] predicted, int[] truth) {
        if (predicted.length != truth.length) {
            throw new IllegalArgumentException("predicted has " + predicted.length + " records, truth " + truth.length);
        }
        int n = predicted.length;
        long[] cells = new long[n];

        // Predicted-major order: runs of the high half are predicted clusters, runs of the whole are cells.
        for (int r = 0; r < n; r++) cells[r] = pack(predicted[r], truth[r]);
        LongArrays.radixSort(cells);
        Pass byPredicted = pass(cells);

        // Truth-major order gives the true clusters; the cells are the same, only regrouped.
        for (int r = 0; r < n; r++) cells[r] = pack(truth[r], predicted[r]);
        LongArrays.radixSort(cells);
        Pass byTruth = pass(cells);

        PrecisionRecall pairwise = PrecisionRecall.ofCounts(byPredicted.cellPairs, byPredicted.groupPairs, byTruth.groupPairs);
        // B-cubed precision of a record in cell c of predicted cluster P is |c|/|P|; summed over the
        // cell's |c| records that is |c|^2/|P|. Recall is the same with the true cluster.
        PrecisionRecall bcubed = PrecisionRecall.of(
                n == 0 ? 1.0 : byPredicted.weightedSquares / n,
                n == 0 ? 1.0 : byTruth.weightedSquares / n);
        return new Evaluation(n, byPredicted.groups, byTruth.groups, pairwise, bcubed,
                byTruth.groupPairs, byPredicted.groupPairs, byPredicted.cellPairs);
    }

    /** Sums over one sort order: groups are runs of the high 32 bits, cells runs of the whole long. */
    private static final class Pass {
        int groups;
        long groupPairs;
        long cellPairs;
        double weightedSquares; // sum over groups of (sum of squared cell sizes) / group size
    }

    private static Pass pass(long[] sorted) {
        Pass p = new Pass();
        int n = sorted.length;
        int groupStart = 0;
        long squares = 0; // sum of squared cell sizes in the current group; <= n^2 fits a long
        for (int i = 0; i < n; ) {
            int j = i + 1;
            while (j < n && sorted[j] == sorted[i]) j++;
            long cell = j - i;
            squares += cell * cell;
            p.cellPairs += pairs(cell);
            if (j == n || (int) (sorted[j] >>> 32) != (int) (sorted[i] >>> 32)) {
                long group = j - groupStart;
                p.groups++;
                p.groupPairs += pairs(group);
                p.weightedSquares += (double) squares / group;
                groupStart = j;
                squares = 0;
            }
            i = j;
        }
        return p;
    }

    /** Equal (major, minor) pairs pack to equal longs, and equal majors stay contiguous after a signed sort. */
    private static long pack(int major, int minor) {
        return (long) major << 32 | (minor & 0xFFFFFFFFL);
    }

    /** C(size, 2). */
    static long pairs(long size) {
        return size * (size - 1) / 2;
    }
}
