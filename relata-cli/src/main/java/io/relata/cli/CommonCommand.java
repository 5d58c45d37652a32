package io.relata.cli;

import io.relata.app.GraphJson;
import io.relata.app.Relationships;
import io.relata.app.Workspace;
import io.relata.core.relate.CommonConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code relata common}: the entities two entities are both related to. */
@Command(name = "common", mixinStandardHelpOptions = true,
        description = "List the entities related to both of two entities, strongest first, with both relations' evidence.")
final class CommonCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;
    @Mixin
    RelationOptions relations;

    @Parameters(index = "0", paramLabel = "FIRST", description = "An entity id, or one of its records as SOURCE:ID.")
    String first;
    @Parameters(index = "1", paramLabel = "SECOND", description = "An entity id, or one of its records as SOURCE:ID.")
    String second;
    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        try (Workspace ws = store.workspace()) {
            Relationships rel = new Relationships(ws);
            List<CommonConnection> common = rel.common(first, second, relations.filter());
            if (json) {
                System.out.println(GraphJson.write(new GraphJson(rel).common(common)));
                return 0;
            }
            System.out.printf("%d common connections%n", common.size());
            for (CommonConnection c : common) {
                System.out.printf("entity %d (%s), strength %.4f%n", c.entity(), rel.label(c.entity()), c.strength());
                NetworkCommand.print(rel, c.toFirst());
                NetworkCommand.print(rel, c.toSecond());
            }
        }
        return 0;
    }
}
