package io.relata.bench.jmh;

import io.relata.bench.generate.GeneratorConfig;
import io.relata.bench.generate.PopulationGenerator;
import io.relata.core.ingest.JsonlReader;
import io.relata.core.ingest.RecordHandler;
import io.relata.core.model.Record;
import io.relata.core.resolve.Comparison;
import io.relata.core.resolve.MatchModel;
import io.relata.core.resolve.Outcome;
import io.relata.core.resolve.PairScorer;
import io.relata.core.resolve.ValueFrequencies;
import io.relata.core.standardize.RecordFeatures;
import io.relata.core.standardize.RecordStandardizer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Cost of {@link PairScorer#score}, which runs every comparator (names, dates, addresses, contacts,
 * identifiers; they are package-private, so this is the way in) on generated records.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 3, time = 1)
@State(Scope.Thread)
public class ComparatorBenchmark {
    static final int RECORDS = 5_000;
    static final int BATCH = 1_000;
    static final long SEED = 42;

    PairScorer scorer;
    Comparison comparison;
    RecordFeatures[] features;
    RecordFeatures matchA, matchB, nonMatchA, nonMatchB;
    /** Pairs as indexes into {@code features}: first[i] with second[i]. Half same entity, half random. */
    int[] first, second;

    @Setup
    public void setup() {
        StringWriter jsonl = new StringWriter(RECORDS * 600);
        StringWriter truth = new StringWriter(RECORDS * 32);
        try {
            new PopulationGenerator().generate(GeneratorConfig.defaults(SEED, RECORDS), jsonl, truth);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> entityOf = new HashMap<>();
        truth.toString().lines().skip(1).forEach(line -> {
            int comma = line.lastIndexOf(',');
            entityOf.put(line.substring(0, comma).replace(',', ':'), line.substring(comma + 1));
        });
        List<Record> records = new ArrayList<>(RECORDS);
        new JsonlReader().read(new ByteArrayInputStream(jsonl.toString().getBytes(StandardCharsets.UTF_8)), "generated",
                RecordHandler.of(records::add, r -> { throw new IllegalStateException("generator wrote a bad record: " + r); }));

        RecordStandardizer standardizer = new RecordStandardizer();
        features = new RecordFeatures[records.size()];
        Map<String, List<Integer>> byEntity = new LinkedHashMap<>();
        for (int i = 0; i < features.length; i++) {
            features[i] = standardizer.standardize(records.get(i));
            byEntity.computeIfAbsent(entityOf.get(records.get(i).key().toString()), k -> new ArrayList<>()).add(i);
        }
        scorer = new PairScorer(MatchModel.defaults(), ValueFrequencies.of(features));
        comparison = new Comparison();

        // Fixed seed: every run scores the same pairs, so runs are comparable.
        Random rng = new Random(SEED);
        List<int[]> pairs = new ArrayList<>(BATCH);
        List<List<Integer>> groups = byEntity.values().stream().filter(g -> g.size() > 1).toList();
        while (pairs.size() < BATCH / 2) {
            List<Integer> g = groups.get(rng.nextInt(groups.size()));
            int a = rng.nextInt(g.size()), b = rng.nextInt(g.size() - 1);
            pairs.add(new int[] {g.get(a), g.get(b >= a ? b + 1 : b)});
        }
        while (pairs.size() < BATCH) {
            int a = rng.nextInt(features.length), b = rng.nextInt(features.length);
            if (!entityOf.get(records.get(a).key().toString()).equals(entityOf.get(records.get(b).key().toString()))) {
                pairs.add(new int[] {a, b});
            }
        }
        // Interleaved, as a candidate list is; a sorted one would flatter the branch predictor.
        Collections.shuffle(pairs, rng);
        first = pairs.stream().mapToInt(p -> p[0]).toArray();
        second = pairs.stream().mapToInt(p -> p[1]).toArray();

        // The single-pair cases: the first pair that the scorer calls a MATCH, and the first it calls NO_MATCH.
        for (int i = 0; i < BATCH && (matchA == null || nonMatchA == null); i++) {
            scorer.score(features[first[i]], features[second[i]], comparison);
            Outcome o = scorer.outcome(comparison);
            if (o == Outcome.MATCH && matchA == null) {
                matchA = features[first[i]];
                matchB = features[second[i]];
            } else if (o == Outcome.NO_MATCH && nonMatchA == null) {
                nonMatchA = features[first[i]];
                nonMatchB = features[second[i]];
            }
        }
        if (matchA == null || nonMatchA == null) throw new IllegalStateException("no MATCH or no NO_MATCH pair in the batch");
    }

    @Benchmark
    public double matchingPair() {
        return scorer.score(matchA, matchB, comparison);
    }

    @Benchmark
    public double nonMatchingPair() {
        return scorer.score(nonMatchA, nonMatchB, comparison);
    }

    /** Reported per pair: JMH divides the call's time by the batch size. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void candidatePairs(Blackhole bh) {
        for (int i = 0; i < BATCH; i++) {
            bh.consume(scorer.score(features[first[i]], features[second[i]], comparison));
        }
    }
}
