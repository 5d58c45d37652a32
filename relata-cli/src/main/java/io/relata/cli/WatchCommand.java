package io.relata.cli;

import io.relata.app.Watching;
import io.relata.app.Workspace;
import io.relata.store.Watch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code relata watch}: watch lists, whose trip-wire raises alerts during ingestion. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Watch an entity within a case: when new data resolves into it, or brings a relation within "
                + "--hops of it, ingestion raises an alert.",
        subcommands = {WatchCommand.Add.class, WatchCommand.ListWatches.class, WatchCommand.Remove.class})
final class WatchCommand {
    @Command(name = "add", mixinStandardHelpOptions = true, description = "Start watching an entity for a case.")
    static final class Add implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Parameters(index = "0", paramLabel = "ENTITY", description = "An entity id, or one of its records as SOURCE:ID.")
        String entity;
        @Option(names = "--case", required = true, description = "The case (id or name).")
        String caseRef;
        @Option(names = "--hops", defaultValue = "1",
                description = "Alert on relations up to this many hops away, 0 to 3 (default: ${DEFAULT-VALUE}).")
        int hops;
        @Option(names = "--note", description = "Why the entity is watched.")
        String note;
        @Mixin
        AnalystOptions who;

        @Override
        public Integer call() {
            try (Workspace ws = store.workspace()) {
                Watch w = new Watching(ws).watch(caseRef, entity, hops, who.analyst, note);
                System.out.printf("watch %d: entity %d, case %d, %d hops%n", w.id(), w.entityId(), w.caseId(), w.hops());
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List watches (active ones, or a case's).")
    static final class ListWatches implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Option(names = "--case", description = "Only this case (id or name), active or not.")
        String caseRef;

        @Override
        public Integer call() {
            try (Workspace ws = store.workspace()) {
                for (Watch w : new Watching(ws).watches(caseRef)) {
                    System.out.printf("%d  case %d  entity %d  %d hops  %s  by %s, %s%s%n", w.id(), w.caseId(),
                            w.entityId(), w.hops(), w.active() ? "active" : "stopped", w.createdBy(), w.createdAt(),
                            w.note() == null ? "" : "  " + w.note());
                }
            }
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Stop a watch (its alerts stay).")
    static final class Remove implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Parameters(index = "0", paramLabel = "ID", description = "The watch id.")
        long id;

        @Override
        public Integer call() {
            try (Workspace ws = store.workspace()) {
                new Watching(ws).unwatch(id);
                System.out.printf("watch %d stopped%n", id);
            }
            return 0;
        }
    }
}
