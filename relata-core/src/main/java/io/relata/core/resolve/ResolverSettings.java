package io.relata.core.resolve;

/**
 * How a batch resolution runs.
 *
 * @param maxBlockSize  blocking keys shared by more records than this are generic and skipped
 * @param estimateU     re-estimate the model's u probabilities from random pairs of this data
 * @param trainM        re-estimate m probabilities by EM over this data's candidate pairs: how often records of
 *                      one person disagree differs from one data set to the next (a source that mistypes birth
 *                      dates, a form without e-mail), and the model's prior m cannot know it
 * @param uSamplePairs  how many random pairs the u estimate uses
 * @param seed          for the random pairs: the same seed gives the same result
 * @param exhaustivePairs a batch with at most this many pairs in all compares every pair: blocking only saves
 *                      work, and a small file (2,000 records make 2 million pairs, a second's scoring) has little
 *                      to save but the pairs blocking would miss; 0 always blocks, as the living store does
 */
public record ResolverSettings(int maxBlockSize, boolean estimateU, boolean trainM, int uSamplePairs, long seed,
                               long exhaustivePairs) {
    public static ResolverSettings defaults() {
        return new ResolverSettings(100, true, true, 300_000, 42, 2_000_000);
    }

    public ResolverSettings withTrainM(boolean train) {
        return new ResolverSettings(maxBlockSize, estimateU, train, uSamplePairs, seed, exhaustivePairs);
    }

    public ResolverSettings withEstimateU(boolean estimate) {
        return new ResolverSettings(maxBlockSize, estimate, trainM, uSamplePairs, seed, exhaustivePairs);
    }

    public ResolverSettings withMaxBlockSize(int size) {
        return new ResolverSettings(size, estimateU, trainM, uSamplePairs, seed, exhaustivePairs);
    }

    public ResolverSettings withExhaustivePairs(long pairs) {
        return new ResolverSettings(maxBlockSize, estimateU, trainM, uSamplePairs, seed, pairs);
    }

    /** Whether a batch of {@code records} records compares every pair. */
    public boolean exhaustive(int records) {
        return (long) records * (records - 1) / 2 <= exhaustivePairs;
    }
}
