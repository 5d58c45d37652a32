package io.relata.cli;

import io.relata.app.Ingest;
import io.relata.app.IngestSummary;
import io.relata.app.Workspace;
import io.relata.core.ingest.Reject;
import io.relata.core.ingest.RejectsWriter;
import io.relata.core.resolve.MatchModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code relata ingest}: loads source extracts into the store, resolving every record as it arrives. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Load source extracts into the store and resolve each new or changed record against "
                + "everything stored. A record with the same source and id replaces the stored one; an unchanged "
                + "record is a no-op. Commits in batches: a load that is killed can simply be run again.")
final class IngestCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Mixin
    SourceOptions sources;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "2000",
            description = "Records per committed transaction (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--log-every", paramLabel = "SECONDS", defaultValue = "10",
            description = "When not on a terminal, log progress this often (default: ${DEFAULT-VALUE}; 0: every batch).")
    double logEvery;

    @Option(names = "--model", paramLabel = "MODEL.json",
            description = "The match model for a new store (a store keeps the model it was created with).")
    Path model;

    @Override
    public Integer call() throws Exception {
        Path rejectsFile = sources.rejects != null ? sources.rejects : Path.of("relata-rejects.csv");
        MatchModel m = model == null ? null : MatchModel.load(model);
        try (Workspace ws = store.workspace(m, sources.countries(), sources.monthFirst);
             LazyRejects rejects = new LazyRejects(rejectsFile)) {
            Progress progress = Progress.forConsole(System.err, sources.files, logEvery);
            IngestSummary summary = new Ingest(ws, batch).run(sources.files, sources.csvMapping(), new Ingest.Listener() {
                @Override
                public void progress(long read, long accepted, long rejected) {
                    progress.update(read, accepted, rejected);
                }

                @Override
                public void rejected(Reject reject) {
                    rejects.write(reject);
                }
            });
            progress.done();
            System.out.print(summary.format());
            if (summary.rejected() > 0) {
                System.out.println(summary.rejected() + " rejected records (file, line, field, reason) in " + rejectsFile);
            }
            System.out.println("store: " + ws.store().describe());
        }
        return 0;
    }

    /** Creates the rejects file only when there is something to put in it. */
    private static final class LazyRejects implements AutoCloseable {
        private final Path file;
        private RejectsWriter writer;

        LazyRejects(Path file) {
            this.file = file;
        }

        void write(Reject r) {
            if (writer == null) writer = new RejectsWriter(file);
            writer.write(r);
        }

        @Override
        public void close() {
            if (writer != null) writer.close();
        }
    }
}
