package io.relata.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.relata.app.Leads;
import io.relata.app.Workspace;
import io.relata.core.relate.pattern.PatternCatalog;
import io.relata.store.Lead;
import io.relata.store.LeadStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code relata leads}: the stored leads of pattern scans, for review, and their disposition. */
@Command(name = "leads", mixinStandardHelpOptions = true,
        description = "List the leads stored by pattern scans (best score first), or dispose of one.",
        subcommands = {LeadsCommand.Dispose.class})
final class LeadsCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    StoreOptions store;
    @Option(names = "--pattern", description = "Only this pattern.")
    String pattern;
    @Option(names = "--status", description = "Only leads in this status: ${COMPLETION-CANDIDATES}.")
    LeadStatus status;
    @Option(names = "--limit", defaultValue = "50", description = "At most this many (default: ${DEFAULT-VALUE}).")
    int limit;
    @Option(names = "--offset", defaultValue = "0", description = "Skip this many first.")
    int offset;
    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (Workspace ws = store.workspace()) {
            List<Lead> leads = new Leads(ws, PatternCatalog.defaults()).list(pattern, status, limit, offset);
            if (json) {
                ArrayNode out = JSON.createArrayNode();
                for (Lead l : leads) {
                    var n = out.addObject().put("id", l.id()).put("pattern", l.pattern()).put("key", l.key())
                            .put("score", l.score()).put("status", l.status().name());
                    n.set("evidence", JSON.readTree(l.evidence()));
                    n.set("members", JSON.readTree(l.members()));
                    n.put("note", l.note()).put("disposed_by", l.disposedBy());
                }
                System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out));
                return 0;
            }
            for (Lead l : leads) {
                System.out.printf("%d  %-18s score %6.2f  %-9s %d entities%n", l.id(), l.pattern(), l.score(), l.status(),
                        l.memberCount());
                for (var e : JSON.readTree(l.evidence())) System.out.println("    " + e.asText());
            }
        }
        return 0;
    }

    @Command(name = "dispose", mixinStandardHelpOptions = true, description = "Record an analyst's view of a lead, with a note.")
    static final class Dispose implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Parameters(index = "0", paramLabel = "ID", description = "The lead id.")
        long id;
        @Option(names = "--status", required = true, description = "REVIEWED, DISMISSED or ESCALATED.")
        LeadStatus status;
        @Option(names = "--note", required = true, description = "Why.")
        String note;
        @Mixin
        AnalystOptions who;

        @Override
        public Integer call() {
            try (Workspace ws = store.workspace()) {
                new Leads(ws, PatternCatalog.defaults()).dispose(id, status, note, who.analyst);
                System.out.printf("lead %d: %s%n", id, status);
            }
            return 0;
        }
    }
}
