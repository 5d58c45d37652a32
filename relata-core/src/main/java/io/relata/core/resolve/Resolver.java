package io.relata.core.resolve;

import io.relata.core.model.Record;
import io.relata.core.standardize.RecordFeatures;
import io.relata.core.standardize.RecordStandardizer;
import it.unimi.dsi.fastutil.longs.LongArrayList;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Resolves a batch of records into entities: standardize, block, fit the model's probabilities to the data,
 * score the candidate pairs, cluster the matches. Uses every core.
 */
public final class Resolver {
    private static final int CHUNK = 4096;

    private final MatchModel model;
    private final ResolverSettings settings;
    private final RecordStandardizer standardizer;

    public Resolver(MatchModel model, ResolverSettings settings, RecordStandardizer standardizer) {
        this.model = model;
        this.settings = settings;
        this.standardizer = standardizer;
    }

    public Resolver() {
        this(MatchModel.defaults(), ResolverSettings.defaults(), new RecordStandardizer());
    }

    public Resolution resolve(List<Record> records) {
        long t0 = System.nanoTime();
        RecordFeatures[] features = new RecordFeatures[records.size()];
        IntStream.range(0, features.length).parallel()
                .forEach(i -> features[i] = standardizer.standardize(records.get(i)));
        return resolveFeatures(features, seconds(System.nanoTime() - t0));
    }

    /** Resolves records standardized already (by a {@link io.relata.core.standardize.BatchStandardizer}). */
    public Resolution resolveFeatures(RecordFeatures[] records) {
        return resolveFeatures(records, 0);
    }

    private Resolution resolveFeatures(RecordFeatures[] records, double standardizeSeconds) {
        long t0 = System.nanoTime();
        ValueFrequencies frequencies = ValueFrequencies.of(records);
        CandidatePairs candidates = new CandidateGenerator(settings.maxBlockSize()).generate(records);
        long t1 = System.nanoTime();

        MatchModel fitted = model;
        if (settings.estimateU()) {
            fitted = ModelTrainer.estimateU(fitted, records, frequencies, settings.uSamplePairs(), settings.seed());
        }
        if (settings.trainM()) {
            fitted = ModelTrainer.estimateM(fitted, records, frequencies, candidates.pairs(), null);
        }
        PairScorer scorer = new PairScorer(fitted, frequencies);
        long t2 = System.nanoTime();

        // the model is fitted on the blocked pairs, where matches are many; a small file then compares them all
        long[] pairs = settings.exhaustive(records.length) ? CandidateGenerator.allPairs(records) : candidates.pairs();
        float[] weights = new float[pairs.length];
        byte[] outcomes = new byte[pairs.length];
        IntStream.range(0, (pairs.length + CHUNK - 1) / CHUNK).parallel().forEach(chunk -> {
            Comparison c = new Comparison();
            int end = Math.min(pairs.length, (chunk + 1) * CHUNK);
            for (int p = chunk * CHUNK; p < end; p++) {
                weights[p] = (float) scorer.score(records[CandidatePairs.first(pairs[p])],
                        records[CandidatePairs.second(pairs[p])], c);
                outcomes[p] = (byte) scorer.outcome(c).ordinal();
            }
        });
        LongArrayList matchPairs = new LongArrayList(), reviewPairs = new LongArrayList();
        it.unimi.dsi.fastutil.floats.FloatArrayList matchWeights = new it.unimi.dsi.fastutil.floats.FloatArrayList();
        for (int p = 0; p < pairs.length; p++) {
            if (outcomes[p] == Outcome.MATCH.ordinal()) {
                matchPairs.add(pairs[p]);
                matchWeights.add(weights[p]);
            } else if (outcomes[p] == Outcome.POSSIBLE_MATCH.ordinal()) {
                reviewPairs.add(pairs[p]);
            }
        }
        long t3 = System.nanoTime();

        Clustering clustering = new EntityClusterer(scorer)
                .cluster(records, matchPairs.toLongArray(), matchWeights.toFloatArray());
        long t4 = System.nanoTime();

        int entities = (int) IntStream.range(0, records.length).filter(i -> clustering.entityOf()[i] == i).count();
        ResolutionStats stats = new ResolutionStats(records.length, entities, pairs.length, candidates.blocks(),
                candidates.genericBlocks(), candidates.largestGenericBlock(), candidates.pairsByKind(), matchPairs.size(), reviewPairs.size(),
                clustering.refusedByConflict(), clustering.refusedByCohesion(), standardizeSeconds,
                seconds(t1 - t0), seconds(t2 - t1), seconds(t3 - t2), seconds(t4 - t3));
        return new Resolution(records, clustering.entityOf(), clustering.links(), reviewPairs.toLongArray(),
                pairs, scorer, stats);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
