package io.relata.cli;

import io.relata.app.GraphJson;
import io.relata.app.Relationships;
import io.relata.app.Workspace;
import io.relata.core.relate.Evidence;
import io.relata.core.relate.Network;
import io.relata.core.relate.Relation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code relata network}: the entities within some hops of one, with the evidence on every relation. */
@Command(name = "network", mixinStandardHelpOptions = true,
        description = "Show the possible connections around an entity, up to N hops, strongest first, each with its "
                + "evidence. Values shared too widely to mean anything (a shelter, a placeholder phone) are hidden and "
                + "listed. Connections are ranked for a person to judge; they say nothing of what a link means.")
final class NetworkCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;
    @Mixin
    RelationOptions relations;

    @Parameters(index = "0", paramLabel = "ENTITY", description = "An entity id, or one of its records as SOURCE:ID.")
    String entity;

    @Option(names = "--hops", defaultValue = "2", description = "How many hops out (default: ${DEFAULT-VALUE}).")
    int hops;

    @Option(names = "--limit", defaultValue = "200", description = "At most this many entities (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        try (Workspace ws = store.workspace()) {
            Relationships rel = new Relationships(ws);
            Network net = rel.network(entity, hops, relations.filter(), limit);
            if (json) {
                System.out.println(GraphJson.write(new GraphJson(rel).network(net)));
                return 0;
            }
            System.out.printf("network of entity %d (%s): %d entities, %d relations within %d hops%s%n", net.center(),
                    rel.label(net.center()), net.nodes().size(), net.edges().size(), hops,
                    net.truncated() ? " (cut at --limit)" : "");
            for (Relation r : net.edges()) print(rel, r);
            net.hiddenGeneric().forEach((v, n) -> System.out.printf("hidden: %s is shared by %d entities%n", v, n));
        }
        return 0;
    }

    static void print(Relationships rel, Relation r) {
        System.out.printf("  %d %s -- %d %s  strength %.3f%n", r.from(), rel.label(r.from()), r.to(), rel.label(r.to()),
                r.strength());
        for (Evidence e : r.evidence()) {
            System.out.printf("      %-17s %s  (%s ~ %s%s) %.3f%n", e.type(), e.detail(), e.from(), e.to(),
                    e.sharedBy() > 2 ? ", shared by " + e.sharedBy() : "", e.strength());
        }
    }
}
