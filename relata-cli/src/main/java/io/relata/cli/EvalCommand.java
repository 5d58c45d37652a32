package io.relata.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.core.evaluate.BlockingRecall;
import io.relata.core.evaluate.ClusterMetrics;
import io.relata.core.evaluate.ClustersCsv;
import io.relata.core.evaluate.GroundTruth;
import io.relata.core.evaluate.PrecisionRecall;
import io.relata.core.standardize.RecordFeatures;
import io.relata.core.model.RecordKey;
import io.relata.core.resolve.Resolution;
import io.relata.core.resolve.ResolutionStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code relata eval}: resolves files from scratch and measures the result against ground truth. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Resolve the files from scratch and compare the entities with ground truth "
                + "(pairwise and B-cubed precision, recall, F1; blocking recall; speed).")
final class EvalCommand implements Callable<Integer> {
    @Option(names = "--truth", required = true, paramLabel = "TRUTH.csv", description = "Ground truth: source,id,entity.")
    Path truth;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Option(names = "--out", paramLabel = "clusters.csv", description = "Write every record's entity as source,id,entity.")
    Path out;

    @Mixin
    SourceOptions sources;

    @Mixin
    ModelOptions modelOptions;

    @Override
    public Integer call() throws Exception {
        PrintStream stdout = System.out;
        GroundTruth groundTruth = GroundTruth.load(truth);
        long start = System.nanoTime();
        SourceOptions.Loaded loaded = sources.load(System.err);
        double readSeconds = (System.nanoTime() - start) / 1e9;
        Resolution resolution = modelOptions.resolver(sources).resolveFeatures(loaded.features());
        double seconds = (System.nanoTime() - start) / 1e9;

        List<RecordKey> keys = new ArrayList<>(loaded.features().length);
        for (RecordFeatures f : loaded.features()) keys.add(f.key());
        int[] trueLabels = groundTruth.labels(keys);
        ClusterMetrics.Evaluation e = ClusterMetrics.evaluate(resolution.entityOf(), trueLabels);
        BlockingRecall.Result blocking = BlockingRecall.of(resolution.candidatePairs(), trueLabels);
        if (out != null) {
            ClustersCsv.write(out, keys, resolution.entityOf(), entity -> "E" + entity);
        }
        ResolutionStats s = resolution.stats();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode o = mapper.createObjectNode();
            o.put("records", keys.size());
            o.put("rejected", loaded.counts().rejected());
            o.put("entities", e.predictedEntities());
            o.put("true_entities", e.trueEntities());
            put(o.putObject("pairwise"), e.pairwise());
            put(o.putObject("bcubed"), e.bcubed());
            o.put("candidate_pairs", s.candidatePairs());
            o.put("blocking_recall", blocking.recall());
            o.put("generic_blocks", s.genericBlocks());
            o.put("seconds", seconds);
            o.put("records_per_second", keys.size() / seconds);
            o.put("peak_rss_mb", PeakMemory.megabytes());
            stdout.println(mapper.writeValueAsString(o));
        } else {
            stdout.printf("records           %,d (%,d rejected)%n", keys.size(), loaded.counts().rejected());
            stdout.printf("entities          %,d (truth: %,d)%n", e.predictedEntities(), e.trueEntities());
            print(stdout, "pairwise", e.pairwise());
            print(stdout, "b-cubed", e.bcubed());
            stdout.printf("candidate pairs   %,d (blocking recall %.4f; %,d generic keys skipped)%n",
                    s.candidatePairs(), blocking.recall(), s.genericBlocks());
            stdout.printf("pairs by key      %s%n", s.pairsByKeyKind());
            stdout.printf("match pairs       %,d; possible matches for review %,d; merges refused %,d (conflict) %,d (cohesion)%n",
                    s.matchPairs(), s.possibleMatchPairs(), s.refusedByConflict(), s.refusedByCohesion());
            stdout.printf("time              %.2f s, %,.0f records/s (read+standardize %.2f, block %.2f, fit %.2f, score %.2f, cluster %.2f)%n",
                    seconds, keys.size() / seconds, readSeconds, s.blockSeconds(), s.trainSeconds(),
                    s.scoreSeconds(), s.clusterSeconds());
            stdout.printf("peak memory       %,d MB resident%n", PeakMemory.megabytes());
        }
        return 0;
    }

    private static void put(ObjectNode o, PrecisionRecall pr) {
        o.put("precision", pr.precision());
        o.put("recall", pr.recall());
        o.put("f1", pr.f1());
    }

    private static void print(PrintStream out, String name, PrecisionRecall pr) {
        out.printf("%-17s precision %.4f  recall %.4f  F1 %.4f%n", name, pr.precision(), pr.recall(), pr.f1());
    }
}
