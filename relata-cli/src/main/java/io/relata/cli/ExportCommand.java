package io.relata.cli;

import io.relata.store.RelataStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code relata export}: every record's current entity, for evaluation or for other tools. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write every active record's current entity as CSV source,id,entity.")
final class ExportCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Option(names = "--clusters", required = true, paramLabel = "FILE", description = "The CSV file to write.")
    Path clusters;

    @Override
    public Integer call() throws Exception {
        try (RelataStore s = store.store(); Writer out = Files.newBufferedWriter(clusters, StandardCharsets.UTF_8)) {
            s.exportClusters(out);
        }
        System.out.println("wrote " + clusters);
        return 0;
    }
}
