package io.relata.cli;

import io.relata.core.evaluate.ClustersCsv;
import io.relata.core.model.RecordKey;
import io.relata.core.resolve.Resolution;
import io.relata.core.resolve.ResolutionStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code relata resolve}: resolves files into entities and writes each record's entity. */
@Command(name = "resolve", mixinStandardHelpOptions = true,
        description = "Resolve the files into entities and write every record's entity as CSV source,id,entity.")
final class ResolveCommand implements Callable<Integer> {
    @Option(names = {"-o", "--out"}, required = true, paramLabel = "clusters.csv", description = "Where to write the entities.")
    Path out;

    @Mixin
    SourceOptions sources;

    @Mixin
    ModelOptions modelOptions;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        SourceOptions.Loaded loaded = sources.load(System.err);
        Resolution resolution = modelOptions.resolver(sources).resolveFeatures(loaded.features());
        List<RecordKey> keys = new ArrayList<>(resolution.size());
        for (int i = 0; i < resolution.size(); i++) keys.add(resolution.key(i));
        ClustersCsv.write(out, keys, resolution.entityOf(), entity -> resolution.key(entity).toString());
        ResolutionStats s = resolution.stats();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("read %,d records (%,d accepted, %,d rejected); %,d entities; %,d possible matches "
                        + "for review; %.1f s; wrote %s%n", loaded.counts().read(), loaded.counts().accepted(),
                loaded.counts().rejected(), s.entities(), s.possibleMatchPairs(), seconds, out);
        return 0;
    }
}
