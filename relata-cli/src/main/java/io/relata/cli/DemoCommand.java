package io.relata.cli;

import io.relata.bench.generate.GenerationSummary;
import io.relata.bench.generate.GeneratorConfig;
import io.relata.bench.generate.PopulationGenerator;
import io.relata.core.evaluate.ClusterMetrics;
import io.relata.core.evaluate.GroundTruth;
import io.relata.core.ingest.JsonlReader;
import io.relata.core.ingest.LoadCounts;
import io.relata.core.ingest.RecordHandler;
import io.relata.core.model.Record;
import io.relata.core.model.RecordKey;
import io.relata.core.resolve.CandidatePairs;
import io.relata.core.resolve.Explanation;
import io.relata.core.resolve.Outcome;
import io.relata.core.resolve.Resolution;
import io.relata.core.resolve.ResolutionStats;
import io.relata.core.resolve.Resolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code relata demo}: the main job, end to end on generated data: several source systems, resolved into
 * entities, with a few entities explained and a look-alike pair the engine kept apart.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate a small multi-source data set, resolve it, and print a readable summary: sources, "
                + "records, entities, accuracy against the generator's truth, and explained examples.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = {"-n", "--records"}, defaultValue = "5000", description = "How many records (default: ${DEFAULT-VALUE}).")
    int records;

    @Option(names = "--seed", defaultValue = "7", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--dir", defaultValue = "relata-data/demo", description = "Where the generated files go (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Files.createDirectories(dir);
        Path jsonl = dir.resolve("demo.jsonl"), truthFile = dir.resolve("demo.truth.csv");
        GenerationSummary generated = new PopulationGenerator().generate(GeneratorConfig.defaults(seed, records), jsonl, truthFile);
        out.printf("Generated %,d records of %,d real people and organizations in %d source systems:%n",
                generated.records(), generated.entities(), generated.recordsPerSource().size());
        new java.util.TreeMap<>(generated.recordsPerSource()).forEach((s, n) -> out.printf("  %-12s %,7d records%n", s, n));
        out.printf("  (%s)%n%n", jsonl);

        List<Record> loaded = new ArrayList<>();
        LoadCounts counts = new JsonlReader().read(jsonl, RecordHandler.of(loaded::add, r -> out.println("rejected " + r)));
        long start = System.nanoTime();
        Resolution resolution = new Resolver().resolve(loaded);
        double seconds = (System.nanoTime() - start) / 1e9;
        ResolutionStats s = resolution.stats();
        out.printf("Resolved %,d records (%,d rejected) into %,d entities in %.2f s.%n", counts.accepted(),
                counts.rejected(), s.entities(), seconds);
        out.printf("  %,d candidate pairs compared, %,d generic values skipped, %,d matches, %,d possible matches "
                + "left for an analyst to review.%n", s.candidatePairs(), s.genericBlocks(), s.matchPairs(), s.possibleMatchPairs());

        List<RecordKey> keys = new ArrayList<>();
        for (Record r : loaded) keys.add(r.key());
        ClusterMetrics.Evaluation e = ClusterMetrics.evaluate(resolution.entityOf(), GroundTruth.load(truthFile).labels(keys));
        out.printf("  Against the generator's truth: pairwise precision %.3f, recall %.3f, F1 %.3f.%n%n",
                e.pairwise().precision(), e.pairwise().recall(), e.pairwise().f1());

        out.println("Entities built from several sources, and how:");
        int shown = 0;
        String tryWhy = null;
        for (int[] entity : resolution.entities()) {
            if (entity.length < 3 || shown == 3 || !multiSource(resolution, entity)) continue;
            out.print(resolution.how(resolution.key(entity[0])).format());
            Explanation why = resolution.why(entity[0], entity[1]);
            if (tryWhy == null) tryWhy = why.first() + " " + why.second();
            out.print(why.format());
            out.println();
            shown++;
        }
        Explanation apart = lookAlikeKeptApart(resolution);
        if (apart != null) {
            out.println("Look-alikes kept apart (a conflict no shared address or phone can outweigh):");
            out.print(apart.format());
        }
        out.println();
        out.println("Every answer is a possible connection for an analyst to judge, with its evidence.");
        out.println("Try:");
        if (tryWhy != null) out.println("  ./relata why -p " + tryWhy + " " + jsonl);
        out.println("  ./relata eval --truth " + truthFile + " " + jsonl);
        return 0;
    }

    private static boolean multiSource(Resolution resolution, int[] entity) {
        Set<String> sources = new HashSet<>();
        for (int i : entity) sources.add(resolution.key(i).source());
        return sources.size() >= 2;
    }

    /**
     * The most convincing look-alike: the candidate pair with the most evidence that still conflicts on a
     * personal detail while sharing a surname and an address (a twin, a father and son, a sibling).
     */
    private static Explanation lookAlikeKeptApart(Resolution resolution) {
        Explanation best = null;
        for (long pair : resolution.candidatePairs()) {
            Explanation why = resolution.why(CandidatePairs.first(pair), CandidatePairs.second(pair));
            if (why.conflict() && !why.sameEntity() && why.outcome() == Outcome.POSSIBLY_RELATED
                    && why.matchKey().contains("+SURNAME") && why.matchKey().contains("+ADDRESS")
                    && (best == null || why.total() > best.total())) {
                best = why;
            }
        }
        return best;
    }
}
