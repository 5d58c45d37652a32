package io.relata.cli;

import io.relata.app.GraphJson;
import io.relata.app.Relationships;
import io.relata.app.Workspace;
import io.relata.core.relate.GraphPath;
import io.relata.core.relate.Relation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code relata path}: the strongest chains of relations between two entities, each hop explained. */
@Command(name = "path", mixinStandardHelpOptions = true,
        description = "Find the k strongest paths between two entities (a path's strength is the product of its hops'), "
                + "each hop with its evidence, passing through no entity with more relations than --max-degree.")
final class PathCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;
    @Mixin
    RelationOptions relations;

    @Parameters(index = "0", paramLabel = "FROM", description = "An entity id, or one of its records as SOURCE:ID.")
    String from;
    @Parameters(index = "1", paramLabel = "TO", description = "An entity id, or one of its records as SOURCE:ID.")
    String to;

    @Option(names = "-k", defaultValue = "3", description = "How many paths (default: ${DEFAULT-VALUE}).")
    int k;
    @Option(names = "--max-hops", defaultValue = "6", description = "Longest path (default: ${DEFAULT-VALUE}).")
    int maxHops;
    @Option(names = "--max-degree", defaultValue = "50",
            description = "Never pass through an entity with more relations than this (default: ${DEFAULT-VALUE}).")
    int maxDegree;
    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        try (Workspace ws = store.workspace()) {
            Relationships rel = new Relationships(ws);
            List<GraphPath> paths = rel.paths(from, to, k, maxHops, maxDegree, relations.filter());
            if (json) {
                System.out.println(GraphJson.write(new GraphJson(rel).paths(paths)));
                return 0;
            }
            if (paths.isEmpty()) {
                System.out.printf("no path of at most %d hops between %s and %s%n", maxHops, from, to);
                return 0;
            }
            int i = 1;
            for (GraphPath p : paths) {
                System.out.printf("path %d: %d hops, strength %.4f%n", i++, p.length(), p.strength());
                for (Relation r : p.hops()) NetworkCommand.print(rel, r);
            }
        }
        return 0;
    }
}
