package io.relata.app;

import io.relata.core.model.RecordKey;
import io.relata.core.relate.CommonConnection;
import io.relata.core.relate.GraphPath;
import io.relata.core.relate.Network;
import io.relata.core.relate.NetworkExplorer;
import io.relata.core.relate.PathFinder;
import io.relata.core.relate.RecordLinks;
import io.relata.core.relate.RelationFilter;
import io.relata.core.relate.RelationGraph;
import io.relata.core.relate.pattern.Lead;
import io.relata.core.relate.pattern.PatternCatalog;
import io.relata.core.standardize.PersonNameFeatures;
import io.relata.core.standardize.RecordFeatures;

import java.util.List;

/**
 * The analyst's relationship questions on the live graph: the network around an entity, the strongest paths
 * and the common connections between two, and the pattern scan. Entities are named by id or by any of their
 * records as {@code SOURCE:ID}.
 */
public final class Relationships {
    private final Workspace workspace;

    public Relationships(Workspace workspace) {
        this.workspace = workspace;
    }

    /** The entity an argument names: a number is an entity id, {@code SOURCE:ID} a record of it. */
    public long entity(String ref) {
        RelationGraph graph = workspace.graph();
        String r = ref == null ? "" : ref.strip();
        if (r.matches("\\d{1,18}")) {
            long id = Long.parseLong(r);
            if (!graph.containsEntity(id)) throw new NotFoundException("no active entity " + id);
            return id;
        }
        RecordKey key;
        try {
            key = RecordKey.parse(r);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + ref + "' is neither an entity id nor a record as SOURCE:ID");
        }
        long id = graph.entityOf(key);
        if (id == 0) throw new NotFoundException("no active record " + key);
        return id;
    }

    public Network network(String ref, int hops, RelationFilter filter, int nodeLimit) {
        return new NetworkExplorer(workspace.graph()).network(entity(ref), hops, filter, nodeLimit);
    }

    public List<GraphPath> paths(String from, String to, int k, int maxHops, int maxDegree, RelationFilter filter) {
        return new PathFinder(workspace.graph()).strongest(entity(from), entity(to), k, maxHops, maxDegree, filter);
    }

    public List<CommonConnection> common(String a, String b, RelationFilter filter) {
        return new NetworkExplorer(workspace.graph()).common(entity(a), entity(b), filter);
    }

    /** Runs the pattern catalog (or one pattern) over the whole graph. */
    public List<Lead> scan(PatternCatalog catalog, String patternOrNull) {
        return catalog.scan(workspace.graph(), patternOrNull);
    }

    /** The records of an entity as keys, in order. */
    public List<RecordKey> records(long entity) {
        return workspace.graph().records(entity).stream().map(RecordLinks::key).toList();
    }

    /** A short label for an entity: its first record's name, for people and charts. */
    public String label(long entity) {
        return label(entity, k -> true);
    }

    /**
     * A short label for an entity from the first of its records that {@code visible} lets through (the records a
     * user may see), so that a label never shows a name only a hidden record gives; "entity N" when none is.
     */
    public String label(long entity, java.util.function.Predicate<RecordKey> visible) {
        for (RecordLinks r : workspace.graph().records(entity)) {
            if (!visible.test(r.key())) continue;
            RecordFeatures f = r.features();
            if (f.orgNames().length > 0) return f.orgNames()[0].name();
            for (PersonNameFeatures n : f.names()) {
                String name = ((n.given() == null ? "" : n.given()) + " " + (n.surname() == null ? "" : n.surname())).strip();
                if (!name.isEmpty()) return name;
            }
            return r.key().toString();
        }
        return "entity " + entity;
    }
}
