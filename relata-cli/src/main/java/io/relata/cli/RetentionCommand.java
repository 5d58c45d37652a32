package io.relata.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.app.Retention;
import io.relata.app.RetentionJson;
import io.relata.app.Workspace;
import io.relata.app.access.Operation;
import io.relata.app.audit.AuditTrail;
import io.relata.store.SourceInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code relata retention}: sources' retention periods, and the run that removes expired records. */
@Command(name = "retention", mixinStandardHelpOptions = true,
        description = "Remove records kept longer than their source's retention period, and set the periods.",
        subcommands = {RetentionCommand.Run.class, RetentionCommand.Period.class})
final class RetentionCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Remove every record loaded more than its source's retention period before the run's date, with "
                    + "everything derived from it (features, history, review items, rulings, relationships, case subjects, "
                    + "alerts, leads, index entries); entities are re-formed from the records left. Records of a case under "
                    + "legal hold, and of the entities its subjects belong to, are kept. One audit entry names what went.")
    static final class Run implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Option(names = "--as-of", paramLabel = "DATE", description = "The run's date, YYYY-MM-DD in UTC (default: today); "
                + "a later date only with --dry-run.")
        LocalDate asOf;
        @Option(names = "--dry-run", description = "Show what would be removed; change nothing.")
        boolean dryRun;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;
        @Mixin
        AnalystOptions who;

        @Override
        public Integer call() throws Exception {
            try (Workspace ws = store.workspace()) {
                Retention retention = new Retention(ws, Clock.systemUTC());
                LocalDate day = asOf == null ? retention.today() : asOf;
                Retention.Plan plan = retention.plan(day);
                if (dryRun) {
                    if (json) System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(RetentionJson.of(plan, null, true)));
                    else print(plan, null);
                    return 0;
                }
                retention.requireRunnable(plan);
                AuditTrail trail = store.auditTrail(ws);
                ArrayNode runs = JSON.createArrayNode();
                // a run removes at most Retention.MAX_RECORDS_PER_RUN records (one audit entry each): run until done
                while (true) {
                    Retention.Plan now = plan;
                    Retention.Outcome outcome = CliAudit.change(trail, who.analyst, Operation.RETENTION_RUN, null,
                            now.auditObjects(), now.auditDetail(), () -> retention.run(now, who.analyst));
                    if (json) runs.add(RetentionJson.of(now, outcome, true));
                    else print(now, outcome);
                    if (now.remaining() == 0 || now.remove().isEmpty()) break;
                    plan = retention.plan(day);
                }
                if (json) {
                    ObjectNode out = JSON.createObjectNode().put("as_of", day.toString()).put("dry_run", false);
                    out.set("runs", runs);
                    System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out));
                }
            }
            return 0;
        }

        private static void print(Retention.Plan plan, Retention.Outcome outcome) {
            System.out.printf("retention as of %s%s%n", plan.asOf(), outcome == null ? " (dry run: nothing changed)" : "");
            System.out.printf("%-16s %8s %10s %9s %6s %9s%n", "source", "days", "records", "expired", "held", "removed");
            for (Retention.SourceRetention s : plan.sources()) {
                System.out.printf(Locale.ROOT, "%-16s %8s %,10d %,9d %,6d %,9d%n", s.source(),
                        s.retentionDays() == null ? "-" : s.retentionDays().toString(), s.records(), s.expired(), s.held(),
                        s.removed());
            }
            if (outcome == null) {
                System.out.printf(Locale.ROOT, "would remove %,d records; %,d kept under legal hold%s%n", plan.remove().size(), plan.held(),
                        plan.remaining() == 0 ? "" : String.format(Locale.ROOT, "; %,d more in the runs after (at most %,d a run)",
                                plan.remaining(), Retention.MAX_RECORDS_PER_RUN));
                return;
            }
            System.out.printf(Locale.ROOT, "removed %,d records; %,d kept under legal hold; %,d entities re-formed, %,d retired; "
                    + "%,d case subjects carried over%s%n", plan.remove().size(), plan.held(), outcome.entitiesChanged(),
                    outcome.entitiesRetired(), outcome.subjectsCarried(),
                    plan.remaining() == 0 ? "" : String.format(Locale.ROOT, "; %,d left for the next run", plan.remaining()));
        }
    }

    @Command(name = "period", mixinStandardHelpOptions = true,
            description = "Set how many days a source's records are kept (from their load), or 'none' to keep them.")
    static final class Period implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Parameters(index = "0", paramLabel = "SOURCE", description = "The source's code.")
        String source;
        @Parameters(index = "1", paramLabel = "DAYS|none", description = "Days, 0 or more; or none.")
        String days;
        @Mixin
        AnalystOptions who;

        @Override
        public Integer call() {
            Integer period = parse(days);
            try (Workspace ws = store.workspace()) {
                SourceInfo s = ws.store().sources().stream().filter(x -> x.code().equals(source)).findFirst()
                        .orElse(SourceInfo.of(source));
                SourceInfo changed = new SourceInfo(s.code(), s.name(), s.owner(), s.purpose(), s.defaultCountry(), period,
                        s.accessLabel());
                CliAudit.change(store.auditTrail(ws), who.analyst, Operation.SOURCE_UPDATE, null, List.of("source:" + source),
                        "retention_days " + (period == null ? "none" : period), () -> {
                            ws.store().putSource(changed);
                            return null;
                        });
                System.out.println("source " + source + ": " + (period == null ? "records kept without a limit"
                        : "records kept " + period + " days from their load"));
            }
            return 0;
        }

        private static Integer parse(String days) {
            if (days.strip().equalsIgnoreCase("none")) return null;
            try {
                int n = Integer.parseInt(days.strip());
                if (n >= 0) return n;
            } catch (NumberFormatException e) {
                // told below
            }
            throw new IllegalArgumentException("a retention period is a number of days (0 or more) or none, not '" + days + "'");
        }
    }
}
