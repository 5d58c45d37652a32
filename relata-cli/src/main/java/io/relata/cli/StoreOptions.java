package io.relata.cli;

import io.relata.app.Workspace;
import io.relata.core.resolve.MatchModel;
import java.util.Map;
import io.relata.store.RelataStore;
import picocli.CommandLine.Option;

/** The {@code --db} option every command on the store shares. */
final class StoreOptions {
    @Option(names = "--db", paramLabel = "URL|DIR",
            description = "The store: a JDBC URL (jdbc:h2:..., jdbc:postgresql://host/db; user and password from "
                    + "the URL or RELATA_DB_USER and RELATA_DB_PASSWORD) or a directory for the embedded store "
                    + "(default: ./relata-data).")
    String db;

    @Option(names = "--audit-key", paramLabel = "FILE",
            description = "The audit trail's key file, kept outside the database (default: $RELATA_AUDIT_KEY_FILE, or "
                    + "audit.key in the embedded store's directory; created when missing).")
    java.nio.file.Path auditKey;

    /** The store's audit trail, its key loaded (or created) where --audit-key or the defaults say. */
    io.relata.app.audit.AuditTrail auditTrail(Workspace ws) {
        java.nio.file.Path file = auditKey != null ? auditKey
                : io.relata.app.audit.AuditKey.defaultFile(db, System.getenv());
        return new io.relata.app.audit.AuditTrail(ws.store(), io.relata.app.audit.AuditKey.loadOrCreate(file));
    }

    /** The store for a load, which records the load's standardization settings. */
    Workspace workspace(MatchModel modelForNewStore, Map<String, String> countries, boolean monthFirst) {
        return Workspace.open(db, modelForNewStore, countries, monthFirst);
    }

    Workspace workspace() {
        return Workspace.open(db);
    }

    RelataStore store() {
        return RelataStore.open(db);
    }
}
