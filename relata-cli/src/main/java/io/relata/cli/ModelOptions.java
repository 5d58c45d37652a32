package io.relata.cli;

import io.relata.core.resolve.MatchModel;
import io.relata.core.resolve.Resolver;
import io.relata.core.resolve.ResolverSettings;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options that choose the match model and how a batch is resolved. */
final class ModelOptions {
    @Option(names = "--model", paramLabel = "MODEL.json", description = "Match model to use (default: the built-in one).")
    Path model;

    @Option(names = "--train", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Re-estimate m probabilities by EM on this data (no labels used); on by default, "
                    + "--no-train keeps the model's m.")
    boolean train;

    @Option(names = "--fixed-u", description = "Keep the model's u probabilities instead of estimating them from this data.")
    boolean fixedU;

    @Option(names = "--max-block", paramLabel = "N", defaultValue = "100",
            description = "A blocking key shared by more records than this is generic and skipped (default: ${DEFAULT-VALUE}).")
    int maxBlock;

    @Option(names = "--exhaustive-pairs", paramLabel = "N", defaultValue = "2000000",
            description = "Compare every pair of a file with at most N pairs in all (2,000 records make about 2 "
                    + "million), not only the pairs blocking proposes; 0 always blocks, as the living store does "
                    + "(default: ${DEFAULT-VALUE}).")
    long exhaustivePairs;

    MatchModel matchModel() {
        return model == null ? MatchModel.defaults() : MatchModel.load(model);
    }

    /** A resolver with this model and settings, standardizing as the source options say. */
    Resolver resolver(SourceOptions sources) {
        return new Resolver(matchModel(), settings(), sources.standardizer());
    }

    ResolverSettings settings() {
        return ResolverSettings.defaults().withMaxBlockSize(maxBlock).withTrainM(train).withEstimateU(!fixedU)
                .withExhaustivePairs(exhaustivePairs);
    }
}
