package io.relata.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.core.model.RecordKey;
import io.relata.core.relate.CommonConnection;
import io.relata.core.relate.Evidence;
import io.relata.core.relate.GraphPath;
import io.relata.core.relate.Network;
import io.relata.core.relate.Relation;
import io.relata.core.relate.pattern.Lead;

import java.util.List;

/** Relationship answers as JSON, one shape for the command line and the server: entities with their records. */
public final class GraphJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Relationships relationships;
    private final java.util.function.Predicate<RecordKey> visible;

    public GraphJson(Relationships relationships) {
        this(relationships, k -> true);
    }

    /** Renders only the records {@code visible} lets through (what the user may see). */
    public GraphJson(Relationships relationships, java.util.function.Predicate<RecordKey> visible) {
        this.relationships = relationships;
        this.visible = visible;
    }

    public ObjectNode entity(long id) {
        ObjectNode n = JSON.createObjectNode();
        n.put("entity", id);
        n.put("label", relationships.label(id, visible));
        ArrayNode records = n.putArray("records");
        for (RecordKey k : relationships.records(id)) if (visible.test(k)) records.add(k.toString());
        return n;
    }

    public ObjectNode relation(Relation r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("from", r.from());
        n.put("to", r.to());
        n.put("strength", round(r.strength()));
        ArrayNode evidence = n.putArray("evidence");
        for (Evidence e : r.evidence()) {
            ObjectNode x = evidence.addObject();
            x.put("type", e.type().name());
            x.put("detail", e.detail());
            x.put("from_record", e.from().toString());
            x.put("to_record", e.to().toString());
            x.put("shared_by", e.sharedBy());
            x.put("strength", round(e.strength()));
        }
        return n;
    }

    public ObjectNode network(Network net) {
        ObjectNode n = JSON.createObjectNode();
        n.put("center", net.center());
        n.put("truncated", net.truncated());
        ArrayNode nodes = n.putArray("nodes");
        for (Network.Node node : net.nodes()) nodes.add(entity(node.entity()).put("hops", node.hops()));
        ArrayNode edges = n.putArray("edges");
        for (Relation r : net.edges()) edges.add(relation(r));
        ObjectNode hidden = n.putObject("hidden_generic");
        net.hiddenGeneric().forEach(hidden::put);
        return n;
    }

    public ArrayNode paths(List<GraphPath> paths) {
        ArrayNode out = JSON.createArrayNode();
        for (GraphPath p : paths) {
            ObjectNode n = out.addObject();
            n.put("strength", round(p.strength()));
            n.put("length", p.length());
            ArrayNode entities = n.putArray("entities");
            for (long e : p.entities()) entities.add(entity(e));
            ArrayNode hops = n.putArray("hops");
            for (Relation r : p.hops()) hops.add(relation(r));
        }
        return out;
    }

    public ArrayNode common(List<CommonConnection> common) {
        ArrayNode out = JSON.createArrayNode();
        for (CommonConnection c : common) {
            ObjectNode n = out.addObject();
            n.set("entity", entity(c.entity()));
            n.put("strength", round(c.strength()));
            n.set("to_first", relation(c.toFirst()));
            n.set("to_second", relation(c.toSecond()));
        }
        return out;
    }

    public ObjectNode lead(Lead lead) {
        ObjectNode n = JSON.createObjectNode();
        n.put("pattern", lead.pattern());
        n.put("key", lead.key());
        n.put("score", round(lead.score()));
        ArrayNode evidence = n.putArray("evidence");
        lead.evidence().forEach(evidence::add);
        ArrayNode members = n.putArray("members");
        for (long e : lead.members()) members.add(entity(e));
        return n;
    }

    public ArrayNode leads(List<Lead> leads) {
        ArrayNode out = JSON.createArrayNode();
        for (Lead l : leads) out.add(lead(l));
        return out;
    }

    public static String write(Object node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
