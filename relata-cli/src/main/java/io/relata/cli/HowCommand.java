package io.relata.cli;

import io.relata.core.model.RecordKey;
import io.relata.core.resolve.Resolution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code relata how}: shows how the entity of a record was built. */
@Command(name = "how", mixinStandardHelpOptions = true,
        description = "Resolve the files and show how the entity holding a record was built: its records and "
                + "the scored pairs that joined them, strongest first.")
final class HowCommand implements Callable<Integer> {
    @Option(names = {"-r", "--record"}, required = true, paramLabel = "SOURCE:ID",
            description = "A record of the entity, as SOURCE:ID. Repeat for more entities.")
    List<String> records;

    @Mixin
    SourceOptions sources;

    @Mixin
    ModelOptions modelOptions;

    @Override
    public Integer call() {
        Resolution resolution = modelOptions.resolver(sources).resolveFeatures(sources.load(System.err).features());
        for (String r : records) System.out.print(resolution.how(RecordKey.parse(r)).format());
        return 0;
    }
}
