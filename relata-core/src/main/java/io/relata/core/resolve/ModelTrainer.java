package io.relata.core.resolve;

import io.relata.core.standardize.RecordFeatures;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fits a model's m and u probabilities to a data set without labels, as Fellegi and Sunter and Splink do:
 * u from random pairs (almost all of which are different entities), m by expectation-maximisation over the
 * candidate pairs with u held fixed. Missing levels carry no evidence and keep m = u = 1.
 */
public final class ModelTrainer {
    /** How many pseudo-pairs of the prior model's u blend into the estimate, so rare levels stay sane. */
    private static final double PRIOR_PAIRS = 1_000;
    private static final int EM_ITERATIONS = 25;
    /** Fewer distinct record pairs than this say too little about u; the model's prior is kept. */
    static final long MIN_PAIRS = 100_000;

    private ModelTrainer() {}

    /**
     * Re-estimates u from up to {@code samples} random same-type pairs. A small batch has too few distinct
     * pairs to say anything about the population: below {@link #MIN_PAIRS} the prior u is kept.
     */
    public static MatchModel estimateU(MatchModel model, RecordFeatures[] records, ValueFrequencies frequencies,
                                       int samples, long seed) {
        long distinctPairs = (long) records.length * (records.length - 1) / 2;
        if (distinctPairs < MIN_PAIRS) return model;
        samples = (int) Math.min(samples, distinctPairs);
        PairScorer scorer = new PairScorer(model, frequencies);
        long[][] counts = newCounts();
        SplittableRandom random = new SplittableRandom(seed);
        Comparison c = new Comparison();
        for (int s = 0, attempts = 0; s < samples && attempts < samples * 4; attempts++) {
            int i = random.nextInt(records.length), j = random.nextInt(records.length);
            if (i == j || records[i].type() != records[j].type()) continue;
            scorer.score(records[i], records[j], c);
            for (int f = 0; f < Feature.COUNT; f++) counts[f][c.levels[f]]++;
            s++;
        }
        List<FeatureParameters> features = new ArrayList<>();
        for (Feature f : Feature.ALL) {
            List<LevelParameters> levels = model.parameters(f).levels();
            long present = presentCount(counts[f.ordinal()], f);
            List<LevelParameters> fitted = new ArrayList<>();
            for (int l = 0; l < levels.size(); l++) {
                LevelParameters p = levels.get(l);
                if (l == f.missing()) {
                    fitted.add(p);
                } else {
                    double u = (counts[f.ordinal()][l] + PRIOR_PAIRS * p.u()) / (present + PRIOR_PAIRS);
                    fitted.add(p.withU(u));
                }
            }
            features.add(new FeatureParameters(f, fitted));
        }
        return model.withFeatures(features);
    }

    /**
     * Estimates m by EM over the comparison patterns of the candidate pairs, u fixed. Returns the fitted model;
     * {@code proportion[0]}, if given, receives the estimated share of matches among the candidates.
     */
    public static MatchModel estimateM(MatchModel model, RecordFeatures[] records, ValueFrequencies frequencies,
                                       long[] candidatePairs, double[] proportion) {
        PairScorer scorer = new PairScorer(model, frequencies);
        Long2LongOpenHashMap patterns = new Long2LongOpenHashMap();
        Comparison c = new Comparison();
        for (long pair : candidatePairs) {
            scorer.score(records[CandidatePairs.first(pair)], records[CandidatePairs.second(pair)], c);
            patterns.addTo(pack(c.levels), 1);
        }
        double[][] m = new double[Feature.COUNT][], u = new double[Feature.COUNT][];
        for (Feature f : Feature.ALL) {
            List<LevelParameters> levels = model.parameters(f).levels();
            m[f.ordinal()] = levels.stream().mapToDouble(LevelParameters::m).toArray();
            u[f.ordinal()] = levels.stream().mapToDouble(LevelParameters::u).toArray();
        }
        long[] keys = patterns.keySet().toLongArray();
        double lambda = 0.1;
        for (int iteration = 0; iteration < EM_ITERATIONS; iteration++) {
            double[][] expected = new double[Feature.COUNT][];
            for (Feature f : Feature.ALL) expected[f.ordinal()] = new double[f.levelCount()];
            double matches = 0, total = 0;
            for (long key : keys) {
                double count = patterns.get(key);
                double pm = lambda, pu = 1 - lambda;
                for (int f = 0; f < Feature.COUNT; f++) {
                    int level = level(key, f);
                    pm *= m[f][level];
                    pu *= u[f][level];
                }
                double posterior = pm / (pm + pu);
                matches += posterior * count;
                total += count;
                for (int f = 0; f < Feature.COUNT; f++) expected[f][level(key, f)] += posterior * count;
            }
            lambda = matches / total;
            for (Feature f : Feature.ALL) {
                double[] e = expected[f.ordinal()];
                double present = 0;
                for (int l = 0; l < f.missing(); l++) present += e[l];
                if (present < 1) continue; // the feature never occurs in this data: keep the prior
                for (int l = 0; l < f.missing(); l++) {
                    m[f.ordinal()][l] = Math.max(1e-6, e[l] / present);
                }
            }
        }
        if (proportion != null && proportion.length > 0) proportion[0] = lambda;
        List<FeatureParameters> features = new ArrayList<>();
        for (Feature f : Feature.ALL) {
            List<LevelParameters> levels = model.parameters(f).levels();
            List<LevelParameters> fitted = new ArrayList<>();
            for (int l = 0; l < levels.size(); l++) {
                fitted.add(l == f.missing() ? levels.get(l) : levels.get(l).withM(m[f.ordinal()][l]));
            }
            features.add(new FeatureParameters(f, fitted));
        }
        return model.withFeatures(features);
    }

    private static long[][] newCounts() {
        long[][] counts = new long[Feature.COUNT][];
        for (Feature f : Feature.ALL) counts[f.ordinal()] = new long[f.levelCount()];
        return counts;
    }

    private static long presentCount(long[] counts, Feature f) {
        long n = 0;
        for (int l = 0; l < f.missing(); l++) n += counts[l];
        return n;
    }

    /** Four bits per feature: every feature has fewer than 16 levels. */
    private static long pack(byte[] levels) {
        long key = 0;
        for (int f = 0; f < Feature.COUNT; f++) key |= (long) levels[f] << (4 * f);
        return key;
    }

    private static int level(long key, int feature) {
        return (int) (key >>> (4 * feature)) & 0xF;
    }
}
