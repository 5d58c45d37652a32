package io.relata.cli;

import io.relata.app.Curation;
import io.relata.app.Workspace;
import io.relata.core.model.RecordKey;
import io.relata.core.resolve.live.ChangeSet;
import io.relata.core.resolve.live.MatchDecision;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code relata decide}: an analyst rules that two records are, or are not, the same. */
@Command(name = "decide", mixinStandardHelpOptions = true,
        description = "Rule that two records are the same real entity (--same, a must-link) or not (--different, "
                + "a cannot-link). The ruling overrides the model and holds through later loads.")
final class DecideCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @ArgGroup(multiplicity = "1")
    Ruling ruling;

    static final class Ruling {
        @Option(names = "--same", required = true, description = "The two records are the same entity.")
        boolean same;

        @Option(names = "--different", required = true, description = "The two records are different entities.")
        boolean different;
    }

    @Parameters(arity = "2", paramLabel = "SOURCE:ID", description = "The two records.")
    List<String> records;

    @Option(names = "--reason", required = true, description = "Why: it is kept with the ruling.")
    String reason;

    @Option(names = "--analyst", required = true, description = "Who rules.")
    String analyst;

    @Override
    public Integer call() {
        MatchDecision d = new MatchDecision(RecordKey.parse(records.get(0)), RecordKey.parse(records.get(1)),
                ruling.same, reason, analyst, Instant.now());
        try (Workspace ws = store.workspace()) {
            ChangeSet cs = new Curation(ws).decide(d);
            System.out.printf("%s and %s: %s (by %s)%n", d.first(), d.second(), d.same() ? "same" : "different", analyst);
            DeleteCommand.printChanges(cs);
            System.out.printf("now: %s in entity %d, %s in entity %d%n", d.first(), ws.resolver().entityOf(d.first()),
                    d.second(), ws.resolver().entityOf(d.second()));
        }
        return 0;
    }
}
