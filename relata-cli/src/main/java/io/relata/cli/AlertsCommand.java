package io.relata.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.relata.app.Watching;
import io.relata.app.Workspace;
import io.relata.store.Alert;
import io.relata.store.AlertStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code relata alerts}: what the watch lists raised, and their disposition. */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "List the alerts watch lists raised during ingestion, oldest first.",
        subcommands = {AlertsCommand.Dispose.class})
final class AlertsCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    StoreOptions store;
    @Option(names = "--case", description = "Only this case (id or name).")
    String caseRef;
    @Option(names = "--status", description = "Only alerts in this status: ${COMPLETION-CANDIDATES}.")
    AlertStatus status;
    @Option(names = "--since", description = "Only alerts raised at or after this instant (ISO-8601).")
    Instant since;
    @Option(names = "--limit", defaultValue = "100", description = "At most this many (default: ${DEFAULT-VALUE}).")
    int limit;
    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (Workspace ws = store.workspace()) {
            List<Alert> alerts = new Watching(ws).alerts(caseRef, status, since, limit, 0);
            if (json) {
                ArrayNode out = JSON.createArrayNode();
                for (Alert a : alerts) {
                    out.addObject().put("id", a.id()).put("case", a.caseId()).put("watch", a.watchId())
                            .put("entity", a.entityId()).put("touched_entity", a.touchedEntity())
                            .put("trigger", a.trigger() == null ? null : a.trigger().toString())
                            .put("kind", a.kind().name()).put("distance", a.distance()).put("status", a.status().name())
                            .put("at", a.createdAt().toString()).set("evidence", JSON.readTree(a.evidence()));
                }
                System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out));
                return 0;
            }
            for (Alert a : alerts) {
                System.out.printf("%d  %s  case %d  %-16s watched %d, touched %d at %d hops by %s  %s%n", a.id(),
                        a.createdAt(), a.caseId(), a.kind(), a.entityId(), a.touchedEntity(), a.distance(), a.trigger(),
                        a.status());
                System.out.println("    " + a.evidence());
            }
        }
        return 0;
    }

    @Command(name = "dispose", mixinStandardHelpOptions = true, description = "Acknowledge or dismiss an alert, with a note.")
    static final class Dispose implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Parameters(index = "0", paramLabel = "ID", description = "The alert id.")
        long id;
        @Option(names = "--status", required = true, description = "ACKNOWLEDGED or DISMISSED.")
        AlertStatus status;
        @Option(names = "--note", required = true, description = "Why.")
        String note;
        @Mixin
        AnalystOptions who;

        @Override
        public Integer call() {
            try (Workspace ws = store.workspace()) {
                new Watching(ws).disposeAlert(id, status, note, who.analyst);
                System.out.printf("alert %d: %s%n", id, status);
            }
            return 0;
        }
    }
}
