package io.relata.bench.generate;

import io.relata.core.ingest.JsonlWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Generates a synthetic multi-source population with ground truth: canonical JSON Lines records, a
 * {@code source,id,entity} CSV and a {@code pattern,group,source,id} CSV of the planted relationship patterns.
 * Works chunk by chunk (build, shuffle, write), so memory is bounded by the chunk size, and each chunk's random
 * stream derives from the seed and the chunk number; the little that runs across chunks (id sequences, the values
 * rings have used, the current concentration organization) is itself a function of the chunks before. So the
 * output is a pure function of the config.
 */
public final class PopulationGenerator {
    public static final String PATTERNS_HEADER = "pattern,group,source,id";

    /** Writes records and truth; the planted patterns' ground truth is dropped. */
    public GenerationSummary generate(GeneratorConfig config, Path jsonl, Path truthCsv) throws IOException {
        return generate(config, jsonl, truthCsv, null);
    }

    /** Writes records, truth and (unless {@code patternsCsv} is null) the planted patterns' ground truth. */
    public GenerationSummary generate(GeneratorConfig config, Path jsonl, Path truthCsv, Path patternsCsv) throws IOException {
        try (java.io.OutputStream records = new java.io.BufferedOutputStream(Files.newOutputStream(jsonl), 1 << 16);
             Writer truth = new BufferedWriter(Files.newBufferedWriter(truthCsv, StandardCharsets.UTF_8), 1 << 16);
             Writer patterns = patternsCsv == null ? Writer.nullWriter() : Files.newBufferedWriter(patternsCsv, StandardCharsets.UTF_8)) {
            return generate(config, new JsonlWriter(records), truth, patterns);
        }
    }

    /** Writes exactly {@code config.records()} lines to {@code jsonl} and one truth line per record (after a header). */
    public GenerationSummary generate(GeneratorConfig config, Writer jsonl, Writer truthCsv) throws IOException {
        return generate(config, new JsonlWriter(jsonl), truthCsv, Writer.nullWriter());
    }

    /** As above, and one {@code pattern,group,source,id} line per record of every planted pattern's members. */
    public GenerationSummary generate(GeneratorConfig config, Writer jsonl, Writer truthCsv, Writer patternsCsv) throws IOException {
        return generate(config, new JsonlWriter(jsonl), truthCsv, patternsCsv);
    }

    private GenerationSummary generate(GeneratorConfig config, JsonlWriter writer, Writer truthCsv, Writer patternsCsv) throws IOException {
        long started = System.nanoTime();
        RunTally tally = new RunTally();
        ErrorInjector errors = new ErrorInjector();
        RecordRenderer renderer = new RecordRenderer(config, errors);
        ChunkBuilder builder = new ChunkBuilder(config, tally, renderer);
        truthCsv.write("source,id,entity\n");
        patternsCsv.write(PATTERNS_HEADER + "\n");
        long written = 0;
        for (int chunk = 0; written < config.records(); chunk++) {
            int budget = (int) Math.min(config.chunkRecords(), config.records() - written);
            SplittableRandom rng = new SplittableRandom(mix(config.seed(), chunk));
            Chunk built = builder.build(rng, budget);
            List<Draft> drafts = built.drafts;
            // Without the shuffle one person's records would sit side by side, which no real extract does.
            Collections.shuffle(drafts, new java.util.Random(rng.nextLong()));
            StringBuilder truth = new StringBuilder(drafts.size() * 28);
            for (Draft d : drafts) {
                writer.write(d.builder().build());
                truth.append(d.source().name()).append(',').append(d.id()).append(',').append(d.entityId()).append('\n');
            }
            truthCsv.append(truth);
            patternsCsv.append(built.patterns);
            written += drafts.size();
        }
        writer.flush();
        truthCsv.flush();
        patternsCsv.flush();
        return summary(tally, errors, renderer, written, (System.nanoTime() - started) / 1e9);
    }

    private static GenerationSummary summary(RunTally t, ErrorInjector errors, RecordRenderer renderer, long records, double seconds) {
        Map<String, Long> perSource = new TreeMap<>();
        for (SourceProfile s : SourceProfile.values()) if (t.recordsPerSource[s.ordinal()] > 0) perSource.put(s.name(), t.recordsPerSource[s.ordinal()]);
        Map<String, Long> planted = new TreeMap<>();
        for (ErrorKind k : ErrorKind.values()) planted.put(k.name(), errors.count(k.ordinal()));
        Map<String, Long> generic = new TreeMap<>();
        for (GenericValues.Kind k : GenericValues.Kind.values()) generic.put(k.name(), renderer.genericCount(k));
        Map<String, Long> relationships = new TreeMap<>();
        for (int i = 0; i < RunTally.RELATIONSHIP_TYPES.length; i++) relationships.put(RunTally.RELATIONSHIP_TYPES[i], t.relationships[i]);
        PlantedPatterns patterns = new PlantedPatterns(t.identityRings, t.ringMembers, t.coTravelGroups, t.coTravellers,
                t.concentrationOrgs, t.ringsAtConcentrationOrgs);
        return new GenerationSummary(records, t.persons + t.organizations, perSource, t.persons, t.organizations,
                t.households, t.personsInHouseholds, t.juniorPairs, t.twinPairs, generic, planted, relationships, patterns, seconds);
    }

    /** SplitMix64 finalizer: well-separated streams for neighbouring chunk numbers. */
    private static long mix(long seed, long chunk) {
        long z = seed + 0x9E3779B97F4A7C15L * (chunk + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
