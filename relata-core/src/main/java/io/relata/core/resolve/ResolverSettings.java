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
 */
public record ResolverSettings(int maxBlockSize, boolean estimateU, boolean trainM, int uSamplePairs, long seed) {
    public static ResolverSettings defaults() {
        return new ResolverSettings(100, true, true, 300_000, 42);
    }

    public ResolverSettings withTrainM(boolean train) {
        return new ResolverSettings(maxBlockSize, estimateU, train, uSamplePairs, seed);
    }

    public ResolverSettings withEstimateU(boolean estimate) {
        return new ResolverSettings(maxBlockSize, estimate, trainM, uSamplePairs, seed);
    }

    public ResolverSettings withMaxBlockSize(int size) {
        return new ResolverSettings(size, estimateU, trainM, uSamplePairs, seed);
    }
}
