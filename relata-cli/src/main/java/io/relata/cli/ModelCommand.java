package io.relata.cli;

import io.relata.core.ingest.LoadCounts;
import io.relata.core.resolve.MatchModel;
import io.relata.core.resolve.Resolution;
import io.relata.core.resolve.Resolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code relata model}: prints a match model, or trains one on data without labels and saves it. */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = "Print the match model (features, levels, m, u, weights, thresholds), or train it on "
                + "source files without labels (u from random pairs, m by EM) and save it with --save.")
final class ModelCommand implements Callable<Integer> {
    @Option(names = "--save", paramLabel = "MODEL.json", description = "Write the (trained) model here as JSON.")
    Path save;

    @Option(names = "--json", description = "Print the model as JSON instead of a table.")
    boolean json;

    @Mixin
    ModelOptions modelOptions;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Canonical JSONL files to train on (optional).")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        MatchModel model = modelOptions.matchModel();
        if (!files.isEmpty()) {
            SourceOptions sources = new SourceOptions();
            sources.files = files;
            SourceOptions.Loaded loaded = sources.load(System.err);
            LoadCounts counts = loaded.counts();
            Resolution resolution = new Resolver(model, modelOptions.settings(),
                    sources.standardizer()).resolveFeatures(loaded.features());
            model = resolution.model().withDescription("Trained without labels on " + counts.accepted()
                    + " records of " + files);
        }
        System.out.print(json ? model.toJson() + "\n" : model.describe());
        if (save != null) {
            model.save(save);
            System.err.println("saved " + save);
        }
        return 0;
    }
}
