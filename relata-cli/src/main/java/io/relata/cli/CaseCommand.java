package io.relata.cli;

import io.relata.app.Watching;
import io.relata.app.Workspace;
import io.relata.store.CaseFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code relata case}: the cases analysts work in. */
@Command(name = "case", mixinStandardHelpOptions = true, description = "Create and list cases.",
        subcommands = {CaseCommand.Create.class, CaseCommand.ListCases.class})
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
                    System.out.printf("%d  %-30s %-7s by %s, %s%s%n", c.id(), c.name(), c.status(), c.createdBy(),
                            c.createdAt(), c.description() == null ? "" : "  " + c.description());
                }
            }
            return 0;
        }
    }
}
