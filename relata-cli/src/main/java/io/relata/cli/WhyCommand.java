package io.relata.cli;

import io.relata.core.model.RecordKey;
import io.relata.core.resolve.Resolution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code relata why}: explains why two records are, or are not, one entity. */
@Command(name = "why", mixinStandardHelpOptions = true,
        description = "Resolve the files and explain why two records are, or are not, the same entity: "
                + "each feature's comparison level and weight, the total and the match key.")
final class WhyCommand implements Callable<Integer> {
    @Option(names = {"-p", "--pair"}, required = true, arity = "2", paramLabel = "SOURCE:ID",
            description = "The two records, each as SOURCE:ID. Repeat for more pairs.")
    List<String> pair;

    @Mixin
    SourceOptions sources;

    @Mixin
    ModelOptions modelOptions;

    @Override
    public Integer call() {
        Resolution resolution = modelOptions.resolver(sources).resolveFeatures(sources.load(System.err).features());
        for (int i = 0; i + 1 < pair.size(); i += 2) {
            System.out.print(resolution.why(RecordKey.parse(pair.get(i)), RecordKey.parse(pair.get(i + 1))).format());
        }
        return 0;
    }
}
