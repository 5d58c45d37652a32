package io.relata.cli;

import io.relata.store.EntityEvent;
import io.relata.store.RelataStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.concurrent.Callable;

/** {@code relata changes}: what happened to entities since a point in time. */
@Command(name = "changes", mixinStandardHelpOptions = true,
        description = "List entity changes (created, record added or removed, merged, split, retired) since a time.")
final class ChangesCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Option(names = "--since", required = true, paramLabel = "INSTANT", description = "e.g. 2026-11-25T00:00:00Z")
    Instant since;

    @Option(names = "--limit", defaultValue = "1000", description = "At most this many (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        try (RelataStore s = store.store()) {
            for (EntityEvent e : s.changesSince(since, limit)) {
                System.out.printf("%s entity %d %s %s%s%s%n", e.at(), e.entityId(), e.kind(), e.trigger(),
                        e.otherEntity() == 0 ? "" : " entity " + e.otherEntity(),
                        e.matchKey() == null || e.matchKey().isEmpty() ? "" : "  " + e.matchKey());
            }
        }
        return 0;
    }
}
