package io.relata.core.evaluate;

import it.unimi.dsi.fastutil.ints.IntArrays;

/**
 * Recall of a blocking step: of the record pairs that are truly the same entity, how many did blocking
 * propose as candidates. Pairs missed here can never be matched later, so this bounds the final recall.
 */
public final class BlockingRecall {
    private BlockingRecall() {}

    /** @param recall truePairsFound / truePairs, 1.0 when there are no true pairs */
    public record Result(long truePairs, long truePairsFound, double recall) {}

    /**
     * @param candidatePairs distinct pairs, each packed as {@code (long) i << 32 | j} with {@code 0 <= i < j}
     *                       record indices; distinctness is not checked (a sort would cost more than the
     *                       rest), a repeated true pair would be counted twice
     * @param truth          true label per record, unknown records given singleton labels as for
     *                       {@link ClusterMetrics#evaluate}
     */
    public static Result of(long[] candidatePairs, int[] truth) {
        long found = 0;
        for (long pair : candidatePairs) {
            int i = (int) (pair >>> 32);
            int j = (int) pair;
            if (i < 0 || i >= j || j >= truth.length) {
                throw new IllegalArgumentException("bad candidate pair (" + i + ", " + j + ") for "
                        + truth.length + " records; expected 0 <= i < j < records");
            }
            if (truth[i] == truth[j]) found++;
        }
        long truePairs = truePairs(truth);
        return new Result(truePairs, found, PrecisionRecall.ratio(found, truePairs));
    }

    /** Sum of C(size, 2) over true clusters, by sorting a copy so equal labels form runs. */
    static long truePairs(int[] truth) {
        int[] sorted = truth.clone();
        IntArrays.radixSort(sorted);
        long total = 0;
        for (int i = 0; i < sorted.length; ) {
            int j = i + 1;
            while (j < sorted.length && sorted[j] == sorted[i]) j++;
            total += ClusterMetrics.pairs(j - i);
            i = j;
        }
        return total;
    }
}
