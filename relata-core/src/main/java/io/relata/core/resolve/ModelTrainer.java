package io.relata.core.resolve;

import io.relata.core.standardize.RecordFeatures;
import io.relata.core.standardize.PersonNameFeatures;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

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
    /** A feature needs at least this many expected matching pairs with a value to have its m fitted. */
    private static final double MIN_EXPECTED_MATCHES = 50;
    /** EM looks at about this many candidate pairs at most. */
    private static final int EM_SAMPLE_PAIRS = 300_000;
    /** Pairs are scored in this many chunks, in parallel; fixed, so that results do not depend on the cores. */
    private static final int CHUNKS = 16;
    /**
     * A conflict level (another birth date, another given name) keeps two records apart only while its fitted
     * weight is at most this (log2: one person's records disagree so at most a sixteenth as often as two
     * people's). Where EM finds it more common among matches (FEBRL replaces given names and SSNs, Splink's
     * fake_1000 moves birth dates), it is weighed like any other disagreement.
     */
    static final double WEAKEST_CANNOT_LINK = -4;

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
        // in chunks, each with its own random stream split off in order: parallel, and the same for a seed
        SplittableRandom random = new SplittableRandom(seed);
        SplittableRandom[] streams = new SplittableRandom[CHUNKS];
        for (int k = 0; k < CHUNKS; k++) streams[k] = random.split();
        int perChunk = (samples + CHUNKS - 1) / CHUNKS;
        long[][] counts = newCounts();
        IntStream.range(0, CHUNKS).parallel()
                .mapToObj(k -> randomPairLevels(scorer, records, streams[k], perChunk))
                .toList().forEach(chunk -> add(counts, chunk));
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

    private static long[][] randomPairLevels(PairScorer scorer, RecordFeatures[] records, SplittableRandom random,
                                             int samples) {
        long[][] counts = newCounts();
        Comparison c = new Comparison();
        for (int s = 0, attempts = 0; s < samples && attempts < samples * 4; attempts++) {
            int i = random.nextInt(records.length), j = random.nextInt(records.length);
            if (i == j || records[i].type() != records[j].type()) continue;
            scorer.score(records[i], records[j], c);
            // a random pair that is plainly a match says nothing about u; in a small data set such pairs are
            // common enough to make a strong level look like chance
            if (scorer.outcome(c) == Outcome.MATCH) continue;
            for (int f = 0; f < Feature.COUNT; f++) counts[f][c.levels[f]]++;
            s++;
        }
        return counts;
    }

    private static void add(long[][] sum, long[][] counts) {
        for (int f = 0; f < sum.length; f++) {
            for (int l = 0; l < sum[f].length; l++) sum[f][l] += counts[f][l];
        }
    }

    /**
     * Training sessions, as Splink runs them: EM over the candidate pairs that agree exactly on the session's
     * features fits m for every other feature. Blocking and selection bias the session's own features, so
     * their m comes from the other session; a feature no session could fit keeps the model's prior.
     */
    private static final Feature[] NAMES = {Feature.GIVEN_NAME, Feature.SURNAME};
    private static final Feature[][] SESSIONS = {{Feature.DOB}, NAMES};
    /** Different people of one name still share these far more often than u says: the names session ignores them. */
    private static final Feature[] NAME_CORRELATED = {Feature.GENDER, Feature.NATIONALITY};
    /**
     * The names session takes only pairs whose full name is rare enough (at most this many records bear it) for
     * a name-only block to have proposed them: a common name's pairs come from blocks on the birth year or date,
     * so its different people agree on the birth date far more often than u says, and EM takes them for matches.
     */
    private static final int RARE_NAME_RECORDS = 8;

    /** How many records bear each of the {@code wanted} full names (hashes by {@link #fullName}; 0 is none). */
    private static Long2IntOpenHashMap fullNameCounts(RecordFeatures[] records, long[] wanted) {
        LongOpenHashSet names = new LongOpenHashSet(wanted);
        int perChunk = (records.length + CHUNKS - 1) / CHUNKS;
        Long2IntOpenHashMap counts = new Long2IntOpenHashMap(names.size());
        IntStream.range(0, CHUNKS).parallel().mapToObj(k -> {
            Long2IntOpenHashMap chunk = new Long2IntOpenHashMap();
            for (int i = k * perChunk, end = Math.min(records.length, i + perChunk); i < end; i++) {
                for (PersonNameFeatures n : records[i].names()) {
                    if (n.given() == null || n.surname() == null) continue;
                    long name = fullName(n.given(), n.surname());
                    if (names.contains(name)) chunk.addTo(name, 1);
                }
            }
            return chunk;
        }).toList().forEach(chunk -> chunk.long2IntEntrySet()
                .fastForEach(e -> counts.addTo(e.getLongKey(), e.getIntValue())));
        return counts;
    }

    private static long fullName(String given, String surname) {
        return KeyHash.finish(KeyHash.add(KeyHash.add(KeyHash.start(0), given), surname));
    }

    /**
     * Estimates m by EM, u fixed, session by session (see {@link #SESSIONS}). Returns the fitted model;
     * {@code proportion[0]}, if given, receives the share of matches among the first session's pairs.
     */
    public static MatchModel estimateM(MatchModel model, RecordFeatures[] records, ValueFrequencies frequencies,
                                       long[] candidatePairs, double[] proportion) {
        PairScorer scorer = new PairScorer(model, frequencies);
        // a systematic sample bounds the cost: EM needs pattern frequencies, not every pair
        int stride = Math.max(1, candidatePairs.length / EM_SAMPLE_PAIRS);
        int sampled = (candidatePairs.length + stride - 1) / stride, perChunk = (sampled + CHUNKS - 1) / CHUNKS;
        long[] pattern = new long[sampled], names = new long[sampled]; // each pair's levels, its full name or 0
        IntStream.range(0, CHUNKS).parallel().forEach(k -> {
            Comparison c = new Comparison();
            for (int n = k * perChunk, end = Math.min(sampled, n + perChunk); n < end; n++) {
                long pair = candidatePairs[n * stride];
                scorer.score(records[CandidatePairs.first(pair)], records[CandidatePairs.second(pair)], c);
                pattern[n] = pack(c.levels);
                String given = c.agreedValue(Feature.GIVEN_NAME), surname = c.agreedValue(Feature.SURNAME);
                names[n] = given == null || surname == null ? 0 : fullName(given, surname);
            }
        });
        Long2IntOpenHashMap bearers = fullNameCounts(records, names);
        Long2LongOpenHashMap patterns = new Long2LongOpenHashMap(), rareNamePatterns = new Long2LongOpenHashMap();
        for (int n = 0; n < sampled; n++) {
            patterns.addTo(pattern[n], 1);
            if (names[n] == 0 || bearers.get(names[n]) <= RARE_NAME_RECORDS) rareNamePatterns.addTo(pattern[n], 1);
        }
        double[][] prior = new double[Feature.COUNT][], u = new double[Feature.COUNT][];
        for (Feature f : Feature.ALL) {
            List<LevelParameters> levels = model.parameters(f).levels();
            prior[f.ordinal()] = levels.stream().mapToDouble(LevelParameters::m).toArray();
            u[f.ordinal()] = levels.stream().mapToDouble(LevelParameters::u).toArray();
        }
        double[][] sum = new double[Feature.COUNT][];
        int[] fits = new int[Feature.COUNT];
        for (Feature f : Feature.ALL) sum[f.ordinal()] = new double[f.levelCount()];
        for (int s = 0; s < SESSIONS.length; s++) {
            boolean[] fixed = new boolean[Feature.COUNT];
            for (Feature f : SESSIONS[s]) fixed[f.ordinal()] = true;
            if (SESSIONS[s] == NAMES) for (Feature f : NAME_CORRELATED) fixed[f.ordinal()] = true;
            Long2LongOpenHashMap sessionPatterns = SESSIONS[s] == NAMES ? rareNamePatterns : patterns;
            LongArrayList keys = new LongArrayList();
            for (long key : sessionPatterns.keySet()) {
                boolean agrees = true;
                for (Feature f : SESSIONS[s]) agrees &= level(key, f.ordinal()) == 0;
                if (agrees) keys.add(key);
            }
            double[][] m = new double[Feature.COUNT][];
            for (int f = 0; f < Feature.COUNT; f++) m[f] = prior[f].clone();
            boolean[] fitted = new boolean[Feature.COUNT];
            double lambda = em(keys.toLongArray(), sessionPatterns, m, u, fixed, fitted);
            if (s == 0 && proportion != null && proportion.length > 0) proportion[0] = lambda;
            for (int f = 0; f < Feature.COUNT; f++) {
                if (!fitted[f]) continue;
                fits[f]++;
                for (int l = 0; l < m[f].length; l++) sum[f][l] += m[f][l];
            }
        }
        List<FeatureParameters> features = new ArrayList<>();
        for (Feature f : Feature.ALL) {
            int i = f.ordinal();
            List<LevelParameters> levels = model.parameters(f).levels();
            List<LevelParameters> result = new ArrayList<>();
            boolean fitted = fits[i] > 0 && informative(levels, sum[i], fits[i]);
            for (int l = 0; l < levels.size(); l++) {
                LevelParameters level = levels.get(l);
                if (l != f.missing() && fitted) {
                    level = level.withM(sum[i][l] / fits[i]);
                    // one person's records disagree this way too often here for it to prove two people
                    if (level.conflict() && level.weight() > WEAKEST_CANNOT_LINK) level = level.withConflict(false);
                }
                result.add(level);
            }
            features.add(new FeatureParameters(f, result));
        }
        return model.withFeatures(features);
    }

    /**
     * Whether EM's match class for this feature looks like one person's records at all: its levels (MISSING aside)
     * must be nearer the prior's m than u (total variation distance). In data with few or no duplicates EM still
     * splits the pairs in two, and its "matches" are merely the most alike different people (twins of one
     * surname and birth date, with another given name of the same initial); such a fit is worse than the prior.
     */
    private static boolean informative(List<LevelParameters> prior, double[] sum, int fits) {
        double toPrior = 0, toChance = 0;
        for (int l = 0; l < prior.size(); l++) {
            LevelParameters level = prior.get(l);
            if (level.m() == 1 && level.u() == 1) continue; // MISSING: no evidence either way
            double fitted = sum[l] / fits;
            toPrior += Math.abs(fitted - level.m());
            toChance += Math.abs(fitted - level.u());
        }
        return toPrior < toChance;
    }

    /** Runs EM on the given patterns, updating m of the features not fixed; returns the match proportion. */
    private static double em(long[] keys, Long2LongOpenHashMap patterns, double[][] m, double[][] u,
                             boolean[] fixed, boolean[] fitted) {
        double lambda = 0.5;
        for (int iteration = 0; iteration < EM_ITERATIONS && keys.length > 0; iteration++) {
            double[][] expected = new double[Feature.COUNT][];
            for (Feature f : Feature.ALL) expected[f.ordinal()] = new double[f.levelCount()];
            double matches = 0, total = 0;
            for (long key : keys) {
                double count = patterns.get(key);
                double pm = lambda, pu = 1 - lambda;
                for (int f = 0; f < Feature.COUNT; f++) {
                    if (fixed[f]) continue; // the session selected on it: it says nothing here
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
                int i = f.ordinal();
                if (fixed[i]) continue;
                double present = 0;
                for (int l = 0; l < f.missing(); l++) present += expected[i][l];
                if (present < MIN_EXPECTED_MATCHES) continue; // too little evidence here: keep the prior
                fitted[i] = true;
                for (int l = 0; l < f.missing(); l++) m[i][l] = Math.max(1e-6, expected[i][l] / present);
            }
        }
        return lambda;
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
