package io.relata.cli;

import io.relata.bench.generate.GenerationSummary;
import io.relata.bench.generate.GeneratorConfig;
import io.relata.bench.generate.PlantedPatterns;
import io.relata.bench.generate.PopulationGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code relata generate}: writes a synthetic multi-source population with its ground truth. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate a synthetic multi-source person and organization data set with ground truth "
                + "(deterministic by seed): OUT.jsonl, OUT.truth.csv and OUT.patterns.csv (the planted identity "
                + "rings, co-travel groups and concentration organizations, as pattern,group,source,id).")
final class GenerateCommand implements Callable<Integer> {
    @Option(names = {"-n", "--records"}, defaultValue = "10000", description = "How many records (default: ${DEFAULT-VALUE}).")
    int records;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--error-scale", defaultValue = "1.0",
            description = "Multiply every error rate by this (0 = clean copies; default: ${DEFAULT-VALUE}).")
    double errorScale;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT",
            description = "Output path prefix: writes OUT.jsonl, OUT.truth.csv and OUT.patterns.csv.")
    String out;

    @Override
    public Integer call() throws Exception {
        Path jsonl = Path.of(out + ".jsonl"), truth = Path.of(out + ".truth.csv"), patterns = Path.of(out + ".patterns.csv");
        if (jsonl.toAbsolutePath().getParent() != null) Files.createDirectories(jsonl.toAbsolutePath().getParent());
        GeneratorConfig config = GeneratorConfig.defaults(seed, records).withErrorScale(errorScale);
        GenerationSummary s = new PopulationGenerator().generate(config, jsonl, truth, patterns);
        System.out.printf("wrote %,d records of %,d entities to %s (truth: %s) in %.1f s%n",
                s.records(), s.entities(), jsonl, truth, s.seconds());
        new java.util.TreeMap<>(s.recordsPerSource()).forEach((source, n) -> System.out.printf("  %-12s %,d%n", source, n));
        PlantedPatterns p = s.patterns();
        System.out.printf("planted patterns (ground truth: %s):%n", patterns);
        System.out.printf("  identity rings      %,d (%,d fabricated identities)%n", p.identityRings(), p.ringMembers());
        System.out.printf("  co-travel groups    %,d (%,d travellers)%n", p.coTravelGroups(), p.coTravellers());
        System.out.printf("  concentration orgs  %,d (employing or sponsoring %,d of the rings)%n", p.concentrationOrgs(), p.ringsAtConcentrationOrgs());
        return 0;
    }
}
