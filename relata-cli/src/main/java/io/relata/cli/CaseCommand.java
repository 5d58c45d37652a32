package io.relata.cli;

import io.relata.app.LegalHolds;
import io.relata.app.Watching;
import io.relata.app.access.Operation;
import io.relata.store.CaseHold;
import io.relata.app.Workspace;
import io.relata.store.CaseFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code relata case}: the cases analysts work in. */
@Command(name = "case", mixinStandardHelpOptions = true, description = "Create and list cases; put them under legal hold.",
        subcommands = {CaseCommand.Create.class, CaseCommand.ListCases.class, CaseCommand.Hold.class,
                CaseCommand.ReleaseHold.class})
final class CaseCommand {
    @Command(name = "create", mixinStandardHelpOptions = true, description = "Open a new case.")
    static final class Create implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Parameters(index = "0", paramLabel = "NAME", description = "The case's name (unique).")
        String name;
        @Option(names = "--description", description = "What the case is about.")
        String description;
        @Mixin
        AnalystOptions who;

        @Override
        public Integer call() {
            try (Workspace ws = store.workspace()) {
                CaseFile c = new Watching(ws).createCase(name, description, who.analyst);
                System.out.printf("case %d: %s%n", c.id(), c.name());
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the cases.")
    static final class ListCases implements Callable<Integer> {
        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            try (Workspace ws = store.workspace()) {
                for (CaseFile c : new Watching(ws).cases()) {
                    System.out.printf("%d  %-30s %-7s by %s, %s%s%s%n", c.id(), c.name(), c.status(), c.createdBy(),
                            c.createdAt(), c.legalHold() ? "  [legal hold]" : "", c.description() == null ? "" : "  " + c.description());
                }
            }
            return 0;
        }
    }

    @Command(name = "hold", mixinStandardHelpOptions = true,
            description = "Put a case under legal hold: retention keeps its subject records and every record of their "
                    + "entities until the hold is released. Audited.")
    static final class Hold implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Parameters(index = "0", paramLabel = "CASE", description = "The case's name or id.")
        String caseRef;
        @Option(names = "--reason", required = true, description = "Why (a litigation notice, an inquiry).")
        String reason;
        @Mixin
        AnalystOptions who;

        @Override
        public Integer call() {
            try (Workspace ws = store.workspace()) {
                LegalHolds holds = new LegalHolds(ws, Clock.systemUTC());
                long id = holds.of(caseRef).caseId();
                CaseHold h = CliAudit.change(store.auditTrail(ws), who.analyst, Operation.LEGAL_HOLD_SET, id,
                        List.of("case:" + id), reason, () -> holds.hold(id, who.analyst, reason));
                System.out.printf("case %d %s: under legal hold since %s by %s: %s%n", h.caseId(), h.caseName(), h.heldAt(),
                        h.heldBy(), h.reason());
            }
            return 0;
        }
    }

    @Command(name = "release-hold", mixinStandardHelpOptions = true,
            description = "Release a case's legal hold: the next retention run may remove what it kept. Audited.")
    static final class ReleaseHold implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Parameters(index = "0", paramLabel = "CASE", description = "The case's name or id.")
        String caseRef;
        @Option(names = "--reason", description = "Why, for the audit trail.")
        String reason;
        @Mixin
        AnalystOptions who;

        @Override
        public Integer call() {
            try (Workspace ws = store.workspace()) {
                LegalHolds holds = new LegalHolds(ws, Clock.systemUTC());
                long id = holds.of(caseRef).caseId();
                CaseHold h = CliAudit.change(store.auditTrail(ws), who.analyst, Operation.LEGAL_HOLD_RELEASE, id,
                        List.of("case:" + id), reason, () -> holds.release(id));
                System.out.printf("case %d %s: legal hold released%n", h.caseId(), h.caseName());
            }
            return 0;
        }
    }
}
