package io.relata.cli;

import io.relata.app.Curation;
import io.relata.app.Workspace;
import io.relata.core.model.RecordKey;
import io.relata.core.resolve.live.ChangeSet;
import io.relata.core.resolve.live.EntityChange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code relata delete}: withdraws one record from the store. */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Withdraw a record. Its entity is re-formed from the records left and splits if they no "
                + "longer hold together; the history keeps what happened.")
final class DeleteCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Option(names = "--source", required = true, description = "The record's source code.")
    String source;

    @Option(names = "--id", required = true, description = "The record's id within its source.")
    String id;

    @Override
    public Integer call() {
        try (Workspace ws = store.workspace()) {
            ChangeSet cs = new Curation(ws).withdraw(new RecordKey(source, id));
            System.out.println("withdrew " + source + ":" + id);
            printChanges(cs);
        }
        return 0;
    }

    static void printChanges(ChangeSet cs) {
        for (EntityChange c : cs.changes()) {
            System.out.printf("  entity %d %s%s%s%n", c.entityId(), c.kind(),
                    c.otherEntity() == 0 ? "" : " " + c.otherEntity(), c.matchKey().isEmpty() ? "" : "  " + c.matchKey());
        }
    }
}
