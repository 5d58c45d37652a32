package io.relata.cli;

import io.relata.app.GraphJson;
import io.relata.app.Leads;
import io.relata.app.Relationships;
import io.relata.app.Workspace;
import io.relata.core.relate.pattern.Lead;
import io.relata.core.relate.pattern.LeadPattern;
import io.relata.core.relate.pattern.PatternCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code relata patterns}: runs the pattern catalog and lists the leads it finds. */
@Command(name = "patterns", mixinStandardHelpOptions = true,
        description = "Scan the graph for the patterns of the catalog (shared-address, shared-contact, "
                + "identity-conflict, identity-ring, co-travel, org-concentration) and list the leads, highest score "
                + "first, and store them for review (a lead found again keeps its disposition; one no longer found is "
                + "retired). A lead is something that may deserve a look, never a finding.")
final class PatternsCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Option(names = "--pattern", paramLabel = "NAME", description = "Only this pattern.")
    String pattern;
    @Option(names = "--limit", defaultValue = "0", description = "Print at most this many leads (0: all).")
    int limit;
    @Option(names = "--list", description = "List the patterns and what each looks for.")
    boolean list;
    @Option(names = "--json", description = "Print a JSON array of leads: pattern, score, evidence, members.")
    boolean json;

    @Override
    public Integer call() {
        PatternCatalog catalog = PatternCatalog.defaults();
        if (list) {
            for (LeadPattern p : catalog.patterns()) System.out.printf("%-18s %s%n", p.name(), p.description());
            return 0;
        }
        try (Workspace ws = store.workspace()) {
            Relationships rel = new Relationships(ws);
            Leads.ScanResult scan = new Leads(ws, catalog).scan(pattern);
            List<Lead> leads = scan.leads();
            List<Lead> shown = limit > 0 && leads.size() > limit ? leads.subList(0, limit) : leads;
            if (json) {
                System.out.println(GraphJson.write(new GraphJson(rel).leads(shown)));
                return 0;
            }
            System.out.printf("%d leads in %.1f s (stored; %d no longer found and retired)%n", leads.size(),
                    scan.seconds(), scan.retired().values().stream().mapToInt(Integer::intValue).sum());
            for (Lead l : shown) {
                System.out.printf("%-18s score %6.2f  entities %s%n", l.pattern(), l.score(), l.members());
                for (String e : l.evidence()) System.out.println("    " + e);
            }
        }
        return 0;
    }
}
