package io.relata.server;

import io.javalin.http.Context;
import io.relata.app.GraphJson;
import io.relata.app.Relationships;
import io.relata.app.Workspace;
import io.relata.app.access.AccessContext;
import io.relata.app.access.Guard;
import io.relata.app.access.Operation;
import io.relata.app.access.Redactor;
import io.relata.core.relate.CommonConnection;
import io.relata.core.relate.GraphPath;
import io.relata.core.relate.Network;
import io.relata.core.relate.Relation;
import io.relata.core.relate.RelationFilter;
import io.relata.core.relate.RelationType;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import static io.relata.server.ApiRoute.Param.optional;
import static io.relata.server.ApiRoute.Param.required;

/**
 * The relationship questions: the network around an entity, the strongest paths and the common connections of
 * two. The entities asked about must be subjects of the case; what the answer shows is redacted for the user.
 */
final class GraphApi {
    private final Workspace ws;
    private final Guard guard;

    GraphApi(Workspace ws, Guard guard) {
        this.ws = ws;
        this.guard = guard;
    }

    List<ApiRoute> routes() {
        List<ApiRoute.Param> filter = List.of(optional("min_strength", "follow relations at least this strong (0-1)"),
                optional("types", "comma-separated relation types: " + EnumSet.allOf(RelationType.class)));
        List<ApiRoute.Param> network = new ArrayList<>(filter);
        network.add(optional("hops", "how many hops out (0-4, default 2)"));
        network.add(optional("limit", "at most this many entities (1-1000, default 200)"));
        List<ApiRoute.Param> path = new ArrayList<>(filter);
        path.addAll(List.of(required("from", "entity id or SOURCE:ID"), required("to", "entity id or SOURCE:ID"),
                optional("k", "how many paths (1-10, default 3)"), optional("max_hops", "longest path (1-8, default 6)"),
                optional("max_degree", "never pass through an entity with more relations (default 50)")));
        List<ApiRoute.Param> common = new ArrayList<>(filter);
        common.addAll(List.of(required("a", "entity id or SOURCE:ID"), required("b", "entity id or SOURCE:ID")));
        return List.of(
                ApiRoute.get("/api/entities/{id}/network", "The possible connections around an entity, each with its evidence",
                        Operation.NETWORK, network, this::network),
                ApiRoute.get("/api/paths", "The k strongest paths between two entities, each hop explained", Operation.PATH,
                        path, this::paths),
                ApiRoute.get("/api/common", "The entities related to both of two entities", Operation.COMMON, common,
                        this::common));
    }

    private RelationFilter filter(Context ctx) {
        double min = Calls.doubleQuery(ctx, "min_strength", 0, 0, 1);
        String types = Calls.optionalQuery(ctx, "types");
        Set<RelationType> set = EnumSet.noneOf(RelationType.class);
        if (types != null) {
            for (String t : types.split(",")) {
                try {
                    set.add(RelationType.valueOf(t.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw ProblemException.badRequest("unknown relation type '" + t.strip() + "'; known: " + EnumSet.allOf(RelationType.class));
                }
            }
        }
        return new RelationFilter(min, set);
    }

    private void network(Context ctx) {
        long id = Calls.pathId(ctx, "id");
        int hops = Calls.intQuery(ctx, "hops", 2, 0, 4);
        int limit = Calls.intQuery(ctx, "limit", 200, 1, 1000);
        RelationFilter filter = filter(ctx);
        AccessContext access = Calls.access(ctx);
        var out = guard.run(access, Operation.NETWORK, List.of(id), List.of(), "hops=" + hops, () -> {
            Relationships rel = new Relationships(ws);
            Redactor redactor = new Redactor(access.user(), ws.store().sources());
            Network net = rel.network(Long.toString(id), hops, filter, limit);
            List<Relation> edges = net.edges().stream().map(redactor::relation).filter(Objects::nonNull).toList();
            Network visible = new Network(net.center(), net.nodes(), edges, net.hiddenGeneric(), net.truncated());
            return Guard.Answer.of(new GraphJson(rel, redactor::canSee).network(visible), visible.nodes().size(),
                    visible.nodes().stream().map(n -> "entity:" + n.entity()).toList());
        });
        ctx.json(out);
    }

    private void paths(Context ctx) {
        Relationships rel = new Relationships(ws);
        long from = entity(rel, Calls.requiredQuery(ctx, "from")), to = entity(rel, Calls.requiredQuery(ctx, "to"));
        int k = Calls.intQuery(ctx, "k", 3, 1, 10);
        int maxHops = Calls.intQuery(ctx, "max_hops", 6, 1, 8);
        int maxDegree = Calls.intQuery(ctx, "max_degree", 50, 1, 10_000);
        if (from == to && from != 0) throw ProblemException.badRequest("a path needs two different entities");
        RelationFilter filter = filter(ctx);
        AccessContext access = Calls.access(ctx);
        var out = guard.run(access, Operation.PATH, List.of(from, to), List.of(), "k=" + k + " max_hops=" + maxHops, () -> {
            Redactor redactor = new Redactor(access.user(), ws.store().sources());
            List<GraphPath> visible = new ArrayList<>();
            for (GraphPath p : rel.paths(Long.toString(from), Long.toString(to), k, maxHops, maxDegree, filter)) {
                List<Relation> hops = p.hops().stream().map(redactor::relation).toList();
                if (hops.contains(null)) continue; // a hop the user may not see breaks the path for them
                visible.add(new GraphPath(p.entities(), hops, p.strength()));
            }
            List<String> shown = visible.stream().flatMap(p -> p.entities().stream()).distinct().map(e -> "entity:" + e).toList();
            return Guard.Answer.of(new GraphJson(rel, redactor::canSee).paths(visible), visible.size(), shown);
        });
        ctx.json(out);
    }

    private void common(Context ctx) {
        Relationships rel = new Relationships(ws);
        long a = entity(rel, Calls.requiredQuery(ctx, "a")), b = entity(rel, Calls.requiredQuery(ctx, "b"));
        RelationFilter filter = filter(ctx);
        AccessContext access = Calls.access(ctx);
        var out = guard.run(access, Operation.COMMON, List.of(a, b), List.of(), null, () -> {
            Redactor redactor = new Redactor(access.user(), ws.store().sources());
            List<CommonConnection> visible = new ArrayList<>();
            for (CommonConnection c : rel.common(Long.toString(a), Long.toString(b), filter)) {
                Relation x = redactor.relation(c.toFirst()), y = redactor.relation(c.toSecond());
                if (x != null && y != null) visible.add(new CommonConnection(c.entity(), x, y));
            }
            return Guard.Answer.of(new GraphJson(rel, redactor::canSee).common(visible), visible.size(),
                    visible.stream().map(c -> "entity:" + c.entity()).toList());
        });
        ctx.json(out);
    }

    /**
     * An entity named by id or record, or 0 when there is none: the guard then denies it like any entity outside
     * the case, after the role check, so that a caller without the role learns nothing of what exists.
     */
    private static long entity(Relationships rel, String ref) {
        try {
            return rel.entity(ref);
        } catch (io.relata.app.NotFoundException e) {
            return 0;
        }
    }
}
