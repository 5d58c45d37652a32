package io.relata.cli;

import io.relata.app.Workspace;
import io.relata.core.resolve.MatchModel;
import io.relata.core.standardize.RecordStandardizer;
import io.relata.store.RelataStore;
import picocli.CommandLine.Option;

/** The {@code --db} option every command on the store shares. */
final class StoreOptions {
    @Option(names = "--db", paramLabel = "URL|DIR",
            description = "The store: a JDBC URL (jdbc:h2:..., jdbc:postgresql://host/db; user and password from "
                    + "the URL or RELATA_DB_USER and RELATA_DB_PASSWORD) or a directory for the embedded store "
                    + "(default: ./relata-data).")
    String db;

    Workspace workspace(MatchModel modelForNewStore, RecordStandardizer standardizer) {
        return Workspace.open(db, modelForNewStore, standardizer);
    }

    Workspace workspace() {
        return workspace(null, new RecordStandardizer());
    }

    RelataStore store() {
        return RelataStore.open(db);
    }
}
