package io.relata.core.resolve;

/**
 * The candidate pairs blocking produced, each packed as {@code (long) i << 32 | j} with record indices i < j,
 * sorted and distinct, and what it took to produce them.
 *
 * @param blocks        keys shared by at least two records
 * @param genericBlocks keys shared by more records than the block limit: generic values, not compared
 * @param largestGenericBlock size of the largest skipped block
 * @param pairsByKind   pairs each kind of key proposed, before pairs found by several keys are merged
 */
public record CandidatePairs(long[] pairs, long blocks, long genericBlocks, int largestGenericBlock,
                             java.util.Map<String, Long> pairsByKind) {
    public int size() {
        return pairs.length;
    }

    public static int first(long pair) {
        return (int) (pair >>> 32);
    }

    public static int second(long pair) {
        return (int) pair;
    }

    public static long pack(int i, int j) {
        return i < j ? ((long) i << 32) | j : ((long) j << 32) | i;
    }
}
